// Structured JSON logs through pino, written by pino's own asynchronous destination (sonic-boom): lines
// are buffered and handed to the kernel 8-16 KB at a time (and at least every half second), so logging
// stays off the request path; callers flush before exit. Secrets stay out by construction:
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
/**
 * A buffer this full is handed to the kernel without waiting for the timer. Not larger: sonic-boom
 * appends each line to its pending string and measures that string's UTF-8 length on every write, so
 * each line costs time in proportion to what is pending (32 KB cost ~2 us more per line than 8 KB).
 */
const WRITE_AT_BYTES = 8 * 1024;
/** Beyond this much unwritten output (a stuck journal, a full disk) new lines are dropped. */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

export function createLogger(options: LoggerOptions = {}): Logger {
  const sync = options.sync ?? false;
  const fd = options.fd ?? 1;
  const level = options.level ?? 'info';
  const base = { service: 'rmctl-serve' };
  if (sync) return pino({ level, base }, pino.destination({ fd, sync: true }));
  const destination = pino.destination({ fd, sync: false, minLength: WRITE_AT_BYTES, maxWrite: 2 * WRITE_AT_BYTES, maxLength: MAX_PENDING_BYTES });
  const timer = setInterval(() => flushQuietly(destination), FLUSH_INTERVAL_MS);
  timer.unref();
  process.once('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // A closed or busy destination has nothing more we can write.
    }
  });
  const logger = pino({ level, base }, destination);
  destinations.set(logger, destination);
  return logger;
}

function flushQuietly(destination: { flush(cb?: (err?: Error) => void): void }): void {
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
