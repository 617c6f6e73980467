// A cap on V8's young generation for a long-running proxy process.
//
// Every request's short-lived objects (parsed bodies, headers, promises, buffers) are allocated in the
// young generation. Under sustained load V8 grows it to its default maximum, two 16 MB semi-spaces, and
// reading the config at start-up alone grows it to two 8 MB ones before the first request. For a proxy
// whose per-request garbage dies young, a 2 x 8 MB young generation costs a few more (cheap) scavenges
// and keeps ~17 MB of resident memory off the peak; start-up runs at V8's initial size.
//
// V8 reads --max-semi-space-size only when the heap is created, so the cap works through the growth
// factor, which V8 reads each time it considers growing the young generation: V8's default (2) while
// below the cap, 1 (no growth) once at it. Nothing is done when the process was started with its own
// semi-space flags, or on a Node major whose V8 is not known to have the flag.
import v8 from 'node:v8';

const MB = 1024 * 1024;
const CHECK_INTERVAL_MS = 250;
// V8 11.3 (Node 20) through 13.x (Node 24) read --semi-space-growth-factor when growing the young generation.
const KNOWN_NODE_MAJORS = new Set([20, 22, 24]);

export interface YoungGenerationIO {
  /** Bytes committed to the young generation (both semi-spaces). */
  newSpaceBytes(): number;
  setGrowthFactor(factor: 1 | 2): void;
}

const v8IO: YoungGenerationIO = {
  newSpaceBytes() {
    for (const s of v8.getHeapSpaceStatistics()) if (s.space_name === 'new_space') return s.space_size;
    return 0;
  },
  setGrowthFactor(factor) {
    v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`);
  },
};

export class YoungGenerationCap {
  private limitBytes: number;
  private factor: 0 | 1 | 2 = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    semiSpaceMB: number,
    private readonly io: YoungGenerationIO = v8IO,
  ) {
    this.limitBytes = 2 * semiSpaceMB * MB;
  }

  /** The largest semi-space V8 may grow to from now on (it never shrinks below what it has). */
  setLimit(semiSpaceMB: number): void {
    this.limitBytes = 2 * semiSpaceMB * MB;
    this.check();
  }

  check(): void {
    const want = this.io.newSpaceBytes() < this.limitBytes ? 2 : 1;
    if (want === this.factor) return;
    this.factor = want;
    this.io.setGrowthFactor(want);
  }

  /** Re-checks periodically: V8 shrinks the young generation when idle and may then grow it again. */
  start(): void {
    this.check();
    if (this.timer) return;
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }
}

let shared: YoungGenerationCap | null | undefined;

function userSetYoungGeneration(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return flags.some((f) => /semi[-_]space/.test(f));
}

/** The process-wide cap, started on first use; undefined when this process should be left alone. */
export function youngGenerationCap(initialSemiSpaceMB: number): YoungGenerationCap | undefined {
  if (shared === undefined) {
    const major = Number(process.versions.node.split('.')[0]);
    if (!KNOWN_NODE_MAJORS.has(major) || userSetYoungGeneration()) shared = null;
    else {
      shared = new YoungGenerationCap(initialSemiSpaceMB);
      shared.start();
    }
  }
  return shared ?? undefined;
}
