// Prometheus metrics (one registry per server, so several servers can live in one process) and the
// per-provider summary behind /v1/metrics/providers. Nothing here ever carries a key or a header value.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type CounterConfiguration, type HistogramConfiguration, type LabelValues, type MetricType } from 'prom-client';
import type { RouteTable } from './table.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const OVERHEAD_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];
const RING = 1024;

export type FailureClass = '401' | '403' | '429' | '4xx' | '5xx' | 'timeout' | 'network' | 'bad_response';

class ProviderStats {
  requests = 0;
  successes = 0;
  failures: Record<FailureClass, number> = { '401': 0, '403': 0, '429': 0, '4xx': 0, '5xx': 0, timeout: 0, network: 0, bad_response: 0 };
  private readonly latencies = new Float64Array(RING);
  private count = 0;

  addLatency(ms: number): void {
    this.latencies[this.count % RING] = ms;
    this.count++;
  }

  percentiles(): { p50: number | null; p90: number | null; p99: number | null } {
    const n = Math.min(this.count, RING);
    if (n === 0) return { p50: null, p90: null, p99: null };
    const sorted = Array.from(this.latencies.subarray(0, n)).sort((a, b) => a - b);
    const at = (q: number): number => Math.round(sorted[Math.min(n - 1, Math.floor(q * n))] * 10) / 10;
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

// prom-client hashes and validates the label set on every observe/inc (several µs per request on the hot
// path). Hot children below are plain accumulators bound to one label set when first used; the metric
// reports them, merged with anything recorded the ordinary way, when the registry is scraped.

export interface HotHistogramChild {
  observe(value: number): void;
}

export interface HotCounterChild {
  inc(value?: number): void;
}

// prom-client's typings declare MetricType as a numeric enum that does not exist at runtime, where the
// registry expects the string; this is the one place that bridges the two.
const HISTOGRAM_TYPE = 'histogram' as unknown as MetricType;

function labelKey(labels: Record<string, string | number | undefined>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${String(labels[k])}`)
    .join('\u0000');
}

class HotHistogram<T extends string> extends Histogram<T> {
  private readonly hot: Array<{ key: string; labels: LabelValues<T>; counts: Float64Array; sum: number; count: number }> = [];
  private readonly bounds: number[];
  private readonly metricName: string;
  private readonly metricHelp: string;

  constructor(config: HistogramConfiguration<T> & { buckets: number[] }) {
    super(config);
    this.bounds = config.buckets;
    this.metricName = config.name;
    this.metricHelp = config.help;
  }

  child(labels: LabelValues<T>): HotHistogramChild {
    // One accumulator per label set, however many callers bind the same labels.
    const key = labelKey(labels);
    let entry = this.hot.find((e) => e.key === key);
    if (!entry) {
      entry = { key, labels, counts: new Float64Array(this.bounds.length), sum: 0, count: 0 };
      this.hot.push(entry);
    }
    const e = entry;
    const bounds = this.bounds;
    return {
      observe(value: number): void {
        e.sum += value;
        e.count++;
        for (let i = 0; i < bounds.length; i++) {
          if (value <= bounds[i]) {
            e.counts[i]++;
            break;
          }
        }
      },
    };
  }

  private snapshot(): Awaited<ReturnType<Histogram<T>['get']>> {
    const name = this.metricName;
    const values: Awaited<ReturnType<Histogram<T>['get']>>['values'] = [];
    for (const e of this.hot) {
      if (e.count === 0) continue;
      let cumulative = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        cumulative += e.counts[i];
        const labels: Record<string, string | number> = { ...e.labels, le: this.bounds[i] };
        values.push({ labels: labels as LabelValues<T>, value: cumulative, metricName: `${name}_bucket` });
      }
      const inf: Record<string, string | number> = { ...e.labels, le: '+Inf' };
      values.push({ labels: inf as LabelValues<T>, value: e.count, metricName: `${name}_bucket` });
      values.push({ labels: e.labels, value: e.sum, metricName: `${name}_sum` });
      values.push({ labels: e.labels, value: e.count, metricName: `${name}_count` });
    }
    return { name, help: this.metricHelp, type: HISTOGRAM_TYPE, aggregator: 'sum' as const, values, collect: () => undefined };
  }

  // Hot histograms are only fed through child(): the registry reads them from here (prom-client's own
  // registry prefers getForPromString when a metric has it, so both entry points answer the same).
  override async get(): ReturnType<Histogram<T>['get']> {
    return this.snapshot();
  }

  async getForPromString(): ReturnType<Histogram<T>['get']> {
    return this.snapshot();
  }

  override reset(): void {
    // The base constructor calls reset() before this class's fields exist.
    if (!this.hot) return;
    for (const e of this.hot) {
      e.counts.fill(0);
      e.sum = 0;
      e.count = 0;
    }
  }
}

class HotCounter<T extends string> extends Counter<T> {
  private readonly hot: Array<{ key: string; labels: LabelValues<T>; value: number }> = [];

  constructor(config: CounterConfiguration<T>) {
    super(config);
  }

  child(labels: LabelValues<T>): HotCounterChild {
    const key = labelKey(labels);
    let entry = this.hot.find((e) => e.key === key);
    if (!entry) {
      entry = { key, labels, value: 0 };
      this.hot.push(entry);
    }
    const e = entry;
    return {
      inc(value = 1): void {
        e.value += value;
      },
    };
  }

  override async get(): ReturnType<Counter<T>['get']> {
    const base = await super.get();
    for (const e of this.hot) if (e.value > 0) base.values.push({ labels: e.labels, value: e.value });
    return base;
  }
}

/** Label-bound metric children of one deployment, built on first use so the hot path skips label hashing. */
export interface DeploymentMetrics {
  success: HotCounterChild;
  latency: HotHistogramChild;
  duration: HotHistogramChild;
  promptTokens: HotCounterChild;
  completionTokens: HotCounterChild;
}

export class ProxyMetrics {
  private readonly children = new WeakMap<object, DeploymentMetrics>();

  readonly registry = new Registry();
  readonly requests: HotCounter<'model_group' | 'status'>;
  /** Per group label, children indexed by HTTP status. */
  private readonly requestChildren = new Map<string, HotCounterChild[]>();
  readonly requestDuration: HotHistogram<'model_group'>;
  readonly upstreamRequests: HotCounter<'model_group' | 'deployment' | 'provider' | 'tier' | 'outcome'>;
  readonly upstreamLatency: HotHistogram<'model_group' | 'deployment' | 'tier'>;
  readonly overhead: HotHistogramChild;
  /** Client requests in flight; read at scrape time. */
  inFlightNow = 0;
  readonly rateLimited: Counter<'scope'>;
  readonly fallbacks: Counter<'model_group' | 'reason'>;
  readonly tokens: HotCounter<'model_group' | 'type'>;
  readonly reloads: Counter<'result'>;
  private readonly providers = new Map<string, ProviderStats>();

  constructor(getTable: () => RouteTable) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'rainymodel_process_' });
    this.requests = new HotCounter({ name: 'rainymodel_requests_total', help: 'Client requests by model group and response status', labelNames: ['model_group', 'status'], registers });
    this.requestDuration = new HotHistogram({ name: 'rainymodel_request_duration_seconds', help: 'Client request duration until the response started (first chunk for streams)', labelNames: ['model_group'], buckets: LATENCY_BUCKETS, registers });
    this.upstreamRequests = new HotCounter({ name: 'rainymodel_upstream_requests_total', help: 'Upstream attempts by deployment and outcome (success, HTTP status, timeout, network, bad_response)', labelNames: ['model_group', 'deployment', 'provider', 'tier', 'outcome'], registers });
    this.upstreamLatency = new HotHistogram({ name: 'rainymodel_upstream_latency_seconds', help: 'Upstream time to a usable answer (headers plus body, or first chunk)', labelNames: ['model_group', 'deployment', 'tier'], buckets: LATENCY_BUCKETS, registers });
    this.overhead = new HotHistogram({ name: 'rainymodel_proxy_overhead_seconds', help: 'Time spent in the proxy itself (request duration minus upstream time), non-streaming requests', buckets: OVERHEAD_BUCKETS, registers }).child({});
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
    this.tokens = new HotCounter({ name: 'rainymodel_tokens_total', help: 'Tokens reported by upstreams', labelNames: ['model_group', 'type'], registers });
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

  forDeployment(d: { id: string; provider: string; tier: string }, groupLabel: string): DeploymentMetrics {
    let c = this.children.get(d);
    if (!c) {
      c = {
        success: this.upstreamRequests.child({ model_group: groupLabel, deployment: d.id, provider: d.provider, tier: d.tier, outcome: 'success' }),
        latency: this.upstreamLatency.child({ model_group: groupLabel, deployment: d.id, tier: d.tier }),
        duration: this.requestDuration.child({ model_group: groupLabel }),
        promptTokens: this.tokens.child({ model_group: groupLabel, type: 'prompt' }),
        completionTokens: this.tokens.child({ model_group: groupLabel, type: 'completion' }),
      };
      this.children.set(d, c);
    }
    return c;
  }

  /** Counts one client request by model group and status (children cached per pair). */
  countRequest(groupLabel: string, status: number): void {
    let byStatus = this.requestChildren.get(groupLabel);
    if (!byStatus) {
      // Bounded: group labels come from the route table (patterns count once per pattern).
      byStatus = [];
      this.requestChildren.set(groupLabel, byStatus);
    }
    let c = byStatus[status];
    if (!c) {
      c = this.requests.child({ model_group: groupLabel, status: String(status) });
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
    s.addLatency(latencyMs);
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
