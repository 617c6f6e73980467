// Per-client-key rate limits (rainymodel.rate_limit): token buckets for requests and tokens per minute.
// The token bucket may go negative: a request's token count is only known once it finished.

export interface RateLimitConfig {
  rpm?: number;
  tpm?: number;
}

interface Bucket {
  requests: number;
  tokens: number;
  updated: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the request would be allowed (only when refused). */
  retryAfterS: number;
  headers: Record<string, string>;
}

const MAX_BUCKETS = 10_000;

export class KeyRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(readonly config: RateLimitConfig) {}

  private bucket(key: string, now: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      // Bounded memory: keys are authenticated ones (or client addresses when auth is off).
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
      b = { requests: this.config.rpm ?? 0, tokens: this.config.tpm ?? 0, updated: now };
      this.buckets.set(key, b);
      return b;
    }
    const elapsed = now - b.updated;
    if (elapsed > 0) {
      if (this.config.rpm) b.requests = Math.min(this.config.rpm, b.requests + (elapsed * this.config.rpm) / 60_000);
      if (this.config.tpm) b.tokens = Math.min(this.config.tpm, b.tokens + (elapsed * this.config.tpm) / 60_000);
      b.updated = now;
    }
    return b;
  }

  check(key: string, now: number): RateDecision {
    const { rpm, tpm } = this.config;
    const b = this.bucket(key, now);
    let retryAfterS = 0;
    if (rpm && b.requests < 1) retryAfterS = Math.max(retryAfterS, Math.ceil(((1 - b.requests) * 60) / rpm));
    if (tpm && b.tokens <= 0) retryAfterS = Math.max(retryAfterS, Math.ceil(((1 - b.tokens) * 60) / tpm));
    const allowed = retryAfterS === 0;
    if (allowed && rpm) b.requests -= 1;
    const headers: Record<string, string> = {};
    if (rpm) {
      headers['x-ratelimit-limit-requests'] = String(rpm);
      headers['x-ratelimit-remaining-requests'] = String(Math.max(0, Math.floor(b.requests)));
      headers['x-ratelimit-reset-requests'] = `${Math.ceil(((rpm - b.requests) * 60) / rpm)}s`;
    }
    if (tpm) {
      headers['x-ratelimit-limit-tokens'] = String(tpm);
      headers['x-ratelimit-remaining-tokens'] = String(Math.max(0, Math.floor(b.tokens)));
      headers['x-ratelimit-reset-tokens'] = `${Math.ceil(((tpm - b.tokens) * 60) / tpm)}s`;
    }
    return { allowed, retryAfterS, headers };
  }

  consumeTokens(key: string, tokens: number, now: number): void {
    if (!this.config.tpm || tokens <= 0) return;
    this.bucket(key, now).tokens -= tokens;
  }
}
