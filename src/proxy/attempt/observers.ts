// The observation point for upstream attempts: every attempt the failover loop makes ends in exactly
// one AttemptEvent, handed to each registered observer (windowed stats, a status page, tests).
// Observers run synchronously on the request path, so they must be cheap and must not throw.
import type { FailureClass } from '../metrics.js';

export interface AttemptEvent {
  /** The deployment tried (RuntimeDeployment.id). */
  deploymentId: string;
  provider: string;
  tier: string;
  /** The model group the deployment was tried for (its metrics label). */
  group: string;
  /**
   * `served`: the answer (or the stream's first event) reached the client; `failed`: the loop moves on;
   * `client_error`: the upstream refused the client's request (not held against it); `aborted`: the
   * client left; `stream_broken`: a stream that was already being served broke midway.
   */
  outcome: 'served' | 'failed' | 'client_error' | 'aborted' | 'stream_broken';
  /** Upstream HTTP status when one was received. */
  status?: number;
  /** Short reason for a failure (`timeout`, `connect_error`, `429`, `bad_response`, ...). */
  reason?: string;
  failureClass?: FailureClass;
  /** Time from sending the upstream request to this outcome, in milliseconds. */
  latencyMs: number;
  /** Date.now() when the outcome was known. */
  at: number;
}

export type AttemptObserver = (event: AttemptEvent) => void;

/** A small list of observers; `add` returns the function that removes the observer again. */
export class AttemptObservers {
  private list: AttemptObserver[] = [];

  add(observer: AttemptObserver): () => void {
    this.list = [...this.list, observer];
    return () => {
      this.list = this.list.filter((o) => o !== observer);
    };
  }

  get active(): boolean {
    return this.list.length > 0;
  }

  emit(event: AttemptEvent): void {
    for (const o of this.list) {
      try {
        o(event);
      } catch {
        // An observer's bug must never change how a request is served.
      }
    }
  }
}
