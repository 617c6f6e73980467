// What a replica decided or saw on its own while Redis could not be told: admissions decided locally,
// failures, cooldowns and token usage. Flushed into Redis as soon as it answers again (and on every
// sync while anything is left), so the fleet's counts and cooldowns include what happened during a blip.
// Admissions and failures carry their own member ids and times, so sending one twice counts it once.
import type { RedisLink } from './connection.js';
import { CONSUME_TOKENS, RECONCILE_ADMISSIONS, RECORD_FAILURE } from './scripts.js';

export interface PendingFailure {
  failuresKey: string;
  deployment: string;
  member: string;
  at: number;
  allowedFails: number;
  cooldownMs: number;
}

interface PendingAdmission {
  key: string;
  member: string;
  at: number;
  allowed: boolean;
}

/** Where the failure scripts write: the cooldown set and the channel that announces openings. */
export interface CooldownTarget {
  cooldownsKey: string;
  channel: string;
  failuresKey(deployment: string): string;
}

/** Bounds: a long outage at high traffic must not grow memory; what is older than a minute is moot anyway. */
const MAX_ADMISSIONS = 20_000;
const MAX_FAILURES = 2_000;
const WINDOW_MS = 60_000;
const CHUNK = 500;

export class Backlog {
  private admissions: PendingAdmission[] = [];
  private failures: PendingFailure[] = [];
  /** Deployment id -> local time its cooldown (opened here while Redis was away) ends. */
  private cooldowns = new Map<string, number>();
  private tokens = new Map<string, number>();
  private flushing = false;

  get size(): number {
    return this.admissions.length + this.failures.length + this.cooldowns.size + this.tokens.size;
  }

  admission(key: string, member: string, at: number, allowed: boolean): void {
    if (this.admissions.length >= MAX_ADMISSIONS) this.admissions.splice(0, this.admissions.length - MAX_ADMISSIONS + 1);
    this.admissions.push({ key, member, at, allowed });
  }

  failure(f: PendingFailure): void {
    if (this.failures.length >= MAX_FAILURES) this.failures.shift();
    this.failures.push(f);
  }

  cooldown(deployment: string, until: number): void {
    this.cooldowns.set(deployment, Math.max(until, this.cooldowns.get(deployment) ?? 0));
  }

  tokenUsage(key: string, tokens: number): void {
    this.tokens.set(key, (this.tokens.get(key) ?? 0) + tokens);
  }

  /** Sends everything pending; what fails stays for the next flush. Returns the cooldowns the fleet opened. */
  async flush(link: RedisLink, target: CooldownTarget): Promise<Array<{ deployment: string; ms: number }>> {
    if (this.flushing || this.size === 0) return [];
    this.flushing = true;
    const now = Date.now();
    const admissions = this.admissions.filter((a) => !a.allowed || now - a.at < WINDOW_MS);
    const failures = this.failures.filter((f) => now - f.at < WINDOW_MS);
    const cooldowns = [...this.cooldowns].filter(([, until]) => until > now);
    const tokens = [...this.tokens];
    this.admissions = [];
    this.failures = [];
    this.cooldowns = new Map();
    this.tokens = new Map();
    const opened: Array<{ deployment: string; ms: number }> = [];
    const jobs: Array<Promise<void>> = [];
    for (let i = 0; i < admissions.length; i += CHUNK) {
      const chunk = admissions.slice(i, i + CHUNK);
      const args = chunk.flatMap((a) => [a.member, Math.max(0, now - a.at), a.allowed ? 1 : 0]);
      jobs.push(
        link.run(RECONCILE_ADMISSIONS, chunk.map((a) => a.key), args, false).then(
          () => undefined,
          () => void this.admissions.push(...chunk),
        ),
      );
    }
    // Failures before cooldowns: a forced cooldown clears the failure log it supersedes.
    const record = (deployment: string, args: Array<string | number>, requeue: () => void): Promise<void> =>
      link.run(RECORD_FAILURE, [target.failuresKey(deployment), target.cooldownsKey], [deployment, ...args, target.channel], false).then(
        (ms) => void (typeof ms === 'number' && ms > 0 && opened.push({ deployment, ms })),
        requeue,
      );
    for (const f of failures) jobs.push(record(f.deployment, [f.allowedFails, f.cooldownMs, 0, f.member, Math.max(0, now - f.at)], () => this.failure(f)));
    await Promise.all(jobs);
    const later: Array<Promise<void>> = [];
    for (const [deployment, until] of cooldowns) later.push(record(deployment, [0, 0, until - now, '-', 0], () => this.cooldown(deployment, until)));
    for (const [key, n] of tokens) later.push(link.run(CONSUME_TOKENS, [key], [n], false).then(() => undefined, () => this.tokenUsage(key, n)));
    await Promise.all(later);
    this.flushing = false;
    return opened;
  }
}
