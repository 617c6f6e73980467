// Fleet mode: several `rmctl serve` replicas share per-key limits, per-deployment rpm/tpm, failure counts,
// cooldowns and the response cache through Redis. Limits are decided in Redis, atomically, before the
// request goes on (the gate: key limit plus cache lookup in one script; a reservation per attempt on a
// deployment with rpm/tpm), so they are exact for any arrival pattern while Redis is up. When Redis is
// down (connection.ts says what that means) every decision uses the replica's in-memory state at once,
// counted in a metric, and what was decided or seen locally is replayed into Redis when it is back
// (backlog.ts). Cooldowns are pushed to every replica over pub/sub and pulled by the periodic sync.
import { randomUUID } from 'node:crypto';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../logging.js';
import type { RateDecision } from '../limits.js';
import type { Endpoint } from '../providers/types.js';
import type { StateStore } from '../state.js';
import type { RouteTable, RuntimeDeployment } from '../table.js';
import { Backlog, type CooldownTarget } from './backlog.js';
import { cacheKey, LocalCache, MAX_ENTRY_BYTES, parseCacheControl, parseCached, type CachedResponse, type CacheStatus } from './cache.js';
import { loadRedisClient, RedisLink } from './connection.js';
import { CooldownChannel } from './cooldown-channel.js';
import { admitReply, type AdmitReply } from './admit-reply.js';
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

/** The fleet's answer to "may one more request go to this deployment now?". */
export interface Reservation {
  allowed: boolean;
  /** When refused: ms until the deployment's window has room. */
  retryMs: number;
}

export type FallbackOp = 'rate_limit' | 'deployment_limit' | 'cache_get' | 'cache_set' | 'tokens' | 'failure' | 'sync';

interface FleetMetrics {
  redisUp: Gauge<'redis'>;
  fallbacks: Counter<'op'>;
  cache: Counter<'result'>;
}

/** Waited for at startup and when a reload names a new Redis, so the first requests already share. */
const CONNECT_WAIT_MS = 1000;

export class Fleet {
  private settings: FleetSettings = { namespace: 'default', commandTimeoutMs: 500, syncIntervalMs: 250 };
  private readonly links = new Map<string, RedisLink>();
  private stateLink?: RedisLink;
  private cacheLink?: RedisLink;
  private channel?: CooldownChannel;
  private local?: LocalCache;
  private metrics?: FleetMetrics;
  private timer?: NodeJS.Timeout;
  private syncing = false;
  private closed = false;
  private readonly backlog = new Backlog();
  /** Deployment ids with rpm/tpm in the current table: the only ones whose usage is shared (pattern-route
   *  deployments, created per requested name, keep their limits per replica). */
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
    const namespaceChanged = s.namespace !== this.settings.namespace;
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
        // Back after an outage: tell Redis what happened here meanwhile, then pull the fleet's cooldowns.
        onUp: () => void this.sync(),
        onDown: () => undefined,
      });
      this.links.set(key, link);
      starting.push(link.start(CONNECT_WAIT_MS));
    }
    const stateLink = s.redis ? this.links.get(targetKey(s.redis)) : undefined;
    if (stateLink !== this.stateLink || namespaceChanged) {
      this.channel?.close();
      this.channel = stateLink ? new CooldownChannel(stateLink, this.key('cooldown-events'), (id, ms) => this.applyCooldown(id, ms), CONNECT_WAIT_MS) : undefined;
      if (this.channel) starting.push(this.channel.subscribed);
    }
    this.stateLink = stateLink;
    this.cacheLink = s.cache?.type === 'redis' && s.cache.redis ? this.links.get(targetKey(s.cache.redis)) : undefined;
    if (s.cache?.type === 'local') {
      if (!this.local || this.local.maxEntries !== s.cache.maxEntries) this.local = new LocalCache(s.cache.maxEntries);
    } else {
      this.local = undefined;
    }
    if (this.links.size > 0 || s.cache) this.ensureMetrics();
    this.limitedSet = new Set(this.stateLink ? table.deployments.filter((d) => d.rpm !== undefined || d.tpm !== undefined).map((d) => d.id) : []);

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
        help: 'Fleet mode: operations decided or kept locally because Redis was down (op: rate_limit, deployment_limit, cache_get, cache_set, tokens, failure, sync)',
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

  private nextMember(): string {
    return `${this.member}:${++this.seq}`;
  }

  private get cooldownTarget(): CooldownTarget {
    return { cooldownsKey: this.key('cooldowns'), channel: this.key('cooldown-events'), failuresKey: (id) => this.key('faillog', id) };
  }

  /** One ADMIT call (a key's or a deployment's window, optionally a cache read); undefined when Redis is down. */
  private async admit(link: RedisLink, windows: { req: string; tok: string; member: string; rpm: number; tpm: number } | undefined, cacheRedisKey: string | undefined): Promise<AdmitReply | undefined> {
    const keys = [windows?.req ?? this.key('rl', '-'), windows?.tok ?? this.key('rl', '-'), cacheRedisKey ?? this.key('cache', '-')];
    const args = [windows?.rpm ?? 0, windows?.tpm ?? 0, windows?.member ?? '-', windows ? 1 : 0, cacheRedisKey !== undefined ? 1 : 0];
    try {
      return admitReply(await link.run(ADMIT, keys, args));
    } catch {
      return undefined;
    }
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
    const merged = state !== undefined && redisCacheKey !== undefined && state === this.cacheLink;
    const windows = limiter && state ? { req: this.key('rl', 'req', i.rateKey), tok: this.key('rl', 'tok', i.rateKey), member: this.nextMember(), rpm: limiter.config.rpm ?? 0, tpm: limiter.config.tpm ?? 0 } : undefined;
    const [rate, cached] = await Promise.all([
      state ? this.admit(state, windows, merged ? redisCacheKey : undefined) : undefined,
      redisCacheKey !== undefined && !merged ? this.admit(this.cacheLink!, undefined, redisCacheKey) : undefined,
    ]);
    if (limiter && windows) {
      if (rate) {
        out.rate = rate.decision(limiter.config);
        if (out.rate.allowed) limiter.record(i.rateKey, now);
      } else {
        // Redis is down, or went down while this waited: decide here, and tell Redis once it is back
        // (the admission, or that the ADMIT it may still run late must not count).
        this.fallback('rate_limit');
        out.rate = limiter.check(i.rateKey, now);
        if (windows.rpm > 0) this.backlog.admission(windows.req, windows.member, now, out.rate.allowed);
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

  /**
   * Before an attempt on a deployment with rpm/tpm (after the replica's own check allowed it): reserves the
   * request in the fleet's window. undefined when the fleet does not decide (no Redis, a pattern-route
   * deployment, or Redis down: then the local decision stands and is replayed into Redis later).
   */
  async reserve(d: RuntimeDeployment): Promise<Reservation | undefined> {
    const link = this.stateLink;
    if (!link || !this.limitedSet.has(d.id)) return undefined;
    const now = Date.now();
    const windows = { req: this.key('dep', 'req', d.id), tok: this.key('dep', 'tok', d.id), member: this.nextMember(), rpm: d.rpm ?? 0, tpm: d.tpm ?? 0 };
    const reply = await this.admit(link, windows, undefined);
    if (reply) return { allowed: reply.allowed, retryMs: reply.retryMs(windows) };
    this.fallback('deployment_limit');
    if (windows.rpm > 0) this.backlog.admission(windows.req, windows.member, now, true);
    return undefined;
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
    link.send(() => link.client.set(this.cacheEntryKey(hash), JSON.stringify(value), 'PX', Math.max(1, Math.round(cache.ttlMs)))).catch(() => this.fallback('cache_set'));
  }

  /** A finished request's tokens: the deployment's and the key's shared token windows. */
  countTokens(table: RouteTable, rateKey: string, d: RuntimeDeployment, tokens: number): void {
    if (!this.stateLink || tokens <= 0) return;
    if (d.tpm !== undefined && this.limitedSet.has(d.id)) this.addTokens(this.key('dep', 'tok', d.id), tokens);
    if (table.rateLimiter?.config.tpm) this.addTokens(this.key('rl', 'tok', rateKey), tokens);
  }

  private addTokens(key: string, tokens: number): void {
    const link = this.stateLink!;
    link.run(CONSUME_TOKENS, [key], [tokens], false).catch(() => {
      this.fallback('tokens');
      this.backlog.tokenUsage(key, tokens);
    });
  }

  /** Shares a failed attempt (after the local state took it): counts toward, or opens, the fleet cooldown. */
  onFailure(table: RouteTable, d: RuntimeDeployment, now: number): void {
    const link = this.stateLink;
    if (!link || table.settings.disableCooldowns) return;
    // The replica's own circuit opened (threshold, failed probe, Retry-After, rejected key): open the
    // fleet's for as long; otherwise count the failure toward the fleet-wide allowed_fails.
    const force = d.state.circuitState(now) === 'open' ? d.state.cooldownRemainingMs(now) : 0;
    const pending = { failuresKey: this.key('faillog', d.id), deployment: d.id, member: this.nextMember(), at: now, allowedFails: table.settings.allowedFails, cooldownMs: d.cooldownMs };
    const keep = (): void => {
      this.fallback('failure');
      if (force > 0) this.backlog.cooldown(d.id, now + force);
      else this.backlog.failure(pending);
    };
    const t = this.cooldownTarget;
    link
      .run(RECORD_FAILURE, [pending.failuresKey, t.cooldownsKey], [d.id, pending.allowedFails, d.cooldownMs, force, pending.member, 0, t.channel], false)
      .then((opened) => {
        // Opened by the fleet count: this replica stays off it now (the others hear it on the channel).
        if (typeof opened === 'number' && opened > 0) this.applyCooldown(d.id, opened);
      }, keep);
  }

  private applyCooldown(deployment: string, ms: number): void {
    this.options.store.find(deployment)?.applySharedCooldown(Date.now(), ms);
  }

  /** Replays the backlog, pulls the fleet's cooldowns; run every sync interval and when Redis comes back. */
  async sync(): Promise<void> {
    const link = this.stateLink;
    if (!link || this.syncing || this.closed || !link.up) return;
    this.syncing = true;
    try {
      for (const o of await this.backlog.flush(link, this.cooldownTarget)) this.applyCooldown(o.deployment, o.ms);
      const reply = await link.run(SYNC, [this.key('cooldowns')], [], false);
      if (!Array.isArray(reply) || reply.length < 2) throw new Error('unexpected sync reply');
      const [redisNow, cool] = reply as [number, unknown[]];
      for (let n = 0; n + 1 < cool.length; n += 2) this.applyCooldown(String(cool[n]), Number(cool[n + 1]) - redisNow);
    } catch {
      this.fallback('sync');
    } finally {
      this.syncing = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.channel?.close();
    const links = [...this.links.values()];
    this.links.clear();
    await Promise.all(links.map((l) => l.close()));
  }
}
