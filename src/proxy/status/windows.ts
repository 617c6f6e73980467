// Windowed figures of a running rmctl serve, fed by the attempt observers: per deployment a ring of
// 10-second slots (the last 1 and 10 minutes), per provider an hour of one-minute slots (the charts), and
// the last upstream errors. Memory is bounded: fixed-size rings, a capped number of deployments and
// providers, a fixed list of errors. The snapshot adds what the route table knows at that moment
// (circuits, cooldowns, in-flight, the config's hash) and per-key rate-limit use.
import { LRUCache } from 'lru-cache';
import type { AttemptEvent } from '../attempt/observers.js';
import { RingBuffer } from '../ring-buffer.js';
import type { RouteTable } from '../table.js';
import { SlotRing, type Kind, type WindowFigures } from './ring.js';

const DEPLOYMENT_SLOT_MS = 10_000;
const DEPLOYMENT_SLOTS = 60;
const PROVIDER_SLOT_MS = 60_000;
const PROVIDER_SLOTS = 60;
/** Pattern routes make deployments per requested name: keep the rings of at most this many, LRU. */
const MAX_RINGS = 2000;
const LAST_ERRORS = 50;

export interface RecentError {
  /** Date.now() of the failure (an ISO date in the snapshot: formatting it here would cost every failure). */
  at: number | string;
  deployment: string;
  provider: string;
  group: string;
  status: number | null;
  reason: string;
}

function kindOf(e: AttemptEvent): Kind | undefined {
  if (e.outcome === 'served') return 'success';
  if (e.outcome === 'stream_broken') return 'error';
  if (e.outcome !== 'failed') return undefined; // the client's own mistake or departure: not the upstream's
  if (e.status === 401) return '401';
  if (e.status === 403) return '403';
  if (e.status === 429) return '429';
  return 'error';
}

function ringIn(map: LRUCache<string, SlotRing>, key: string, slotMs: number, slots: number): SlotRing {
  let ring = map.get(key);
  if (ring === undefined) {
    ring = new SlotRing(slotMs, slots);
    map.set(key, ring);
  }
  return ring;
}

export interface SnapshotContext {
  configPath: string;
  startedAt: number;
  inFlight: number;
}

export class WindowedStats {
  private readonly deployments = new LRUCache<string, SlotRing>({ max: MAX_RINGS });
  private readonly providers = new LRUCache<string, SlotRing>({ max: MAX_RINGS });
  private readonly errors = new RingBuffer<RecentError>(LAST_ERRORS);

  /** The attempt observer: a few array increments per attempt. */
  readonly observe = (e: AttemptEvent): void => {
    const kind = kindOf(e);
    if (kind === undefined) return;
    ringIn(this.deployments, e.deploymentId, DEPLOYMENT_SLOT_MS, DEPLOYMENT_SLOTS).record(e.at, kind, e.latencyMs);
    ringIn(this.providers, e.provider, PROVIDER_SLOT_MS, PROVIDER_SLOTS).record(e.at, kind, e.latencyMs);
    if (kind !== 'success') {
      const entry: RecentError = { at: e.at, deployment: e.deploymentId, provider: e.provider, group: e.group, status: e.status ?? null, reason: e.reason ?? e.outcome };
      this.errors.push(entry);
    }
  };

  private lastErrors(): RecentError[] {
    return this.errors
      .toArray()
      .reverse().map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
  }

  private windows(ring: SlotRing | undefined, now: number): { '1m': WindowFigures; '10m': WindowFigures } {
    const r = ring ?? new SlotRing(DEPLOYMENT_SLOT_MS, 1);
    return { '1m': r.window(now, 60_000), '10m': r.window(now, 600_000) };
  }

  snapshot(table: RouteTable, ctx: SnapshotContext, now = Date.now()): Record<string, unknown> {
    const deployments = table.deployments.map((d) => ({
      id: d.id,
      group: d.modelName,
      provider: d.provider,
      tier: d.tier,
      model: d.upstreamModel,
      api_base: d.apiBase || null,
      circuit: (d.disabledReason ? 'disabled' : d.state.circuitState(now)) as 'disabled' | 'closed' | 'open' | 'half_open',
      cooldown_remaining_ms: d.state.cooldownRemainingMs(now),
      in_flight: d.state.inflight,
      last_error: d.state.lastError ?? null,
      disabled_reason: d.disabledReason ?? null,
      ...this.windows(this.deployments.peek(d.id), now),
    }));
    const providerNames = [...new Set([...table.deployments.map((d) => d.provider), ...this.providers.keys()])].sort();
    const providers = providerNames.map((name) => {
      const ring = this.providers.peek(name) ?? new SlotRing(PROVIDER_SLOT_MS, PROVIDER_SLOTS);
      const circuits = { closed: 0, open: 0, half_open: 0, disabled: 0 };
      for (const d of deployments) if (d.provider === name) circuits[d.circuit]++;
      const hour = ring.series(now).map((s) => ({ t: new Date(s.t).toISOString(), requests: s.figures.requests, errors: s.figures.requests - s.figures.successes, s429: s.figures.s429, p50_ms: s.figures.p50_ms, p95_ms: s.figures.p95_ms }));
      return { provider: name, circuits, '1m': ring.window(now, 60_000), '10m': ring.window(now, 600_000), hour };
    });
    return {
      generated_at: new Date(now).toISOString(),
      uptime_s: Math.round((now - ctx.startedAt) / 1000),
      in_flight: ctx.inFlight,
      config: { path: ctx.configPath, sha256: table.configSha256 ?? null, loaded_at: new Date(table.builtAt).toISOString(), model_groups: table.groups.size, deployments: table.deployments.length, policies: [...table.policies.keys()], default_policy: table.defaultPolicy },
      deployments,
      providers,
      keys: keyUse(table, now),
      last_errors: this.lastErrors(),
    };
  }
}

/** Per key: requests and tokens counted in the limiter's current minute against rainymodel.rate_limit. */
function keyUse(table: RouteTable, now: number): Array<Record<string, unknown>> {
  const limiter = table.rateLimiter;
  if (!limiter) return [];
  const { rpm, tpm } = limiter.config;
  const labels = new Map(table.authKeys.map((k) => [k.id, k.label]));
  return limiter.usage(now).map((u) => {
    const use = Math.max(rpm ? u.requests / rpm : 0, tpm ? u.tokens / tpm : 0);
    // Without auth the limiter counts per client address; an address is not a key to hide.
    return { key: labels.get(u.key) ?? (table.authKeys.length === 0 ? u.key : 'unknown'), rpm: rpm ?? null, tpm: tpm ?? null, requests: u.requests, tokens: u.tokens, use: Math.round(use * 1000) / 1000 };
  });
}
