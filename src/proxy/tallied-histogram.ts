// A histogram whose labelled series the request path fills in plain arrays (a HistogramSeries per label
// set, looked up once and kept by the caller): one bucket search and three additions per observation,
// where prom-client's `.labels(...).observe()` builds and hashes a label string and allocates on every
// call. prom-client has no public way to set a histogram's buckets, so the series reach /metrics as
// prom-client's own cluster aggregation hands metrics to a registry: registered with
// registry.registerMetric as an object whose get() returns the values prom-client's Histogram.get()
// would (the same names, labels, order and HELP/TYPE lines).
import type { LabelValues, Metric, Registry } from 'prom-client';
import { ListedSeries, SeriesList } from './series-list.js';

/** One labelled series: counts per bucket (the last one past every bound), their sum and count. */
export class HistogramSeries<T extends string> extends ListedSeries {
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: LabelValues<T>,
    private readonly bounds: readonly number[],
    list: Set<ListedSeries>,
  ) {
    super(list);
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && value > bounds[i]!) i++;
    this.counts[i]!++;
    this.sum += value;
    this.count++;
    this.counted();
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

export class TalliedHistogram<T extends string> extends SeriesList<LabelValues<T>, HistogramSeries<T>> {
  readonly name: string;
  readonly help: string;
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly bounds: readonly number[];

  constructor(config: TalliedHistogramConfig<T>) {
    const bounds = [...config.buckets];
    super((labels, list) => new HistogramSeries(labels, bounds, list));
    this.name = config.name;
    this.help = config.help;
    this.bounds = bounds;
    // Like prom-client's, a histogram without labels shows its one series from the start.
    if (config.labelNames.length === 0) this.series({}).settle();
    for (const registry of config.registers) registry.registerMetric(this as unknown as Metric);
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
    this.clear();
  }
}
