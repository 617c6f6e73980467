// Rate-limit windows and the per-client-key limiter (rainymodel.rate_limit). One rule for requests and one
// for tokens, the same in memory as in Redis (fleet/scripts.ts), so a replica that decides alone refuses
// what the fleet would have refused:
// - requests: at most `rpm` in any 60 s (a sliding log; here in one-second slots, which only ever
//   errs towards refusing: a request counts for 60 to 61 s);
// - tokens: a sliding-window estimate, the previous wall-clock minute weighted by the part of it still
//   inside the last 60 s plus the current minute. Tokens are known only after an answer, so in-flight
//   requests can take a key past `tpm` (by at most what they use).
// Keys (or client addresses) are remembered least-recently-used first out, so a client that keeps sending
// keeps its windows however many others come and go.
import { LRUCache } from 'lru-cache';
import { ringIndex } from './ring-buffer.js';

export interface RateLimitConfig {
  rpm?: number;
  tpm?: number;
}

const MINUTE_MS = 60_000;
/** 61 one-second slots: the window always covers at least the last 60 s. */
const SLOTS = 61;

/** Events in the last 60 s, counted per second. */
export class SlidingCounter {
  private readonly slots = new Uint32Array(SLOTS);
  private newest = 0;
  private sum = 0;

  private advance(now: number): void {
    const second = Math.floor(now / 1000);
    if (second <= this.newest) return;
    if (second - this.newest >= SLOTS) {
      this.slots.fill(0);
      this.sum = 0;
    } else {
      for (let s = this.newest + 1; s <= second; s++) {
        const at = ringIndex(s, SLOTS);
        this.sum -= this.slots[at] ?? 0;
        this.slots[at] = 0;
      }
    }
    this.newest = second;
  }

  count(now: number): number {
    this.advance(now);
    return this.sum;
  }

  add(now: number, n = 1): void {
    this.advance(now);
    // An event dated before the window (a clock step back) is counted in the oldest slot.
    const second = Math.max(Math.floor(now / 1000), this.newest - SLOTS + 1);
    const at = ringIndex(second, SLOTS);
    this.slots[at] = (this.slots[at] ?? 0) + n;
    this.sum += n;
  }

  /** Ms until fewer than `limit` events are in the window (0 when that holds now). */
  msUntilBelow(now: number, limit: number): number {
    let left = this.count(now);
    if (left < limit) return 0;
    for (let s = this.newest - SLOTS + 1; s <= this.newest; s++) {
      left -= this.slots[ringIndex(s, SLOTS)] ?? 0;
      if (left < limit) return Math.max(1, (s + SLOTS) * 1000 - now);
    }
    return MINUTE_MS;
  }
}

/** Tokens per wall-clock minute, read as the sliding-window estimate described above. */
export class WeightedMinute {
  private minute = 0;
  private current = 0;
  private previous = 0;

  private roll(now: number): void {
    const m = Math.floor(now / MINUTE_MS);
    if (m === this.minute) return;
    this.previous = m === this.minute + 1 ? this.current : 0;
    this.current = 0;
    this.minute = m;
  }

  used(now: number): number {
    this.roll(now);
    const into = now % MINUTE_MS;
    return Math.floor((this.previous * (MINUTE_MS - into)) / MINUTE_MS + this.current);
  }

  add(now: number, n: number): void {
    this.roll(now);
    this.current += n;
  }

  /** Ms until the current minute ends (the estimate drops from then on). */
  resetMs(now: number): number {
    return MINUTE_MS - (now % MINUTE_MS);
  }
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the request would be allowed (only when refused). */
  retryAfterS: number;
  headers: Record<string, string>;
}

/** The x-ratelimit-* headers and the decision, from the counts either store reports. */
export function rateDecision(
  config: RateLimitConfig,
  allowed: boolean,
  requests: { count: number; resetMs: number },
  tokens: { used: number; resetMs: number },
): RateDecision {
  const { rpm, tpm } = config;
  const headers: Record<string, string> = {};
  let retryAfterS = 0;
  if (rpm) {
    headers['x-ratelimit-limit-requests'] = String(rpm);
    headers['x-ratelimit-remaining-requests'] = String(Math.max(0, rpm - requests.count));
    headers['x-ratelimit-reset-requests'] = `${Math.ceil(requests.resetMs / 1000)}s`;
    if (!allowed && requests.count >= rpm) retryAfterS = Math.ceil(requests.resetMs / 1000);
  }
  if (tpm) {
    headers['x-ratelimit-limit-tokens'] = String(tpm);
    headers['x-ratelimit-remaining-tokens'] = String(Math.max(0, tpm - tokens.used));
    headers['x-ratelimit-reset-tokens'] = `${Math.ceil(tokens.resetMs / 1000)}s`;
    if (!allowed && tokens.used >= tpm) retryAfterS = Math.max(retryAfterS, Math.ceil(tokens.resetMs / 1000));
  }
  if (!allowed) retryAfterS = Math.max(1, retryAfterS);
  return { allowed, retryAfterS, headers };
}

interface KeyWindows {
  requests: SlidingCounter;
  tokens: WeightedMinute;
}

/** Keys (or client addresses) whose windows are kept; past it the least recently seen one is forgotten. */
export const MAX_RATE_KEYS = 10_000;

export class KeyRateLimiter {
  private readonly keys = new LRUCache<string, KeyWindows>({ max: MAX_RATE_KEYS });

  constructor(readonly config: RateLimitConfig) {}

  private windows(key: string): KeyWindows {
    let w = this.keys.get(key);
    if (!w) {
      w = { requests: new SlidingCounter(), tokens: new WeightedMinute() };
      this.keys.set(key, w);
    }
    return w;
  }

  /**
   * After a reload: every key's windows carry over (they are kept under the key's identity, so a reordered
   * or rotated key list keeps each key's own count), under whatever limits the new config sets.
   */
  adopt(previous: KeyRateLimiter | undefined): void {
    if (!previous) return;
    // Oldest first, so the recency order carries over too.
    for (const [key, w] of [...previous.keys.entries()].reverse()) if (!this.keys.has(key)) this.keys.set(key, w);
  }

  /** Decides here (no Redis, or Redis down) and counts the request when it is allowed. */
  check(key: string, now: number): RateDecision {
    const { rpm, tpm } = this.config;
    const w = this.windows(key);
    const count = w.requests.count(now);
    const used = w.tokens.used(now);
    const allowed = !(rpm && count >= rpm) && !(tpm && used >= tpm);
    if (allowed) w.requests.add(now);
    // Allowed: until the oldest counted request leaves the window; refused: until there is room again.
    const resetMs = rpm ? w.requests.msUntilBelow(now, allowed ? count + 1 : rpm) : 0;
    return rateDecision(this.config, allowed, { count: allowed ? count + 1 : count, resetMs }, { used, resetMs: w.tokens.resetMs(now) });
  }

  /** A request the fleet admitted through Redis: counted here too, so a later local decision knows it. */
  record(key: string, now: number): void {
    if (this.config.rpm) this.windows(key).requests.add(now);
  }

  consumeTokens(key: string, tokens: number, now: number): void {
    if (!this.config.tpm || tokens <= 0) return;
    this.windows(key).tokens.add(now, tokens);
  }

  /** Requests and tokens each key has in the current window (for rmctl status; changes no decision). */
  usage(now: number): Array<{ key: string; requests: number; tokens: number }> {
    return [...this.keys.entries()].reverse().map(([key, w]) => ({ key, requests: w.requests.count(now), tokens: w.tokens.used(now) }));
  }
}
