// Fleet mode: several `rmctl serve` replicas share per-key limits, per-deployment usage, failure counts,
// cooldowns and the response cache through Redis. The request path does at most one Redis round trip
// (the gate: key limit plus cache lookup in one script) under a tight timeout; everything else is
// fire-and-forget or rides on one background sync per interval. With Redis down every decision falls
// back to the replica's in-memory state, counted in a metric, until the sync sees Redis again.
import { randomUUID } from 'node:crypto';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../logging.js';
import type { RateDecision } from '../limits.js';
import type { Endpoint } from '../providers/types.js';
import type { StateStore } from '../state.js';
import type { RouteTable, RuntimeDeployment } from '../table.js';
import { cacheKey, LocalCache, MAX_ENTRY_BYTES, parseCacheControl, parseCached, type CachedResponse, type CacheStatus } from './cache.js';
import { loadRedisClient, RedisLink } from './connection.js';
import { ADMIT, CONSUME_TOKENS, RECORD_FAILURE, SYNC } from './scripts.js';
import { targetKey, type FleetSettings } from './settings.js';

export interface FleetOptions {
  logger: Logger;
  registry: Registry;
  store: StateStore;
}

export interface GateInput {
  table: RouteTable;
  rateKey: string;
  endpoint: Endpoint;
  stream: boolean;
  group: string;
  policy: string;
  body: Record<string, unknown>;
  cacheControl: string | string[] | undefined;
}

export interface Gate {
  /** The per-key decision when fleet mode owns the key limit (shared, or the local fallback). */
  rate?: RateDecision;
  cache?: { status: CacheStatus; hit?: CachedResponse; storeKey?: string };
}

export type FallbackOp = 'rate_limit' | 'cache_get' | 'cache_set' | 'tokens' | 'failure' | 'sync';

/** A deployment's fleet-wide usage as of the last sync, plus what this replica added since. */
interface Usage {
  window: number;
  fleetRequests: number;
  fleetTokens: number;
  /** Sent with the running sync, not yet confirmed. */
  sentRequests: number;
  sentTokens: number;
  pendingRequests: number;
  pendingTokens: number;
}

interface FleetMetrics {
  redisUp: Gauge<'redis'>;
  fallbacks: Counter<'op'>;
  cache: Counter<'result'>;
}

/** Waited for at startup and when a reload names a new Redis, so the first requests already share. */
const CONNECT_WAIT_MS = 1000;
/** A sync result older than this no longer describes the fleet: the deployment check goes local-only. */
const STALE_SYNCS = 8;

export class Fleet {
  private settings: FleetSettings = { namespace: 'default', commandTimeoutMs: 20, syncIntervalMs: 250 };
  private readonly links = new Map<string, RedisLink>();
  private stateLink?: RedisLink;
  private cacheLink?: RedisLink;
  private local?: LocalCache;
  private metrics?: FleetMetrics;
  private timer?: NodeJS.Timeout;
  private syncing = false;
  private closed = false;
  private lastSyncAt = 0;
  private redisOffsetMs = 0;
  private readonly usage = new Map<string, Usage>();
  /** Deployment ids with rpm/tpm in the current table: the only ones whose usage is shared (pattern-route
   *  deployments, created per requested name, keep their limits per replica). */
  private limited: string[] = [];
  private limitedSet: ReadonlySet<string> = new Set();
  private readonly member = randomUUID().slice(0, 12);
  private seq = 0;

  constructor(private readonly options: FleetOptions) {}

  /** True when a request must go through `gate` (fleet-owned key limit or a response cache). */
  gated(table: RouteTable): boolean {
    return (this.stateLink !== undefined && table.rateLimiter !== undefined) || this.settings.cache !== undefined;
  }

  /** True when the key limit is decided by `gate` (after the body is read) instead of the local bucket. */
  ownsKeyLimit(table: RouteTable): boolean {
    return this.stateLink !== undefined && table.rateLimiter !== undefined;
  }

  get redisConfigured(): boolean {
    return this.links.size > 0;
  }

  /** Whether every configured Redis is reachable (true when none is configured). */
  get redisUp(): boolean {
    for (const l of this.links.values()) if (!l.up) return false;
    return true;
  }

  /** Applies a table's fleet settings: opens, keeps or closes connections. Never throws. */
  async configure(table: RouteTable): Promise<void> {
    if (this.closed) return;
    const s = table.fleet;
    const wanted = new Map<string, NonNullable<FleetSettings['redis']>>();
    if (s.redis) wanted.set(targetKey(s.redis), s.redis);
    if (s.cache?.type === 'redis' && s.cache.redis) wanted.set(targetKey(s.cache.redis), s.cache.redis);
    if (wanted.size > 0) {
      await loadRedisClient();
      if (this.closed) return;
    }
    this.settings = s;
    for (const [key, link] of this.links) {
      if (!wanted.has(key)) {
        this.links.delete(key);
        void link.close();
      }
    }
    const starting: Array<Promise<void>> = [];
    for (const [key, target] of wanted) {
      if (this.links.has(key)) continue;
      const link = new RedisLink(target, s.commandTimeoutMs, this.options.logger, {
        // Back after an outage: pull the fleet's cooldowns now rather than at the next tick.
        onUp: () => void this.sync(),
        onDown: () => undefined,
      });
      this.links.set(key, link);
      starting.push(link.start(CONNECT_WAIT_MS));
    }
    this.stateLink = s.redis ? this.links.get(targetKey(s.redis)) : undefined;
    this.cacheLink = s.cache?.type === 'redis' && s.cache.redis ? this.links.get(targetKey(s.cache.redis)) : undefined;
    if (s.cache?.type === 'local') {
      if (!this.local || this.local.maxEntries !== s.cache.maxEntries) this.local = new LocalCache(s.cache.maxEntries);
    } else {
      this.local = undefined;
    }
    if (this.links.size > 0 || s.cache) this.ensureMetrics();

    this.limited = this.stateLink ? table.deployments.filter((d) => d.rpm !== undefined || d.tpm !== undefined).map((d) => d.id) : [];
    this.limitedSet = new Set(this.limited);
    for (const id of this.usage.keys()) if (!this.limitedSet.has(id)) this.usage.delete(id);

    if (this.stateLink && !this.timer) {
      this.timer = setInterval(() => void this.sync(), s.syncIntervalMs);
      this.timer.unref();
    } else if (!this.stateLink && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    await Promise.all(starting);
    if (this.stateLink?.up) await this.sync();
  }

  private ensureMetrics(): void {
    if (this.metrics) return;
    const registers = [this.options.registry];
    const links = this.links;
    this.metrics = {
      redisUp: new Gauge({
        name: 'rainymodel_redis_up',
        help: 'Fleet mode: 1 while the Redis at this address answers, 0 while the replica runs on local state',
        labelNames: ['redis'],
        registers,
        collect() {
          // Read at scrape time from the links themselves, so the gauge never disagrees with the logs.
          this.reset();
          for (const l of links.values()) this.set({ redis: l.where }, l.up ? 1 : 0);
        },
      }),
      fallbacks: new Counter({
        name: 'rainymodel_redis_fallbacks_total',
        help: 'Fleet mode: operations that used local state because Redis was down, slow or failing (op: rate_limit, cache_get, cache_set, tokens, failure, sync)',
        labelNames: ['op'],
        registers,
      }),
      cache: new Counter({ name: 'rainymodel_cache_requests_total', help: 'Response cache lookups by result (hit, miss, bypass)', labelNames: ['result'], registers }),
    };
  }

  private fallback(op: FallbackOp): void {
    this.metrics?.fallbacks.inc({ op });
  }

  private key(...parts: string[]): string {
    return `rainymodel:${this.settings.namespace}:${parts.join(':')}`;
  }

  /** Cache entries live under the cache's own namespace (cache_params.namespace; the fleet's by default). */
  private cacheEntryKey(hash: string): string {
    return `rainymodel:${this.settings.cache?.namespace ?? this.settings.namespace}:cache:${hash}`;
  }

  private failed(link: RedisLink, op: FallbackOp, err: unknown): void {
    this.fallback(op);
    link.markDown(err instanceof Error ? err.message : String(err));
  }

  /**
   * The request gate, after the body is parsed: the key limit (shared) and the cache lookup, in one
   * Redis round trip when both live on the same Redis. A Redis that is down costs nothing here.
   */
  async gate(i: GateInput): Promise<Gate> {
    const out: Gate = {};
    const now = Date.now();
    const cache = this.settings.cache;
    let hash: string | undefined;
    let lookup = false;
    if (cache && !i.stream) {
      const cc = parseCacheControl(i.cacheControl);
      hash = cacheKey(i.endpoint, i.group, i.policy, i.body);
      lookup = !cc.noCache;
      out.cache = { status: lookup ? 'miss' : 'bypass', storeKey: cc.noStore ? undefined : hash };
      if (lookup && this.local) {
        const hit = this.local.get(hash, now);
        if (hit) out.cache.status = 'hit';
        out.cache.hit = hit;
      }
    }
    const limiter = i.table.rateLimiter;
    const state = limiter ? this.stateLink : undefined;
    const redisCacheKey = lookup && hash && this.cacheLink ? this.cacheEntryKey(hash) : undefined;
    const rateShared = state !== undefined && state.up;
    const cacheShared = redisCacheKey !== undefined && this.cacheLink!.up;
    const merged = rateShared && cacheShared && state === this.cacheLink;
    const [rate, cached] = await Promise.all([
      rateShared ? this.admit(state, i.rateKey, limiter!.config, merged ? redisCacheKey : undefined) : undefined,
      cacheShared && !merged ? this.admit(this.cacheLink!, undefined, undefined, redisCacheKey) : undefined,
    ]);
    if (limiter && state) {
      if (rate) out.rate = rate.decision;
      else {
        this.fallback('rate_limit');
        out.rate = limiter.check(i.rateKey, now);
      }
    }
    if (redisCacheKey !== undefined && out.cache) {
      const text = merged ? rate?.cached : cached?.cached;
      if (text === undefined) this.fallback('cache_get');
      const hit = text ? parseCached(text) : undefined;
      if (hit) out.cache.status = 'hit';
      out.cache.hit = hit;
    }
    if (out.cache && out.rate?.allowed !== false) this.metrics?.cache.inc({ result: out.cache.status });
    return out;
  }

  /** One ADMIT call; undefined when Redis failed (the caller falls back). */
  private async admit(
    link: RedisLink,
    rateKey: string | undefined,
    limits: { rpm?: number; tpm?: number } | undefined,
    cacheRedisKey: string | undefined,
  ): Promise<{ decision: RateDecision; cached: string } | undefined> {
    const rpm = limits?.rpm ?? 0;
    const tpm = limits?.tpm ?? 0;
    const keyId = rateKey ?? '';
    const keys = [this.key('rl', 'req', keyId), this.key('rl', 'tok', keyId), cacheRedisKey ?? this.key('cache', '-')];
    const args = [rpm, tpm, `${this.member}:${++this.seq}`, rateKey !== undefined ? 1 : 0, cacheRedisKey !== undefined ? 1 : 0];
    let reply: unknown;
    try {
      reply = await link.run(ADMIT, keys, args);
    } catch (err) {
      this.failed(link, rateKey !== undefined ? 'rate_limit' : 'cache_get', err);
      return undefined;
    }
    if (!Array.isArray(reply) || reply.length < 6) return undefined;
    const [allowedN, count, reqReset, used, tokReset, cached] = reply.map((v: unknown) => (typeof v === 'number' ? v : String(v)));
    const allowed = allowedN === 1;
    const headers: Record<string, string> = {};
    let retryAfterS = 0;
    if (rpm) {
      const n = Number(count);
      headers['x-ratelimit-limit-requests'] = String(rpm);
      headers['x-ratelimit-remaining-requests'] = String(Math.max(0, rpm - n));
      headers['x-ratelimit-reset-requests'] = `${Math.ceil(Number(reqReset) / 1000)}s`;
      if (!allowed && n >= rpm) retryAfterS = Math.max(retryAfterS, Math.ceil(Number(reqReset) / 1000));
    }
    if (tpm) {
      const u = Number(used);
      headers['x-ratelimit-limit-tokens'] = String(tpm);
      headers['x-ratelimit-remaining-tokens'] = String(Math.max(0, tpm - u));
      headers['x-ratelimit-reset-tokens'] = `${Math.ceil(Number(tokReset) / 1000)}s`;
      if (!allowed && u >= tpm) retryAfterS = Math.max(retryAfterS, Math.ceil(Number(tokReset) / 1000));
    }
    if (!allowed) retryAfterS = Math.max(1, retryAfterS);
    return { decision: { allowed, retryAfterS, headers }, cached: String(cached) };
  }

  /** Stores a 200 answer (local LRU or Redis with TTL); fire-and-forget, after the client has it. */
  store(hash: string, body: string, d: RuntimeDeployment): void {
    const cache = this.settings.cache;
    if (!cache || body.length > MAX_ENTRY_BYTES) return;
    const value: CachedResponse = { b: body, r: d.tier, u: d.provider, m: d.upstreamModel };
    if (cache.type === 'local') {
      this.local?.set(hash, value, cache.ttlMs, Date.now());
      return;
    }
    const link = this.cacheLink;
    if (!link) return;
    if (!link.up) return this.fallback('cache_set');
    link.client.set(this.cacheEntryKey(hash), JSON.stringify(value), 'PX', Math.max(1, Math.round(cache.ttlMs))).catch((err: unknown) => this.failed(link, 'cache_set', err));
  }

  /** A request sent to a deployment with rpm/tpm: counted locally, pushed with the next sync. */
  countRequest(d: RuntimeDeployment): void {
    if (!this.stateLink || (d.rpm === undefined && d.tpm === undefined) || !this.limitedSet.has(d.id)) return;
    this.usageOf(d.id).pendingRequests++;
  }

  /** A finished request's tokens: the deployment's shared usage and the key's shared token window. */
  countTokens(table: RouteTable, rateKey: string, d: RuntimeDeployment, tokens: number): void {
    const link = this.stateLink;
    if (!link || tokens <= 0) return;
    if (d.tpm !== undefined && this.limitedSet.has(d.id)) this.usageOf(d.id).pendingTokens += tokens;
    if (!table.rateLimiter?.config.tpm) return;
    if (!link.up) return this.fallback('tokens');
    link.run(CONSUME_TOKENS, [this.key('rl', 'tok', rateKey)], [tokens]).catch((err: unknown) => this.failed(link, 'tokens', err));
  }

  /** True when the fleet as a whole has used up the deployment's rpm/tpm this minute (as of the last sync). */
  deploymentFull(d: RuntimeDeployment, now: number): boolean {
    if (d.rpm === undefined && d.tpm === undefined) return false;
    const link = this.stateLink;
    const u = this.usage.get(d.id);
    if (!link?.up || !u || now - this.lastSyncAt > STALE_SYNCS * this.settings.syncIntervalMs) return false;
    const current = Math.floor((now + this.redisOffsetMs) / 60_000) === u.window;
    const requests = (current ? u.fleetRequests : 0) + u.sentRequests + u.pendingRequests;
    const tokens = (current ? u.fleetTokens : 0) + u.sentTokens + u.pendingTokens;
    return (d.rpm !== undefined && requests >= d.rpm) || (d.tpm !== undefined && tokens >= d.tpm);
  }

  /** Shares a failed attempt (after the local state took it): counts toward, or opens, the fleet cooldown. */
  onFailure(table: RouteTable, d: RuntimeDeployment, now: number): void {
    const link = this.stateLink;
    if (!link || table.settings.disableCooldowns) return;
    if (!link.up) return this.fallback('failure');
    // The replica's own circuit opened (threshold, failed probe, Retry-After, rejected key): open the
    // fleet's for as long; otherwise count the failure toward the fleet-wide allowed_fails.
    const force = d.state.circuitState(now) === 'open' ? d.state.cooldownRemainingMs(now) : 0;
    link
      .run(RECORD_FAILURE, [this.key('fails', d.id), this.key('cooldowns')], [d.id, table.settings.allowedFails, d.cooldownMs, force])
      .then((opened) => {
        // Opened by the fleet count: this replica stays off it now, the others after their next sync.
        if (typeof opened === 'number' && opened > 0) d.state.applySharedCooldown(Date.now(), opened);
      })
      .catch((err: unknown) => this.failed(link, 'failure', err));
  }

  private usageOf(id: string): Usage {
    let u = this.usage.get(id);
    if (!u) {
      u = { window: -1, fleetRequests: 0, fleetTokens: 0, sentRequests: 0, sentTokens: 0, pendingRequests: 0, pendingTokens: 0 };
      this.usage.set(id, u);
    }
    return u;
  }

  /** Pushes usage deltas, pulls fleet usage and cooldowns; also the probe that brings a down Redis back. */
  async sync(): Promise<void> {
    const link = this.stateLink;
    if (!link || this.syncing || this.closed) return;
    this.syncing = true;
    const ids = this.limited;
    const args: number[] = [];
    for (const id of ids) {
      const u = this.usageOf(id);
      u.sentRequests = u.pendingRequests;
      u.sentTokens = u.pendingTokens;
      u.pendingRequests = 0;
      u.pendingTokens = 0;
      args.push(u.sentRequests, u.sentTokens);
    }
    try {
      const reply = await link.run(SYNC, [this.key('cooldowns'), ...ids.map((id) => this.key('usage', id))], args);
      if (!Array.isArray(reply) || reply.length < 3) throw new Error('unexpected sync reply');
      const [redisNow, usage, cool] = reply as [number, unknown[], unknown[]];
      const localNow = Date.now();
      this.redisOffsetMs = redisNow - localNow;
      const window = Math.floor(redisNow / 60_000);
      ids.forEach((id, n) => {
        const u = this.usageOf(id);
        u.window = window;
        u.fleetRequests = Number(usage[n * 2]);
        u.fleetTokens = Number(usage[n * 2 + 1]);
        u.sentRequests = 0;
        u.sentTokens = 0;
      });
      for (let n = 0; n + 1 < cool.length; n += 2) {
        const state = this.options.store.find(String(cool[n]));
        state?.applySharedCooldown(localNow, Number(cool[n + 1]) - redisNow);
      }
      this.lastSyncAt = localNow;
      link.markUp();
    } catch (err) {
      // The deltas may or may not have landed; dropping them errs towards under-counting, and each
      // replica's own in-memory limits still hold meanwhile.
      for (const id of ids) {
        const u = this.usageOf(id);
        u.sentRequests = 0;
        u.sentTokens = 0;
      }
      this.failed(link, 'sync', err);
    } finally {
      this.syncing = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const links = [...this.links.values()];
    this.links.clear();
    await Promise.all(links.map((l) => l.close()));
  }
}
