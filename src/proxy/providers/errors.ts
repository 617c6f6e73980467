// What the native adapters (anthropic, gemini, ollama) share when an upstream error becomes OpenAI's
// shape: the kind a bare HTTP status stands for, the message when the body names none, and the errors a
// stream translator reports on its own (a body cut off, an event that is not JSON).
import type { TranslatedError } from './types.js';

/** The OpenAI status, type and retry decision an upstream error maps to. */
export interface ErrorKind {
  status: number;
  type: string;
  retryable: boolean;
}

/** The kind of an error known only by its HTTP status (no typed error in the body, or an unknown type). */
export function kindFromHttpStatus(status: number): ErrorKind {
  if (status === 401) return { status, type: 'authentication_error', retryable: false };
  if (status === 403) return { status, type: 'permission_error', retryable: false };
  if (status === 404) return { status, type: 'not_found_error', retryable: false };
  if (status === 408) return { status, type: 'timeout_error', retryable: true };
  if (status === 429) return { status, type: 'rate_limit_error', retryable: true };
  if (status >= 500) return { status, type: 'api_error', retryable: true };
  return { status, type: 'invalid_request_error', retryable: false };
}

/** The message for an error whose body names none: the start of the body, or the status. */
export function fallbackMessage(bodyText: string, status: number): string {
  return bodyText.trim().slice(0, 500) || `HTTP ${status}`;
}

/** The upstream body ended before the event that closes a stream: retryable, like a dropped connection. */
export function streamTruncated(message: string): TranslatedError {
  return { status: 502, type: 'api_error', code: 'stream_truncated', message, retryable: true };
}

/** An upstream stream event that is not JSON. */
export function badUpstreamEvent(message: string): TranslatedError {
  return { status: 502, type: 'api_error', code: 'bad_upstream_event', message, retryable: true };
}
