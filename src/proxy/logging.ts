// Structured JSON logs through pino. Lines are buffered and written asynchronously (a few KB at a time,
// and at least every half second), so logging stays off the request path; callers flush before exit.
// Secrets stay out by construction: request logs carry key labels (`master`, `key#2`), never keys or headers.
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

export function createLogger(options: LoggerOptions = {}): Logger {
  const sync = options.sync ?? false;
  const destination = pino.destination({ fd: options.fd ?? 1, sync, minLength: sync ? 0 : 8192 });
  const logger = pino({ level: options.level ?? 'info', base: { service: 'rmctl-serve' } }, destination);
  if (!sync) {
    const timer = setInterval(() => void flushLogger(logger), FLUSH_INTERVAL_MS);
    timer.unref();
  }
  return logger;
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
