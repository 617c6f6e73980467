// A prom-client Counter whose labelled series the request path counts in plain objects (a Tally per
// label set, looked up once and kept by the caller), handed to prom-client in the counter's collect()
// hook when /metrics is scraped. prom-client's own `.labels(...).inc()` builds and hashes a label
// string on every call; a Tally is one addition. Series appear in the order they were first counted
// and leave /metrics when removed, as prom-client's own series do.
import { Counter, type LabelValues, type Registry } from 'prom-client';

/** One labelled series of a TalliedCounter. */
export class Tally<T extends string> {
  value = 0;
  /** Listed on the counter (since its first count), or removed for good. */
  private settled = false;

  constructor(
    readonly labels: LabelValues<T>,
    private readonly listed: Set<Tally<T>>,
  ) {}

  inc(n = 1): void {
    this.value += n;
    if (this.settled) return;
    this.settled = true;
    this.listed.add(this);
  }

  /** Takes the series off /metrics; counting it later does not bring it back. */
  remove(): void {
    this.settled = true;
    this.listed.delete(this);
  }
}

export interface TalliedCounterConfig<T extends string> {
  name: string;
  help: string;
  labelNames: readonly T[];
  registers: Registry[];
}

export class TalliedCounter<T extends string> {
  /** Series counted at least once and not removed, in the order of their first count. */
  private readonly listed = new Set<Tally<T>>();
  private readonly byKey = new Map<string, Tally<T>>();

  constructor(config: TalliedCounterConfig<T>) {
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

  /** The series of these labels (the same Tally for the same label values until it is removed). */
  series(labels: LabelValues<T>): Tally<T> {
    const key = JSON.stringify(labels);
    let t = this.byKey.get(key);
    if (!t) {
      t = new Tally(labels, this.listed);
      this.byKey.set(key, t);
    }
    return t;
  }

  /** Takes the series of these labels off /metrics (a later series() starts it again from zero). */
  remove(labels: LabelValues<T>): void {
    const key = JSON.stringify(labels);
    this.byKey.get(key)?.remove();
    this.byKey.delete(key);
  }
}
