// Which upstream error answers fall through to the next deployment and which are the client's own
// mistake, returned as is. The README section "What falls back" states the same rule.
//
// Falls through (another deployment may well serve the request):
//   408, 409, 425, 429 and every 5xx (Anthropic's 529 overloaded included): transient;
//   401 and 403: this deployment's key is refused (held off for long, see `holdOff`);
//   402: this deployment's credit is exhausted (OpenRouter, Hugging Face's router, Anthropic's billing_error);
//   a quota or spend limit reported under another status: OpenAI's 429 `insufficient_quota`, Anthropic's
//   429 `enforced_spend_limit_reached` and its 400 "credit balance is too low" (unless the upstream says
//   when to come back: Gemini words its per-minute free-tier limit as an exceeded quota, with a RetryInfo
//   delay, and that is a rate limit that heals);
//   404: this deployment does not serve the model (an Ollama without it pulled, a renamed model), while
//   the others of its group may. When every deployment answered 404 the client gets that 404.
// Returned to the client at once, with no mark against the upstream: the other 4xx (400, 413, 422, ...),
// which the same request would earn from every deployment.
import type { TranslatedError } from './providers/types.js';

export type UpstreamVerdict =
  | {
      kind: 'fall_through';
      /** Token for x-rainymodel-tried, logs and metrics (the upstream's status, or `quota_exhausted`). */
      reason: string;
      /** Keep this deployment out far longer than a cooldown: its key or its credit will not heal by itself. */
      holdOff: boolean;
    }
  | { kind: 'client_error' };

const TRANSIENT = new Set([408, 409, 425, 429]);
const QUOTA_EXHAUSTED = /insufficient_quota|enforced_spend_limit_reached|credit balance is too low|exceeded your current quota|billing_error/i;

export function isTransientStatus(status: number): boolean {
  return TRANSIENT.has(status) || status >= 500;
}

/**
 * Judges one non-2xx upstream answer. `upstreamStatus` is the status on the wire; `error.status` the
 * OpenAI status the adapter translated it to (Gemini's 400 API_KEY_INVALID is a 401); `bodyText` the body;
 * `retryAfterMs` the wait the upstream asked for (Retry-After header or Gemini's RetryInfo), if any.
 */
export function judgeUpstreamError(upstreamStatus: number, error: TranslatedError, bodyText: string, retryAfterMs?: number): UpstreamVerdict {
  const st = error.status;
  if (st === 401 || st === 403) return { kind: 'fall_through', reason: String(st), holdOff: true };
  if (st === 402 || upstreamStatus === 402) return { kind: 'fall_through', reason: '402', holdOff: true };
  if (retryAfterMs === undefined && QUOTA_EXHAUSTED.test(bodyText)) return { kind: 'fall_through', reason: 'quota_exhausted', holdOff: true };
  // The reason keeps the upstream's own code (529 says more than 503), but a rate limit is a 429.
  if (error.retryable || isTransientStatus(st)) return { kind: 'fall_through', reason: st === 429 ? '429' : String(upstreamStatus), holdOff: false };
  if (st === 404) return { kind: 'fall_through', reason: '404', holdOff: false };
  return { kind: 'client_error' };
}
