// Ring arithmetic in one place. RingBuffer: a fixed-capacity ring where, once full, each push overwrites
// the oldest item (the last latencies per provider in metrics.ts, the last upstream errors in
// status/windows.ts). ringIndex: where a running number (a second, a time slot) lands in a ring of a given
// size (the rate windows in limits.ts, the status slots in status/ring.ts). Memory never grows with traffic.

/** Position of the running number `n` (negative too) in a ring of `size` positions. */
export function ringIndex(n: number, size: number): number {
  const i = n % size;
  return i < 0 ? i + size : i;
}

export class RingBuffer<T> {
  private readonly items: T[] = [];
  /** Where the next push goes once the ring is full (the oldest item). */
  private next = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
  }

  /** The items in no particular order (for statistics that sort anyway); a view, not a copy. */
  unordered(): readonly T[] {
    return this.items;
  }

  /** The items oldest first. */
  toArray(): T[] {
    if (this.items.length < this.capacity) return [...this.items];
    return [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }
}
