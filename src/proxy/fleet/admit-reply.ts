// Reads the ADMIT script's reply {allowed, requests in window, ms until the oldest leaves, tokens used,
// ms until the minute ends, cached or ''} into a rate decision (same headers and Retry-After rule as the
// in-memory limiter) or a deployment reservation.
import { rateDecision, type RateDecision, type RateLimitConfig } from '../limits.js';

export interface AdmitReply {
  allowed: boolean;
  cached: string;
  decision(config: RateLimitConfig): RateDecision;
  /** Ms until a refused request would fit the window (rpm: the oldest leaves; tpm: the minute ends). */
  retryMs(limits: { rpm: number; tpm: number }): number;
}

export function admitReply(reply: unknown): AdmitReply {
  if (!Array.isArray(reply) || reply.length < 6) throw new Error('unexpected ADMIT reply');
  const [allowedN, count, reqReset, used, tokReset, cached] = reply as [number, number, number, number, number, unknown];
  const allowed = allowedN === 1;
  return {
    allowed,
    cached: String(cached),
    decision: (config) => rateDecision(config, allowed, { count, resetMs: reqReset }, { used, resetMs: tokReset }),
    retryMs(limits) {
      let wait = 0;
      if (limits.rpm > 0 && count >= limits.rpm) wait = reqReset;
      if (limits.tpm > 0 && used >= limits.tpm) wait = Math.max(wait, tokReset);
      return Math.max(1000, wait);
    },
  };
}
