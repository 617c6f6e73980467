// What every model request goes through before its wire format matters: the per-key rate limit and a
// JSON body read within max_request_size_mb. Shared by every ingress API (OpenAI, and others).
import type { RateDecision } from '../limits.js';
import { sendError, type Exchange } from '../http/exchange.js';
import { BodyTooLargeError, readBody, tooLargeToDrain } from '../http/body.js';
import type { ProxyServices } from '../services.js';
import { nestingProblem, replacementCharField } from '../validate-request.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Sets the x-ratelimit-* headers; answers 429 and returns false when the key is over its limit. */
export function applyKeyLimit(svc: ProxyServices, r: Exchange, decision: RateDecision): boolean {
  Object.assign(r.headers, decision.headers);
  if (decision.allowed) return true;
  svc.metrics.rateLimited.inc({ scope: 'key' });
  sendError(r, 429, { message: `rate limit exceeded for this key; retry in ${decision.retryAfterS}s`, type: 'rate_limit_error', code: 'rate_limit_exceeded' }, { 'retry-after': String(decision.retryAfterS) });
  return false;
}

/**
 * The key's rate limit (unless the fleet decides it with the cache lookup), then the body parsed as
 * JSON. Returns `{ ok: false }` when the client was already answered (429, 413, 400) or left.
 */
export async function admitJsonRequest(svc: ProxyServices, r: Exchange): Promise<{ ok: true; parsed: unknown } | { ok: false }> {
  const { req, table } = r;
  // In fleet mode the shared key limit is decided in the gate, in the same Redis round trip as the
  // cache lookup (which needs the parsed body).
  if (table.rateLimiter && !svc.fleet.ownsKeyLimit(table)) {
    if (!applyKeyLimit(svc, r, table.rateLimiter.check(r.rateKey, Date.now()))) return { ok: false };
  }
  const limit = table.settings.maxBodyBytes;
  const declared = Number(req.headers['content-length']);
  const tooLarge = (drained: boolean): { ok: false } => {
    // A drained connection stays usable; one cut off mid-body must close.
    sendError(r, 413, { message: `request body exceeds ${limit} bytes (general_settings.max_request_size_mb)`, type: 'invalid_request_error', code: 'request_too_large' }, drained ? undefined : { connection: 'close' });
    return { ok: false };
  };
  if (Number.isFinite(declared) && tooLargeToDrain(declared, limit)) return tooLarge(false);
  try {
    r.rawBytes = await readBody(req, limit);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return tooLarge(err.drained);
    r.clientGone = true;
    return { ok: false };
  }
  let utf8 = true;
  try {
    r.raw = STRICT_UTF8.decode(r.rawBytes);
  } catch {
    utf8 = false;
    r.raw = r.rawBytes.toString('utf8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.raw);
  } catch (err) {
    sendError(r, 400, { message: `request body is not valid JSON: ${(err as Error).message}`, type: 'invalid_request_error', code: 'invalid_json' });
    return { ok: false };
  }
  if (!utf8) {
    const field = replacementCharField(parsed);
    sendError(r, 400, { message: `${field} holds bytes that are not valid UTF-8; send the request body as UTF-8`, type: 'invalid_request_error', code: 'invalid_encoding', param: field });
    return { ok: false };
  }
  const nesting = nestingProblem(parsed);
  if (nesting) {
    sendError(r, 400, { message: nesting.message, type: 'invalid_request_error', code: nesting.code, param: nesting.param });
    return { ok: false };
  }
  return { ok: true, parsed };
}
