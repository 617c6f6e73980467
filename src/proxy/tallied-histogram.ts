// A histogram whose labelled series the request path fills in plain arrays (a HistogramSeries per label
// set, looked up once and kept by the caller): one bucket search and three additions per observation,
// where prom-client's `.labels(...).observe()` builds and hashes a label string and allocates on every
// call. prom-client has no public way to set a histogram's buckets, so the series reach /metrics as
// prom-client's own cluster aggregation hands metrics to a registry: registered with
// registry.registerMetric as an object whose get() returns the values prom-client's Histogram.get()
// would (the same names, labels, order and HELP/TYPE lines).
import type { LabelValues, Metric, Registry } from 'prom-client';

/** One labelled series: counts per bucket (the last one past every bound), their sum and count. */
export class HistogramSeries<T extends string> {
  readonly counts: Float64Array;
  sum = 0;
  count = 0;
  /** Listed on the histogram (since its first observation), or removed for good. */
  private settled = false;

  constructor(
    readonly labels: LabelValues<T>,
    private readonly bounds: readonly number[],
    private readonly listed: Set<HistogramSeries<T>>,
  ) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && value > bounds[i]!) i++;
    this.counts[i]!++;
    this.sum += value;
    this.count++;
    if (!this.settled) this.settle();
  }

  /** Lists the series on /metrics (done by its first observation). */
  settle(): void {
    this.settled = true;
    this.listed.add(this);
  }

  /** Takes the series off /metrics; observing it later does not bring it back. */
  remove(): void {
    this.settled = true;
    this.listed.delete(this);
  }
}

/** One line of the exposition, keys in the order prom-client's Histogram.get() gives them. */
interface HistogramValue {
  value: number;
  metricName: string;
  exemplar: null | undefined;
  labels: Record<string, string | number | undefined>;
}

export interface TalliedHistogramConfig<T extends string> {
  name: string;
  help: string;
  labelNames: readonly T[];
  buckets: readonly number[];
  registers: Registry[];
}

export class TalliedHistogram<T extends string> {
  readonly name: string;
  readonly help: string;
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly bounds: readonly number[];
  /** Series observed at least once and not removed, in the order of their first observation. */
  private readonly listed = new Set<HistogramSeries<T>>();
  private readonly byKey = new Map<string, HistogramSeries<T>>();

  constructor(config: TalliedHistogramConfig<T>) {
    this.name = config.name;
    this.help = config.help;
    this.bounds = [...config.buckets];
    // Like prom-client's, a histogram without labels shows its one series from the start.
    if (config.labelNames.length === 0) this.series({}).settle();
    for (const registry of config.registers) registry.registerMetric(this as unknown as Metric);
  }

  /** The series of these labels (the same one for the same label values until it is removed). */
  series(labels: LabelValues<T>): HistogramSeries<T> {
    const key = JSON.stringify(labels);
    let s = this.byKey.get(key);
    if (!s) {
      s = new HistogramSeries(labels, this.bounds, this.listed);
      this.byKey.set(key, s);
    }
    return s;
  }

  /** Takes the series of these labels off /metrics (a later series() starts it again from zero). */
  remove(labels: LabelValues<T>): void {
    const key = JSON.stringify(labels);
    this.byKey.get(key)?.remove();
    this.byKey.delete(key);
  }

  /** What prom-client's registry reads at scrape time (the shape Histogram.get() returns). */
  get(): Promise<{ name: string; help: string; type: string; values: HistogramValue[]; aggregator: string }> {
    const values: HistogramValue[] = [];
    const bucket = `${this.name}_bucket`;
    for (const s of this.listed) {
      let cumulative = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        cumulative += s.counts[i] ?? 0;
        values.push({ value: cumulative, metricName: bucket, exemplar: null, labels: { le: this.bounds[i], ...s.labels } });
      }
      values.push({ value: s.count, metricName: bucket, exemplar: null, labels: { le: '+Inf', ...s.labels } });
      values.push({ value: s.sum, metricName: `${this.name}_sum`, exemplar: undefined, labels: { ...s.labels } });
      values.push({ value: s.count, metricName: `${this.name}_count`, exemplar: undefined, labels: { ...s.labels } });
    }
    return Promise.resolve({ name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator });
  }

  /** Registry.resetMetrics(): every series back to nothing observed. */
  reset(): void {
    for (const s of this.listed) s.remove();
    this.listed.clear();
    this.byKey.clear();
  }
}
