// Gemini error answers (google.rpc.Status: `{"error":{"code","message","status","details"}}`) -> OpenAI
// errors: the RPC status decides where it is known, the HTTP code otherwise; a bad key (400 with reason
// API_KEY_INVALID) is an authentication failure; RetryInfo's retryDelay says how long to wait.
import type { TranslatedError } from '../types.js';
import { isRecord, str, num, parseJson } from '../common.js';
import { fallbackMessage, kindFromHttpStatus, type ErrorKind } from '../errors.js';

const UNAUTHENTICATED: ErrorKind = { status: 401, type: 'authentication_error', retryable: false };

/** By google.rpc status name (a Map: a name like an Object method is simply unknown). */
const BY_RPC_STATUS: ReadonlyMap<string, ErrorKind> = new Map<string, ErrorKind>(Object.entries({
  INVALID_ARGUMENT: { status: 400, type: 'invalid_request_error', retryable: false },
  FAILED_PRECONDITION: { status: 400, type: 'invalid_request_error', retryable: false },
  OUT_OF_RANGE: { status: 400, type: 'invalid_request_error', retryable: false },
  UNAUTHENTICATED,
  PERMISSION_DENIED: { status: 403, type: 'permission_error', retryable: false },
  NOT_FOUND: { status: 404, type: 'not_found_error', retryable: false },
  RESOURCE_EXHAUSTED: { status: 429, type: 'rate_limit_error', retryable: true },
  CANCELLED: { status: 503, type: 'api_error', retryable: true },
  INTERNAL: { status: 500, type: 'api_error', retryable: true },
  UNKNOWN: { status: 500, type: 'api_error', retryable: true },
  UNAVAILABLE: { status: 503, type: 'api_error', retryable: true },
  DEADLINE_EXCEEDED: { status: 504, type: 'timeout_error', retryable: true },
}));

function hasReason(details: unknown, reason: string): boolean {
  return Array.isArray(details) && details.some((d) => isRecord(d) && d.reason === reason);
}

const MAX_RETRY_DELAY_MS = 3_600_000;

/** A protobuf Duration as JSON: `"12s"` / `"0.5s"`, or `{seconds, nanos}`. */
function durationSeconds(v: unknown): number | undefined {
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(v);
    return m ? Number(m[1]) : undefined;
  }
  if (isRecord(v)) {
    const s = Number(v.seconds ?? 0);
    const n = Number(v.nanos ?? 0);
    if (Number.isFinite(s) && Number.isFinite(n)) return s + n / 1e9;
  }
  return undefined;
}

/** google.rpc.RetryInfo's retryDelay in milliseconds, from the first detail that has one that reads. */
function retryDelayMs(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const d of details) {
    if (!isRecord(d) || d.retryDelay === undefined) continue;
    const seconds = durationSeconds(d.retryDelay);
    if (seconds !== undefined && seconds >= 0) return Math.min(Math.ceil(seconds * 1000), MAX_RETRY_DELAY_MS);
  }
  return undefined;
}

/** A google.rpc.Status object (from an error answer, or from an error inside a stream). */
export function fromStatusObject(httpStatus: number, error: unknown, fallbackText: string): TranslatedError {
  const e = isRecord(error) ? error : undefined;
  const rpc = e ? str(e.status) : undefined;
  const code = e ? num(e.code) : undefined;
  const message = (e ? str(e.message) : undefined) ?? fallbackMessage(fallbackText, httpStatus);
  let kind = (rpc ? BY_RPC_STATUS.get(rpc) : undefined) ?? kindFromHttpStatus(code ?? httpStatus);
  // A wrong key comes back as 400 INVALID_ARGUMENT; it is an authentication failure for the router and for
  // key rotation.
  if (e && hasReason(e.details, 'API_KEY_INVALID')) kind = UNAUTHENTICATED;
  const out: TranslatedError = { status: kind.status, type: kind.type, code: rpc ?? null, message, retryable: kind.retryable };
  const wait = e ? retryDelayMs(e.details) : undefined;
  if (wait !== undefined) out.retryAfterMs = wait;
  return out;
}

export function translateError(status: number, bodyText: string): TranslatedError {
  let parsed = parseJson(bodyText);
  // Some Google front ends wrap the status in a one-element array.
  if (Array.isArray(parsed)) parsed = parsed[0];
  const error = isRecord(parsed) ? parsed.error : undefined;
  return fromStatusObject(status, error, isRecord(parsed) ? '' : bodyText);
}
