// The labelled series of a tallied metric (tallied-counter.ts, tallied-histogram.ts): one per set of
// label values, found by those values, and shown on /metrics from its first count until it is removed.

/** A series: listed on its list from its first count (or settle()), until remove() takes it off for good. */
export abstract class ListedSeries {
  private settled = false;

  constructor(private readonly list: Set<ListedSeries>) {}

  /** Called on every count: lists the series the first time. */
  protected counted(): void {
    if (!this.settled) this.settle();
  }

  /** Lists the series now (a histogram without labels shows from the start). */
  settle(): void {
    this.settled = true;
    this.list.add(this);
  }

  /** Takes the series off /metrics; counting it later does not bring it back. */
  remove(): void {
    this.settled = true;
    this.list.delete(this);
  }
}

export class SeriesList<L, S extends ListedSeries> {
  /** Series counted at least once and not removed, in the order of their first count. */
  readonly listed = new Set<S>();
  private readonly byKey = new Map<string, S>();

  constructor(private readonly make: (labels: L, list: Set<ListedSeries>) => S) {}

  /** The series of these labels (the same one for the same label values until it is removed). */
  series(labels: L): S {
    const key = JSON.stringify(labels);
    let s = this.byKey.get(key);
    if (!s) {
      s = this.make(labels, this.listed as Set<ListedSeries>);
      this.byKey.set(key, s);
    }
    return s;
  }

  /** Takes the series of these labels off /metrics (a later series() starts it again from zero). */
  remove(labels: L): void {
    const key = JSON.stringify(labels);
    this.byKey.get(key)?.remove();
    this.byKey.delete(key);
  }

  /** Every series back to nothing counted. */
  clear(): void {
    for (const s of this.listed) s.remove();
    this.listed.clear();
    this.byKey.clear();
  }
}
