// What one upstream attempt came to, and how transport errors, timeouts and translated upstream errors
// become a failure the loop can act on (fall back, cool down, report).
import type { TranslatedError } from '../providers/types.js';
import type { Exchange } from '../http/exchange.js';

const MAX_RETRY_AFTER_MS = 3_600_000;

export type Failure = { kind: 'failed'; reason: string; status?: number; retryAfterMs?: number; auth?: boolean; message: string };

export type Outcome = { kind: 'served' } | { kind: 'client_error' } | { kind: 'aborted' } | Failure;

export function failed(reason: string, message: string, status?: number, extra?: { retryAfterMs?: number; auth?: boolean }): Failure {
  return { kind: 'failed', reason, message, status, ...extra };
}

export function errorCode(err: unknown): string {
  if (err !== null && typeof err === 'object') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const cause = (err as { cause?: unknown }).cause;
    if (cause) return errorCode(cause);
  }
  return 'network_error';
}

export function networkFailure(r: Exchange, err: unknown, timedOut: boolean): Outcome {
  if (r.clientGone) return { kind: 'aborted' };
  if (timedOut) return failed('timeout', r.stream ? 'no first chunk within stream_timeout' : 'no answer within timeout');
  const code = errorCode(err);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return failed('timeout', code);
  return failed('connect_error', `${code}: ${err instanceof Error ? err.message : String(err)}`);
}

export function translatedFailure(e: TranslatedError): Failure {
  const reason = e.status === 502 ? 'upstream_error' : String(e.status);
  return failed(reason, e.message, e.status === 502 ? undefined : e.status, { auth: e.status === 401 || e.status === 403, retryAfterMs: e.retryAfterMs });
}

export function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(v);
  if (Number.isFinite(date)) return Math.min(Math.max(0, date - Date.now()), MAX_RETRY_AFTER_MS);
  return undefined;
}
