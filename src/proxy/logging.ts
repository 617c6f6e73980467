// Structured JSON logs through pino. Lines are encoded into a large buffer and written asynchronously a
// few dozen KB at a time (and at least every half second), so logging stays off the request path;
// callers flush before exit. Secrets stay out by construction: request logs carry key labels (`master`,
// `key#2`), never keys or headers.
import { write as fsWrite, writeSync } from 'node:fs';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** File descriptor to write to (default 1, stdout). */
  fd?: number;
  /** Synchronous unbuffered writes (short-lived processes, debugging); default buffered asynchronous. */
  sync?: boolean;
}

const FLUSH_INTERVAL_MS = 500;
const BUFFER_BYTES = 64 * 1024;
/** A full enough buffer is handed to the kernel without waiting for the timer. */
const WRITE_AT_BYTES = 32 * 1024;
/** Beyond this much unwritten output (a stuck journal, a full disk) new lines are dropped and counted. */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;
const EAGAIN_RETRY_MS = 10;

/**
 * pino's destination for `rmctl serve`. Each line is encoded straight into a preallocated buffer and a
 * buffer goes out with one asynchronous write once it holds WRITE_AT_BYTES (or on flush). pino's own
 * asynchronous destination writes every 8-16 KB and builds each batch by string concatenation; with a
 * line per request that cost more than the rest of the log call, and every write is a hop to a libuv
 * worker thread and back.
 */
export class BufferedLogWriter implements DestinationStream {
  private buf: Buffer = Buffer.allocUnsafeSlow(BUFFER_BYTES);
  private used = 0;
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private spare: Buffer | undefined;
  private writing = false;
  private waiters: Array<() => void> = [];
  private dropped = 0;
  private failed = false;

  constructor(private readonly fd: number) {}

  write(line: string): boolean {
    if (this.failed) return true;
    if (this.queued + this.used > MAX_PENDING_BYTES) {
      this.dropped++;
      return true;
    }
    if (this.dropped > 0) this.noteDropped();
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit: when that bound fits, no size check needed.
    if (line.length * 3 > this.buf.length - this.used) {
      const bytes = Buffer.byteLength(line);
      if (bytes > this.buf.length - this.used) {
        this.enqueueCurrent();
        if (bytes > this.buf.length) {
          this.enqueue(Buffer.from(line));
          this.pump();
          return true;
        }
      }
    }
    this.used += this.buf.write(line, this.used);
    if (this.used >= WRITE_AT_BYTES) {
      this.enqueueCurrent();
      this.pump();
    }
    return true;
  }

  /** Writes out everything buffered; `cb` runs once it reached the kernel (or could not). */
  flush(cb?: () => void): void {
    this.enqueueCurrent();
    if (cb) {
      if (!this.writing && this.queue.length === 0) {
        cb();
        return;
      }
      this.waiters.push(cb);
    }
    this.pump();
  }

  /** Last resort on process exit: whatever is still in memory, written synchronously. */
  flushSync(): void {
    this.enqueueCurrent();
    if (this.failed) return;
    // An asynchronous write in flight is not repeated (it may have landed); the rest follows it.
    for (const b of this.queue.splice(this.writing ? 1 : 0)) {
      try {
        for (let off = 0; off < b.length; ) off += writeSync(this.fd, b, off, b.length - off);
      } catch {
        return;
      }
    }
  }

  private noteDropped(): void {
    const n = this.dropped;
    this.dropped = 0;
    this.write(`${JSON.stringify({ level: 40, time: Date.now(), event: 'log_dropped', lines: n, msg: `${n} log lines dropped: the log destination did not keep up` })}\n`);
  }

  private enqueueCurrent(): void {
    if (this.used === 0) return;
    this.enqueue(this.buf.subarray(0, this.used));
    const spare = this.spare;
    this.spare = undefined;
    this.buf = spare ?? Buffer.allocUnsafeSlow(BUFFER_BYTES);
    this.used = 0;
  }

  private enqueue(b: Buffer): void {
    this.queue.push(b);
    this.queued += b.length;
  }

  private pump(): void {
    if (this.writing) return;
    const next = this.queue[0];
    if (next === undefined) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
      return;
    }
    this.writing = true;
    fsWrite(this.fd, next, 0, next.length, null, (err, written) => {
      this.writing = false;
      if (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
          // A non-blocking pipe (stdout to a journal) that is full: try again shortly, keeping the order.
          this.writing = true;
          setTimeout(() => {
            this.writing = false;
            this.pump();
          }, EAGAIN_RETRY_MS).unref();
          return;
        }
        // A closed or broken destination (EPIPE, EBADF): nothing more can be logged through it.
        this.failed = true;
        this.queue.length = 0;
        this.queued = 0;
        this.pump();
        return;
      }
      if (written < next.length) {
        this.queue[0] = next.subarray(written);
        this.queued -= written;
      } else {
        this.queue.shift();
        this.queued -= next.length;
        // A whole buffer written: keep it for reuse rather than allocating the next one.
        if (next.length > 0 && next.buffer.byteLength === BUFFER_BYTES && next.byteOffset === 0 && this.spare === undefined) {
          this.spare = Buffer.from(next.buffer, 0, BUFFER_BYTES);
        }
      }
      this.pump();
    });
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const sync = options.sync ?? false;
  const fd = options.fd ?? 1;
  const base = { service: 'rmctl-serve' };
  if (sync) return pino({ level: options.level ?? 'info', base }, pino.destination({ fd, sync: true }));
  const writer = new BufferedLogWriter(fd);
  const logger = pino({ level: options.level ?? 'info', base }, writer);
  const timer = setInterval(() => writer.flush(), FLUSH_INTERVAL_MS);
  timer.unref();
  process.once('exit', () => writer.flushSync());
  return logger;
}

type PinoInternals = Record<symbol, unknown>;

/**
 * A writer for lines whose fields the caller serialised itself (`,"k":v,...`), in exactly the format of
 * `logger.info(fields, msg)`: level, time, the logger's bindings, the fields, the message. The request
 * line is written once per request with ~20 fields, and pino's generic object walk (escaping every key
 * and value, looking up serializers for each) cost more than the rest of the request's own work.
 * Undefined when the logger is configured in a way this shortcut does not reproduce (formatters, mixins,
 * hooks, redaction, nested keys, message prefixes, metadata streams): callers then use the logger.
 */
export function rawLineWriter(logger: Logger, msg: string): ((level: 'info' | 'warn', fields: string) => void) | undefined {
  const s = pino.symbols;
  const l = logger as unknown as PinoInternals;
  const formatters = l[s.formattersSym] as { log?: unknown } | undefined;
  const hooks = l[s.hooksSym] as { logMethod?: unknown; streamWrite?: unknown } | undefined;
  const stringifiers = l[s.stringifiersSym] as object | undefined;
  const stream = l[s.streamSym] as { write(line: string): unknown } | undefined;
  const lsCache = l[s.lsCacheSym] as Record<number, string> | undefined;
  const time = l[s.timeSym] as (() => string) | undefined;
  if (
    !stream ||
    !lsCache ||
    typeof time !== 'function' ||
    formatters?.log !== undefined ||
    hooks?.logMethod !== undefined ||
    hooks?.streamWrite !== undefined ||
    l[s.mixinSym] !== undefined ||
    l[s.nestedKeySym] != null ||
    // Not in pino's typings, present at runtime since pino 8.
    (l[(s as unknown as Record<string, symbol>).msgPrefixSym] ?? '') !== '' ||
    (stringifiers !== undefined && (Object.keys(stringifiers).length > 0 || Object.getOwnPropertySymbols(stringifiers).length > 0)) ||
    (stream as PinoInternals)[s.needsMetadataGsym] === true
  ) {
    return undefined;
  }
  const tail = `,${JSON.stringify(l[s.messageKeySym] ?? 'msg')}:${JSON.stringify(msg)}${String(l[s.endSym] ?? '}\n')}`;
  const levels = { info: logger.levels.values.info, warn: logger.levels.values.warn };
  return (level, fields) => {
    if (!logger.isLevelEnabled(level)) return;
    // Read per line: a child logger's bindings and the level cache are the logger's current ones.
    stream.write(lsCache[levels[level]] + time.call(logger) + (l[s.chindingsSym] as string) + fields + tail);
  };
}

const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** A string as a JSON string literal, escaping only when it has to. */
export function jsonString(v: string): string {
  return NEEDS_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`;
}

/** Writes out buffered log lines; the promise settles once they are written (await it before exit). */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    try {
      logger.flush(() => resolve());
    } catch {
      // A closed or busy destination has nothing more we can write.
      resolve();
    }
  });
}
