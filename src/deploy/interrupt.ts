// SIGTERM and Ctrl-C (SIGINT, SIGHUP) during an apply. The first signal does not end the process: it aborts
// the transaction, which then stops where it is and, if it already wrote the new file, restores the previous
// one (restart, verify) before it returns, records the outcome in the audit log and releases the lock. A
// second signal is the operator insisting: `again` is called and may end the process at once.
export interface InterruptWatch {
  /** Aborted (its reason is the signal's name) at the first signal. */
  signal: AbortSignal;
  dispose(): void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function watchInterrupts(handlers: { first(name: NodeJS.Signals): void; again(name: NodeJS.Signals): void }): InterruptWatch {
  const controller = new AbortController();
  const listeners = SIGNALS.map((name) => {
    const listener = (): void => {
      if (controller.signal.aborted) handlers.again(name);
      else {
        controller.abort(name);
        handlers.first(name);
      }
    };
    process.on(name, listener);
    return [name, listener] as const;
  });
  return {
    signal: controller.signal,
    dispose: () => {
      for (const [name, listener] of listeners) process.off(name, listener);
    },
  };
}
