// One attempt against one deployment: the adapter builds the upstream request, undici sends it with
// the deployment's timeouts, and the status decides between a failure to fall back from, the client's
// own error returned as is, or an answer handed to the JSON or the stream stage.
import type { Dispatcher } from 'undici';
import { sendError, successHeaders, isObject, type Exchange } from '../http/exchange.js';
import { judgeUpstreamError } from '../fall-through.js';
import type { UpstreamRequest } from '../providers/types.js';
import type { ProxyServices } from '../services.js';
import type { ModelGroup, RuntimeDeployment } from '../table.js';
import { failed, networkFailure, parseRetryAfter, type Outcome } from '../attempt/outcome.js';
import type { AnswerContext } from '../answer/context.js';
import { finishJson } from '../answer/json.js';
import { pumpStream } from '../stream/start.js';
import { UpstreamAbort } from './abort.js';
import { prepareIngressAttempt } from '../ingress/attempt.js';

/** The adapter's upstream request, or the outcome when it cannot build one. */
function buildUpstreamRequest(svc: ProxyServices, r: Exchange, d: RuntimeDeployment): UpstreamRequest | Outcome {
  try {
    if (r.ingress) return prepareIngressAttempt(svc, r, d);
    return d.adapter!.buildRequest(r.ctx, d.adapterDeployment, r.body);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A request the adapter cannot express upstream is the client's problem, never a mark against the
    // deployment: a 400, whether the adapter refused it on purpose (status 400) or failed on it.
    const e = isObject(err) ? (err as { type?: unknown; param?: unknown }) : {};
    sendError(r, 400, { message, type: typeof e.type === 'string' ? e.type : 'invalid_request_error', code: 'unsupported_request', param: typeof e.param === 'string' ? e.param : null }, successHeaders(r, d, 'application/json'));
    r.served = d;
    return { kind: 'client_error' };
  }
}

export async function callUpstream(svc: ProxyServices, r: Exchange, group: ModelGroup, d: RuntimeDeployment): Promise<Outcome> {
  const adapter = d.adapter;
  const pool = d.pool;
  if (!adapter || !pool) return failed('unavailable', d.disabledReason ?? 'deployment has no adapter');
  if (!adapter.endpoints.includes(r.endpoint)) return failed('unsupported_endpoint', `${d.prefix}/ does not serve ${r.endpoint}`);
  const up = buildUpstreamRequest(svc, r, d);
  if ('kind' in up) return up;
  let path: string;
  if (up.url.startsWith(d.origin)) path = up.url.slice(d.origin.length) || '/';
  else return failed('adapter_error', 'adapter built a URL outside the deployment api_base origin');

  const ac = new UpstreamAbort();
  r.abort = ac;
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      ac.abort();
    },
    r.stream ? d.streamTimeoutMs : d.timeoutMs,
  );
  const upstreamStart = performance.now();
  d.state.inflight++;
  d.state.countRequest(Date.now());
  try {
    let resp: Dispatcher.ResponseData;
    try {
      resp = await pool.request({
        path,
        method: up.method,
        headers: up.headers,
        body: up.body,
        signal: ac,
        headersTimeout: 0,
        // Streams: after the first chunk the stream_timeout timer is gone; `timeout` then bounds silence.
        bodyTimeout: r.stream ? d.timeoutMs : 0,
      });
    } catch (err) {
      return networkFailure(r, err, timedOut);
    }
    if (resp.statusCode < 200 || resp.statusCode >= 300) return await upstreamRefused(r, d, resp, () => timedOut);
    const answer: AnswerContext = { svc, r, group, d, resp, upstreamStart, timer, timedOut: () => timedOut };
    if (!r.stream) return await finishJson(answer, adapter);
    const contentType = String(resp.headers['content-type'] ?? '');
    if (adapter.passThrough && !contentType.includes('text/event-stream')) {
      let text = '';
      try {
        text = await resp.body.text();
      } catch (err) {
        return networkFailure(r, err, timedOut);
      }
      return failed('bad_response', `upstream answered a stream request with ${contentType || 'no content type'}: ${text.slice(0, 200)}`);
    }
    return await pumpStream(answer, adapter);
  } finally {
    clearTimeout(timer);
    d.state.inflight--;
    r.abort = undefined;
    r.ingressAttempt = undefined;
  }
}

/** A non-2xx answer: a failure to fall back from, or the client's own error returned as is. */
async function upstreamRefused(r: Exchange, d: RuntimeDeployment, resp: Dispatcher.ResponseData, timedOut: () => boolean): Promise<Outcome> {
  const status = resp.statusCode;
  let text = '';
  try {
    text = await resp.body.text();
  } catch (err) {
    return networkFailure(r, err, timedOut());
  }
  // Decisions follow the adapter's OpenAI status, not the upstream's own code (Gemini answers a bad
  // key with 400 API_KEY_INVALID, which is a 401 for cooldown, fallback and the client).
  const te = d.adapter!.translateError(status, text);
  const retryAfterMs = parseRetryAfter(resp.headers['retry-after']) ?? te.retryAfterMs;
  const verdict = judgeUpstreamError(status, te, text, retryAfterMs);
  if (verdict.kind === 'fall_through') {
    return failed(verdict.reason, te.message, te.status, { auth: verdict.holdOff, retryAfterMs });
  }
  // The client's own request was refused (400, 422, ...): returned as is, no fallback (see fall-through.ts).
  sendError(r, te.status, { message: te.message, type: te.type, code: te.code }, successHeaders(r, d, 'application/json'));
  r.served = d;
  return { kind: 'client_error' };
}
