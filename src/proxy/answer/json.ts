// The complete (non-streamed) answer: reads the upstream body, checks it is an answer and not an error
// in disguise, translates it when the adapter is not OpenAI-shaped, and writes it to the client with
// the how-it-was-served headers, token counts and the response cache.
import type { Dispatcher } from 'undici';
import { isObject, successHeaders, type Exchange } from '../http/exchange.js';
import type { ProxyServices } from '../services.js';
import type { ModelGroup, RuntimeDeployment } from '../table.js';
import { failed, networkFailure, type Outcome } from '../attempt/outcome.js';
import { countTokens, markServed } from '../attempt/bookkeeping.js';
import { finishIngressJson } from './ingress-json.js';

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const USAGE_KEY = Buffer.from('"usage"');
const CHOICES_KEY = Buffer.from('"choices"');
const DATA_KEY = Buffer.from('"data"');
export const PROMPT_TOKENS = /"prompt_tokens"\s*:\s*(\d+)/;
export const COMPLETION_TOKENS = /"completion_tokens"\s*:\s*(\d+)/;

/** True when the bytes start with `{` and end with `}` (whitespace aside): a cheap shape check. */
function looksLikeObject(b: Buffer): boolean {
  let i = 0;
  while (i < b.length && b[i] <= 0x20) i++;
  let j = b.length - 1;
  while (j > i && b[j] <= 0x20) j--;
  return b[i] === OPEN_BRACE && b[j] === CLOSE_BRACE;
}

export async function finishJson(
  svc: ProxyServices,
  r: Exchange,
  group: ModelGroup,
  d: RuntimeDeployment,
  resp: Dispatcher.ResponseData,
  upstreamStart: number,
  timedOut: () => boolean,
): Promise<Outcome> {
  const adapter = d.adapter!;
  if (r.ingressAttempt) return finishIngressJson(svc, r, group, d, resp, upstreamStart, timedOut, r.ingressAttempt);
  let bytes: Uint8Array;
  try {
    bytes = await resp.body.bytes();
  } catch (err) {
    return networkFailure(r, err, timedOut());
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // OpenAI-shaped answers go out as the very bytes that came in. Parsing them (and serialising again)
  // was the largest cost a request paid in the proxy itself; only a body that is not plainly an answer
  // (no "choices", no "data": an error inside a 200, or something else) is parsed to say what it is.
  if (adapter.passThrough && (buf.includes(CHOICES_KEY) || buf.includes(DATA_KEY))) {
    if (!looksLikeObject(buf)) return failed('bad_response', `upstream sent malformed JSON: ${buf.toString('utf8', 0, 120)}`);
    return sendAnswer(svc, r, group, d, upstreamStart, buf);
  }
  const text = buf.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return failed('bad_response', `upstream sent malformed JSON: ${text.slice(0, 120)}`);
  }
  if (!isObject(parsed)) return failed('bad_response', 'upstream answer is not a JSON object');
  if (parsed.error !== undefined && parsed.choices === undefined && parsed.data === undefined) {
    // Some gateways report failures inside a 200: treat them as the failure they are.
    const te = adapter.translateError(502, text);
    return failed('upstream_error', te.message);
  }
  if (adapter.passThrough) return sendAnswer(svc, r, group, d, upstreamStart, buf);
  let translated: Record<string, unknown>;
  try {
    translated = adapter.translateResponse(r.ctx, d.adapterDeployment, parsed);
  } catch (err) {
    return failed('bad_response', `cannot translate upstream answer: ${err instanceof Error ? err.message : String(err)}`);
  }
  const usage = translated.usage;
  if (isObject(usage)) {
    if (typeof usage.prompt_tokens === 'number') r.promptTokens = usage.prompt_tokens;
    if (typeof usage.completion_tokens === 'number') r.completionTokens = usage.completion_tokens;
  }
  return sendAnswer(svc, r, group, d, upstreamStart, Buffer.from(JSON.stringify(translated)), true);
}

/** Sends a complete 200 answer; `usageKnown` when the caller already read usage from a parsed object. */
export function sendAnswer(svc: ProxyServices, r: Exchange, group: ModelGroup, d: RuntimeDeployment, upstreamStart: number, out: Buffer, usageKnown = false): Outcome {
  if (r.clientGone) return { kind: 'aborted' };
  if (!usageKnown) {
    // usage sits at the end of an OpenAI answer: read its two numbers there instead of parsing the body.
    const at = out.lastIndexOf(USAGE_KEY);
    if (at >= 0) {
      const tail = out.toString('latin1', at, Math.min(out.length, at + 1024));
      const p = PROMPT_TOKENS.exec(tail);
      const c = COMPLETION_TOKENS.exec(tail);
      if (p) r.promptTokens = Number(p[1]);
      if (c) r.completionTokens = Number(c[1]);
    }
  }
  markServed(svc, r, group, d, upstreamStart);
  const headers = successHeaders(r, d, 'application/json');
  headers['content-length'] = String(out.length);
  r.res.writeHead(200, headers);
  r.res.end(out);
  if (r.cacheKey !== undefined) svc.fleet.store(r.cacheKey, out.toString('utf8'), d);
  svc.metrics.overhead.observe(Math.max(0, performance.now() - r.start - (r.upstreamMs ?? 0)) / 1000);
  countTokens(svc, r, d, group);
  return { kind: 'served' };
}
