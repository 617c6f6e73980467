// Structured JSON logs through pino, written by pino's own asynchronous destination (sonic-boom): lines
// are collected and handed to it, and so to the kernel, about 32 KB at a time (and at least every half
// second), so logging stays off the request path; callers flush before exit. Secrets stay out by construction:
// request logs carry key labels (`master`, `key#2`), never keys or headers.
import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** File descriptor to write to (default 1, stdout). */
  fd?: number;
  /** Synchronous unbuffered writes (short-lived processes, debugging); default buffered asynchronous. */
  sync?: boolean;
}

const FLUSH_INTERVAL_MS = 500;
/** Collected lines this long (in characters) are handed on without waiting for the timer. */
const BATCH_CHARS = 32 * 1024;
/** Beyond this much unwritten output (a stuck journal, a full disk) new lines are dropped. */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

export function createLogger(options: LoggerOptions = {}): Logger {
  const sync = options.sync ?? false;
  const fd = options.fd ?? 1;
  const level = options.level ?? 'info';
  const base = { service: 'rmctl-serve' };
  if (sync) return pino({ level, base }, pino.destination({ fd, sync: true }));
  // Each batch is written as soon as the previous write is done. minLength 1, not 0: with 0 sonic-boom's
  // flush calls back at once instead of when the pending writes are done.
  const destination = pino.destination({ fd, sync: false, minLength: 1, maxWrite: 2 * BATCH_CHARS, maxLength: MAX_PENDING_BYTES });
  const batch = new LineBatch(destination);
  const timer = setInterval(() => flushQuietly(batch), FLUSH_INTERVAL_MS);
  timer.unref();
  process.once('exit', () => {
    try {
      batch.handOn();
      destination.flushSync();
    } catch {
      // A closed or busy destination has nothing more we can write.
    }
  });
  const logger = pino({ level, base }, batch);
  destinations.set(logger, batch);
  return logger;
}

type SonicBoom = ReturnType<typeof pino.destination>;

/**
 * pino's stream: collects lines and hands sonic-boom one string per BATCH_CHARS (or per flush).
 * sonic-boom appends each string it is given to its pending one and takes Buffer.byteLength of the
 * result on every write, so handing it lines one by one costs each line in proportion to what is
 * pending; a batch costs that once.
 */
class LineBatch {
  private lines: string[] = [];
  private chars = 0;

  constructor(private readonly destination: SonicBoom) {}

  write(line: string): boolean {
    this.lines.push(line);
    this.chars += line.length;
    if (this.chars >= BATCH_CHARS) this.handOn();
    return true;
  }

  /** Hands the collected lines to sonic-boom (which writes them as soon as it is not writing). */
  handOn(): void {
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    this.chars = 0;
    this.destination.write(text);
  }

  flush(cb?: (err?: Error) => void): void {
    this.handOn();
    this.destination.flush(cb);
  }

  on(event: 'write', fn: (n: number) => void): void {
    this.destination.on(event, fn);
  }

  off(event: 'write', fn: (n: number) => void): void {
    this.destination.off(event, fn);
  }
}

function flushQuietly(destination: Destination): void {
  try {
    destination.flush(() => undefined);
  } catch {
    // Not ready yet (the fd is being opened) or closed: the next tick or exit handles it.
  }
}

type Destination = { flush(cb?: (err?: Error) => void): void; on(event: 'write', fn: (n: number) => void): unknown; off(event: 'write', fn: (n: number) => void): unknown };

const destinations = new WeakMap<Logger, Destination>();

/**
 * Writes out buffered log lines; the promise settles once they are written (await it before exit).
 * sonic-boom's flush callback can run while a remainder shorter than minLength is still buffered, so
 * flushing repeats until a round writes nothing more.
 */
export function flushLogger(logger: Logger): Promise<void> {
  const destination = destinations.get(logger);
  if (!destination) return flushOnce(logger);
  return new Promise((resolve) => {
    let written = 0;
    const onWrite = (n: number): void => {
      written += n;
    };
    destination.on('write', onWrite);
    const round = (left: number): void => {
      written = 0;
      try {
        destination.flush((err) => {
          if (!err && written > 0 && left > 0) return round(left - 1);
          destination.off('write', onWrite);
          resolve();
        });
      } catch {
        // A closed or busy destination has nothing more we can write.
        destination.off('write', onWrite);
        resolve();
      }
    };
    round(100);
  });
}

function flushOnce(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    try {
      logger.flush(() => resolve());
    } catch {
      resolve();
    }
  });
}
