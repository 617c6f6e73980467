// Prometheus metrics (one registry per server, so several servers can live in one process) and the
// per-provider summary behind /v1/metrics/providers. Nothing here ever carries a key or a header value.
// What the request path records (requests, upstream attempts, tokens, durations) it counts in plain
// per-series objects (tallied-counter.ts, tallied-histogram.ts) that prom-client reads when /metrics is
// scraped; the rest goes through prom-client's API directly. Series labelled with a deployment are
// indexed by its id, so a deployment the proxy forgets (a pattern route's name leaving its LRU, a
// reload) takes its series off /metrics with it (forgetDeployment).
import { Counter, Gauge, Registry, collectDefaultMetrics, type LabelValues } from 'prom-client';
import { RingBuffer } from './ring-buffer.js';
import { TalliedCounter, type Tally } from './tallied-counter.js';
import { TalliedHistogram } from './tallied-histogram.js';
import type { RouteTable } from './table.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const OVERHEAD_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];
/** Latencies kept per provider for the summary's percentiles. */
const LATENCY_SAMPLES = 1024;

export type FailureClass = '401' | '403' | '429' | '4xx' | '5xx' | 'timeout' | 'network' | 'bad_response';

class ProviderStats {
  requests = 0;
  successes = 0;
  failures: Record<FailureClass, number> = { '401': 0, '403': 0, '429': 0, '4xx': 0, '5xx': 0, timeout: 0, network: 0, bad_response: 0 };
  readonly latencies = new RingBuffer<number>(LATENCY_SAMPLES);

  percentiles(): { p50: number | null; p90: number | null; p99: number | null } {
    const sorted = [...this.latencies.unordered()].sort((a, b) => a - b);
    const n = sorted.length;
    const at = (q: number): number | null => {
      const v = sorted[Math.min(n - 1, Math.floor(q * n))];
      return v === undefined ? null : Math.round(v * 10) / 10;
    };
    return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
  }
}

export function failureClass(status: number | undefined, reason: string): FailureClass {
  if (status === undefined) return reason === 'timeout' ? 'timeout' : reason === 'bad_response' ? 'bad_response' : 'network';
  if (status === 401 || status === 403 || status === 429) return String(status) as FailureClass;
  if (status >= 500) return '5xx';
  if (status === 200) return 'bad_response';
  return '4xx';
}

const CIRCUIT_VALUE = { closed: 0, open: 1, half_open: 2 } as const;

export interface CounterChild {
  inc(value?: number): void;
}

export interface HistogramChild {
  observe(value: number): void;
}

/** Label-bound metric children of one deployment, built on first use. */
export interface DeploymentMetrics {
  success: CounterChild;
  latency: HistogramChild;
  duration: HistogramChild;
  promptTokens: CounterChild;
  completionTokens: CounterChild;
  /** Upstream attempts by outcome other than success (HTTP status, timeout, ...), made on first use. */
  outcomes: Map<string, CounterChild>;
}

const ignore = (): void => undefined;
/** A forgotten deployment's children: what its last in-flight requests report goes nowhere. */
const DROPPED: DeploymentMetrics = { success: { inc: ignore }, latency: { observe: ignore }, duration: { observe: ignore }, promptTokens: { inc: ignore }, completionTokens: { inc: ignore }, outcomes: new Map() };

/** What the metrics need of a deployment (its state says whether the proxy still knows it). */
export interface MetricsDeployment {
  id: string;
  provider: string;
  tier: string;
  state: { forgotten: boolean };
}

type DeploymentLabels = 'model_group' | 'deployment' | 'provider' | 'tier';

/** A series that carries a deployment's label: how to take it off /metrics. */
interface Series {
  remove(): void;
}

export class ProxyMetrics {
  private readonly children = new WeakMap<object, DeploymentMetrics>();
  /** Per deployment id, its labelled series (keyed by metric and labels), for forgetDeployment. */
  private readonly seriesById = new Map<string, Map<string, Series>>();

  readonly registry = new Registry();
  private readonly requests: TalliedCounter<'model_group' | 'status'>;
  /** Per group label, series indexed by HTTP status. */
  private readonly requestSeries = new Map<string, Array<Tally<'model_group' | 'status'> | undefined>>();
  private readonly requestDuration: TalliedHistogram<'model_group'>;
  private readonly upstreamRequests: TalliedCounter<DeploymentLabels | 'outcome'>;
  private readonly upstreamLatency: TalliedHistogram<'model_group' | 'deployment' | 'tier'>;
  readonly overhead: HistogramChild;
  /** Client requests in flight; read at scrape time. */
  inFlightNow = 0;
  readonly rateLimited: Counter<'scope'>;
  readonly fallbacks: Counter<'model_group' | 'reason'>;
  private readonly tokens: TalliedCounter<'model_group' | 'type'>;
  readonly reloads: Counter<'result'>;
  private readonly providers = new Map<string, ProviderStats>();

  constructor(getTable: () => RouteTable) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'rainymodel_process_' });
    this.requests = new TalliedCounter({ name: 'rainymodel_requests_total', help: 'Client requests by model group and response status', labelNames: ['model_group', 'status'], registers });
    this.requestDuration = new TalliedHistogram({ name: 'rainymodel_request_duration_seconds', help: 'Client request duration until the response started (first chunk for streams)', labelNames: ['model_group'], buckets: LATENCY_BUCKETS, registers });
    this.upstreamRequests = new TalliedCounter({ name: 'rainymodel_upstream_requests_total', help: 'Upstream attempts by deployment and outcome (success, HTTP status, timeout, network, bad_response)', labelNames: ['model_group', 'deployment', 'provider', 'tier', 'outcome'], registers });
    this.upstreamLatency = new TalliedHistogram({ name: 'rainymodel_upstream_latency_seconds', help: 'Upstream time to a usable answer (headers plus body, or first chunk)', labelNames: ['model_group', 'deployment', 'tier'], buckets: LATENCY_BUCKETS, registers });
    this.overhead = new TalliedHistogram({ name: 'rainymodel_proxy_overhead_seconds', help: 'Time spent in the proxy itself (request duration minus upstream time), non-streaming requests', labelNames: [], buckets: OVERHEAD_BUCKETS, registers }).series({});
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- prom-client calls collect() with the metric as `this`
    const self = this;
    new Gauge({
      name: 'rainymodel_in_flight_requests',
      help: 'Client requests in progress',
      registers,
      collect() {
        this.set(self.inFlightNow);
      },
    });
    this.rateLimited = new Counter({ name: 'rainymodel_rate_limit_rejections_total', help: 'Requests refused by a rate limit (scope: key or deployment)', labelNames: ['scope'], registers });
    this.fallbacks = new Counter({ name: 'rainymodel_fallbacks_total', help: 'Requests served by another deployment than the first one tried', labelNames: ['model_group', 'reason'], registers });
    this.tokens = new TalliedCounter({ name: 'rainymodel_tokens_total', help: 'Tokens reported by upstreams', labelNames: ['model_group', 'type'], registers });
    this.reloads = new Counter({ name: 'rainymodel_config_reloads_total', help: 'Config reloads by result', labelNames: ['result'], registers });
    new Gauge({
      name: 'rainymodel_circuit_state',
      help: 'Per-deployment circuit: 0 closed, 1 open (cooling down), 2 half-open',
      labelNames: ['model_group', 'deployment', 'provider', 'tier'],
      registers,
      collect() {
        // Read at scrape time, so the gauge never disagrees with /health.
        this.reset();
        const now = Date.now();
        for (const d of getTable().deployments) {
          this.set({ model_group: d.modelName, deployment: d.id, provider: d.provider, tier: d.tier }, CIRCUIT_VALUE[d.state.circuitState(now)]);
        }
      },
    });
  }

  /** Remembers a series of a deployment-labelled metric under the deployment's id (for forgetDeployment). */
  private remember<T extends string>(metric: { remove(l: LabelValues<T>): void }, name: string, id: string, labels: LabelValues<T>): void {
    let series = this.seriesById.get(id);
    if (!series) {
      series = new Map();
      this.seriesById.set(id, series);
    }
    const key = `${name}\u0000${JSON.stringify(labels)}`;
    if (!series.has(key)) series.set(key, { remove: () => metric.remove(labels) });
  }

  private upstreamSeries(d: MetricsDeployment, groupLabel: string, outcome: string): CounterChild {
    const labels = { model_group: groupLabel, deployment: d.id, provider: d.provider, tier: d.tier, outcome };
    this.remember(this.upstreamRequests, 'upstream_requests', d.id, labels);
    return this.upstreamRequests.series(labels);
  }

  private latencySeries(d: MetricsDeployment, groupLabel: string): HistogramChild {
    const labels = { model_group: groupLabel, deployment: d.id, tier: d.tier };
    this.remember(this.upstreamLatency, 'upstream_latency', d.id, labels);
    return this.upstreamLatency.series(labels);
  }

  forDeployment(d: MetricsDeployment, groupLabel: string): DeploymentMetrics {
    // Its series were taken off /metrics: recording now would bring them back for good.
    if (d.state.forgotten) return DROPPED;
    let c = this.children.get(d);
    if (!c) {
      c = {
        success: this.upstreamSeries(d, groupLabel, 'success'),
        latency: this.latencySeries(d, groupLabel),
        duration: this.requestDuration.series({ model_group: groupLabel }),
        promptTokens: this.tokens.series({ model_group: groupLabel, type: 'prompt' }),
        completionTokens: this.tokens.series({ model_group: groupLabel, type: 'completion' }),
        outcomes: new Map(),
      };
      this.children.set(d, c);
    }
    return c;
  }

  /** Counts one failed upstream attempt of a deployment by its outcome (an HTTP status or a reason). */
  upstreamOutcome(d: MetricsDeployment, groupLabel: string, outcome: string): void {
    const c = this.forDeployment(d, groupLabel);
    if (c === DROPPED) return;
    let child = c.outcomes.get(outcome);
    if (!child) {
      child = this.upstreamSeries(d, groupLabel, outcome);
      c.outcomes.set(outcome, child);
    }
    child.inc();
  }

  /** Takes every series labelled with this deployment off /metrics (the proxy no longer knows it). */
  forgetDeployment(id: string): void {
    const series = this.seriesById.get(id);
    if (!series) return;
    for (const s of series.values()) s.remove();
    this.seriesById.delete(id);
  }

  /** Counts one client request by model group and status (children cached per pair). */
  countRequest(groupLabel: string, status: number): void {
    let byStatus = this.requestSeries.get(groupLabel);
    if (!byStatus) {
      // Bounded: group labels come from the route table (patterns count once per pattern).
      byStatus = [];
      this.requestSeries.set(groupLabel, byStatus);
    }
    let c = byStatus[status];
    if (!c) {
      c = this.requests.series({ model_group: groupLabel, status: String(status) });
      byStatus[status] = c;
    }
    c.inc();
  }

  private provider(name: string): ProviderStats {
    let s = this.providers.get(name);
    if (!s) {
      s = new ProviderStats();
      this.providers.set(name, s);
    }
    return s;
  }

  upstreamSuccess(provider: string, latencyMs: number): void {
    const s = this.provider(provider);
    s.requests++;
    s.successes++;
    s.latencies.push(latencyMs);
  }

  upstreamFailure(provider: string, cls: FailureClass): void {
    const s = this.provider(provider);
    s.requests++;
    s.failures[cls]++;
  }

  providersSummary(table: RouteTable): Record<string, unknown> {
    const now = Date.now();
    const names = new Set<string>([...this.providers.keys(), ...table.deployments.map((d) => d.provider)]);
    const out: Record<string, unknown> = {};
    for (const name of [...names].sort()) {
      const s = this.provider(name);
      const deployments = table.deployments.filter((d) => d.provider === name);
      const states = deployments.map((d) => d.state.circuitState(now));
      out[name] = {
        requests: s.requests,
        successes: s.successes,
        failures: { ...s.failures },
        success_ratio: s.requests === 0 ? null : Math.round((s.successes / s.requests) * 1000) / 1000,
        latency_ms: s.percentiles(),
        circuit: states.includes('open') ? (states.every((x) => x === 'open') ? 'open' : 'partially_open') : states.includes('half_open') ? 'half_open' : 'closed',
        deployments: deployments.map((d) => ({ id: d.id, circuit: d.state.circuitState(now) })),
      };
    }
    return out;
  }
}
