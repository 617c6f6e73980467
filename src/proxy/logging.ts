// Structured JSON logs through pino. The destination is asynchronous (buffered, flushed off the request
// path); callers flush it before exiting. Request logs carry key labels, never keys or headers.
import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** File descriptor to write to (default 1, stdout). */
  fd?: number;
  /** Synchronous writes (useful for short-lived tests); default asynchronous. */
  sync?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = pino.destination({ fd: options.fd ?? 1, sync: options.sync ?? false});
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'rmctl-serve' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Defence in depth: these paths never get logged on purpose, but if they ever are, hide them.
      redact: { paths: ['authorization', 'headers.authorization', 'api_key', '*.api_key', 'master_key', '*.master_key'], censor: '[redacted]' },
    },
    destination,
  );
}

/** Writes out buffered log lines (before exit). */
export function flushLogger(logger: Logger): void {
  try {
    logger.flush();
  } catch {
    // A closed destination has nothing left to flush.
  }
}
