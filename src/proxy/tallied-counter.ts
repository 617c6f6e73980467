// A prom-client Counter whose labelled series the request path counts in plain objects (a Tally per
// label set, looked up once and kept by the caller), handed to prom-client in the counter's collect()
// hook when /metrics is scraped. prom-client's own `.labels(...).inc()` builds and hashes a label
// string on every call; a Tally is one addition. Series appear in the order they were first counted
// and leave /metrics when removed, as prom-client's own series do.
import { Counter, type LabelValues, type Registry } from 'prom-client';
import { ListedSeries, SeriesList } from './series-list.js';

/** One labelled series of a TalliedCounter. */
export class Tally<T extends string> extends ListedSeries {
  value = 0;

  constructor(
    readonly labels: LabelValues<T>,
    list: Set<ListedSeries>,
  ) {
    super(list);
  }

  inc(n = 1): void {
    this.value += n;
    this.counted();
  }
}

export interface TalliedCounterConfig<T extends string> {
  name: string;
  help: string;
  labelNames: readonly T[];
  registers: Registry[];
}

export class TalliedCounter<T extends string> extends SeriesList<LabelValues<T>, Tally<T>> {
  constructor(config: TalliedCounterConfig<T>) {
    super((labels, list) => new Tally(labels, list));
    const listed = this.listed;
    new Counter<T>({
      ...config,
      labelNames: [...config.labelNames],
      collect() {
        this.reset();
        for (const t of listed) this.inc(t.labels, t.value);
      },
    });
  }
}
