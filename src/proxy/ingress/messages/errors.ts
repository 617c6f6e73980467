// Errors in Anthropic's shape: {"type":"error","error":{"type","message"},"request_id"}, with the type that
// Anthropic documents for the status (400 invalid_request_error ... 529 overloaded_error). The status stays
// the proxy's own (502 all upstreams failed, 503 no healthy deployment), which Anthropic's SDKs retry alike.
import type { Json } from '../../providers/common.js';
import type { CoreError } from '../types.js';

export function anthropicErrorType(status: number, code?: string | null): string {
  if (code === 'overloaded_error' || status === 529 || status === 503) return 'overloaded_error';
  switch (status) {
    case 401:
      return 'authentication_error';
    case 402:
      return 'billing_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 504:
      return 'timeout_error';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}

export function anthropicErrorBody(status: number, error: CoreError, requestId: string): Json {
  return { type: 'error', error: { type: anthropicErrorType(status, error.code), message: error.message }, request_id: requestId };
}
