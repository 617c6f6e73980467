// Anthropic error answers -> OpenAI errors: `{"type":"error","error":{"type","message"}}`, the error type
// deciding the status where it is known (529 overloaded becomes 503, which clients and the router know
// as "try later or elsewhere"), the HTTP status otherwise. Stream `error` events use the same mapping.
import type { TranslatedError } from '../types.js';
import { isRecord, str, parseJson } from '../common.js';
import { fallbackMessage, kindFromHttpStatus, type ErrorKind } from '../errors.js';

const OVERLOADED: ErrorKind = { status: 503, type: 'api_error', retryable: true };

/** By Anthropic's error type (a Map: a type named like an Object method is simply unknown). */
const ERROR_TYPES: ReadonlyMap<string, ErrorKind> = new Map<string, ErrorKind>(Object.entries({
  invalid_request_error: { status: 400, type: 'invalid_request_error', retryable: false },
  authentication_error: { status: 401, type: 'authentication_error', retryable: false },
  billing_error: { status: 402, type: 'billing_error', retryable: false },
  permission_error: { status: 403, type: 'permission_error', retryable: false },
  not_found_error: { status: 404, type: 'not_found_error', retryable: false },
  request_too_large: { status: 413, type: 'invalid_request_error', retryable: false },
  rate_limit_error: { status: 429, type: 'rate_limit_error', retryable: true },
  api_error: { status: 500, type: 'api_error', retryable: true },
  timeout_error: { status: 504, type: 'timeout_error', retryable: true },
  overloaded_error: OVERLOADED,
}));

/** An Anthropic error object; an error event carries no HTTP status, so `status` is 500 there. */
export function fromErrorObject(status: number, error: unknown, fallbackText: string): TranslatedError {
  const type = isRecord(error) ? str(error.type) : undefined;
  const message = (isRecord(error) ? str(error.message) : undefined) ?? fallbackMessage(fallbackText, status);
  const kind = (type !== undefined ? ERROR_TYPES.get(type) : undefined) ?? (status === 529 ? OVERLOADED : kindFromHttpStatus(status));
  return { status: kind.status, type: kind.type, code: type ?? null, message, retryable: kind.retryable };
}

export function translateError(status: number, bodyText: string): TranslatedError {
  const parsed = parseJson(bodyText);
  const error = isRecord(parsed) ? parsed.error : undefined;
  // A 200 can only reach here through a stream error event; the status comes from the error type then.
  return fromErrorObject(status, error, isRecord(parsed) ? '' : bodyText);
}
