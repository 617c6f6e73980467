// A fixed-size ring of time slots counting upstream attempts: outcomes and a log-scale latency histogram
// per slot. Memory is fixed at creation (slots x (counters + bins) 32-bit integers); a slot is cleared when
// time comes round to it again, so nothing grows with traffic and nothing needs a timer.

import { ringIndex } from '../ring-buffer.js';

/** Counters per slot, then the latency bins. */
export const REQUESTS = 0;
export const SUCCESSES = 1;
export const S401 = 2;
export const S403 = 3;
export const S429 = 4;
export const ERRORS = 5;
const COUNTERS = 6;

/** Latency bins: bin i holds latencies up to FIRST_BOUND_MS * GROWTH^i (the last bin takes the rest). */
const BINS = 40;
const FIRST_BOUND_MS = 5;
const GROWTH = 1.3;
const LOG_GROWTH = Math.log(GROWTH);
const WIDTH = COUNTERS + BINS;

export type Kind = 'success' | '401' | '403' | '429' | 'error';

function binOf(ms: number): number {
  if (ms <= FIRST_BOUND_MS) return 0;
  const i = Math.ceil(Math.log(ms / FIRST_BOUND_MS) / LOG_GROWTH);
  return i >= BINS ? BINS - 1 : i;
}

/** A bin's representative latency: the geometric middle of its bounds (so within ~15% of any value in it). */
function binValue(i: number): number {
  const upper = FIRST_BOUND_MS * Math.pow(GROWTH, i);
  return i === 0 ? FIRST_BOUND_MS / 2 : upper / Math.sqrt(GROWTH);
}

/** A counter's value; positions past the end read as 0. */
function read(counts: Uint32Array | Float64Array, i: number): number {
  return counts[i] ?? 0;
}

function bump(counts: Uint32Array, i: number): void {
  counts[i] = read(counts, i) + 1;
}

export interface WindowFigures {
  requests: number;
  successes: number;
  s401: number;
  s403: number;
  s429: number;
  errors: number;
  success_ratio: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
}

export class SlotRing {
  private readonly data: Uint32Array;
  /** The slot number (time / slotMs) each position last held. */
  private readonly stamps: Float64Array;

  constructor(
    readonly slotMs: number,
    readonly slots: number,
  ) {
    this.data = new Uint32Array(slots * WIDTH);
    this.stamps = new Float64Array(slots).fill(-1);
  }

  private position(slot: number): number {
    const at = ringIndex(slot, this.slots);
    if (this.stamps[at] !== slot) {
      this.data.fill(0, at * WIDTH, (at + 1) * WIDTH);
      this.stamps[at] = slot;
    }
    return at * WIDTH;
  }

  record(now: number, kind: Kind, latencyMs: number): void {
    const base = this.position(Math.floor(now / this.slotMs));
    const d = this.data;
    bump(d, base + REQUESTS);
    if (kind === 'success') {
      bump(d, base + SUCCESSES);
      bump(d, base + COUNTERS + binOf(latencyMs));
    } else if (kind === '401') bump(d, base + S401);
    else if (kind === '403') bump(d, base + S403);
    else if (kind === '429') bump(d, base + S429);
    else bump(d, base + ERRORS);
  }

  /** Sums the slots of the last `count` slot periods (the current one included) into `into`. */
  private accumulate(now: number, count: number, into: Float64Array): void {
    const current = Math.floor(now / this.slotMs);
    for (let slot = current - Math.min(count, this.slots) + 1; slot <= current; slot++) {
      const at = ringIndex(slot, this.slots);
      if (slot < 0 || this.stamps[at] !== slot) continue;
      for (let i = 0; i < WIDTH; i++) into[i] = read(into, i) + read(this.data, at * WIDTH + i);
    }
  }

  /** Figures over the last `spanMs` (rounded up to whole slots). */
  window(now: number, spanMs: number): WindowFigures {
    const sums = new Float64Array(WIDTH);
    this.accumulate(now, Math.ceil(spanMs / this.slotMs), sums);
    return figures(sums);
  }

  /** One entry per slot, oldest first, for charts: [slot start ms, figures]. */
  series(now: number): Array<{ t: number; figures: WindowFigures }> {
    const current = Math.floor(now / this.slotMs);
    const out: Array<{ t: number; figures: WindowFigures }> = [];
    for (let slot = current - this.slots + 1; slot <= current; slot++) {
      const sums = new Float64Array(WIDTH);
      const at = ringIndex(slot, this.slots);
      if (slot >= 0 && this.stamps[at] === slot) sums.set(this.data.subarray(at * WIDTH, (at + 1) * WIDTH));
      out.push({ t: slot * this.slotMs, figures: figures(sums) });
    }
    return out;
  }
}

function percentile(sums: Float64Array, total: number, q: number): number | null {
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < BINS; i++) {
    seen += read(sums, COUNTERS + i);
    if (seen >= rank) return Math.round(binValue(i));
  }
  return Math.round(binValue(BINS - 1));
}

function figures(sums: Float64Array): WindowFigures {
  const requests = read(sums, REQUESTS);
  const successes = read(sums, SUCCESSES);
  return {
    requests,
    successes,
    s401: read(sums, S401),
    s403: read(sums, S403),
    s429: read(sums, S429),
    errors: read(sums, ERRORS),
    success_ratio: requests === 0 ? null : Math.round((successes / requests) * 1000) / 1000,
    p50_ms: percentile(sums, successes, 0.5),
    p95_ms: percentile(sums, successes, 0.95),
    p99_ms: percentile(sums, successes, 0.99),
  };
}
