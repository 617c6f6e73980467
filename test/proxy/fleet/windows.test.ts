// The window and circuit rules the fleet shares with a replica deciding alone (limits.ts, state.ts):
// pure functions of the time they are given.
import { describe, expect, it } from 'vitest';
import { KeyRateLimiter, SlidingCounter, WeightedMinute } from '../../../src/proxy/limits.js';
import { DeploymentState } from '../../../src/proxy/state.js';

describe('rate windows', () => {
  it('sliding counter: an event counts for 60 to 61 s, never less; room comes back as old seconds leave', () => {
    const c = new SlidingCounter();
    c.add(500, 3);
    c.add(30_200, 2);
    expect(c.count(60_999)).toBe(5);
    expect(c.count(61_000)).toBe(2);
    expect(c.msUntilBelow(61_000, 2)).toBe(91_000 - 61_000);
    expect(c.msUntilBelow(61_000, 3)).toBe(0);
    // A jump of more than a window forgets everything at once.
    expect(c.count(500_000)).toBe(0);
  });

  it('weighted minute: the previous minute fades out across the current one', () => {
    const w = new WeightedMinute();
    w.add(59_000, 100);
    expect(w.used(60_000)).toBe(100);
    expect(w.used(90_000)).toBe(50);
    w.add(90_000, 10);
    expect(w.used(90_000)).toBe(60);
    expect(w.used(150_000)).toBe(5);
    expect(w.used(181_000)).toBe(0);
  });

  it('key limiter: admissions made through Redis count for a later local decision', () => {
    const rl = new KeyRateLimiter({ rpm: 3 });
    rl.record('k', 1_000);
    rl.record('k', 2_000);
    expect(rl.check('k', 3_000).allowed).toBe(true);
    const refused = rl.check('k', 4_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterS).toBeGreaterThanOrEqual(57);
    expect(refused.headers['x-ratelimit-remaining-requests']).toBe('0');
  });
});

describe('circuit rule', () => {
  it('more than allowed_fails failures in 60 s open it, successes in between or not', () => {
    const s = new DeploymentState();
    for (let i = 0; i < 3; i++) {
      s.onFailure(i * 1000, '500', 3, 30_000);
      s.onSuccess(5);
    }
    expect(s.circuitState(3_500)).toBe('closed');
    s.onFailure(4_000, '500', 3, 30_000);
    expect(s.circuitState(4_000)).toBe('open');
  });

  it('failures older than the window do not count', () => {
    const s = new DeploymentState();
    for (const at of [0, 30_000, 40_000]) s.onFailure(at, '500', 3, 30_000);
    // The one at 0 left the window: 3 within it, not more than allowed_fails.
    s.onFailure(61_000, '500', 3, 30_000);
    expect(s.circuitState(61_000)).toBe('closed');
    expect(s.recentFailures(61_000)).toBe(3);
    s.onFailure(62_000, '500', 3, 30_000);
    expect(s.circuitState(62_000)).toBe('open');
  });

  it('after the cooldown one probe decides: a failed probe reopens at once, a good one closes', () => {
    const s = new DeploymentState();
    s.onFailure(0, '500', 0, 10_000);
    expect(s.tryEnter(5_000)).toBe(false);
    expect(s.tryEnter(10_000)).toBe(true);
    expect(s.tryEnter(10_000)).toBe(false);
    s.onFailure(10_001, '500', 3, 10_000);
    expect(s.circuitState(10_001)).toBe('open');
    expect(s.tryEnter(20_001)).toBe(true);
    s.onSuccess(5);
    expect(s.circuitState(20_002)).toBe('closed');
  });
});
