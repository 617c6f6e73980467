// Operational failures (not user mistakes) travel as exceptions with a stable code and a cause.
// Each layer adds context to the message as the error travels up: `apply: health check: ...`.

export class RainyModelError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RainyModelError';
    this.code = code;
  }

  /** A new error with `context: ` in front of the message, same code, this error as cause. */
  withContext(context: string): RainyModelError {
    return new RainyModelError(this.code, `${context}: ${this.message}`, { cause: this });
  }
}

/** Wraps anything thrown into a RainyModelError, adding context. */
export function wrapError(code: string, context: string, err: unknown): RainyModelError {
  if (err instanceof RainyModelError) return err.withContext(context);
  const message = err instanceof Error ? err.message : String(err);
  return new RainyModelError(code, `${context}: ${message}`, { cause: err });
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  invalid: 1,
  operational: 2,
  rollbackFailed: 3,
  usage: 64,
} as const;
