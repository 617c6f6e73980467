// The long-lived services every stage of a request reaches for (metrics, shared fleet state, the logger,
// the per-attempt observers), handed down explicitly instead of through a server object.
import type { Logger } from './logging.js';
import type { ProxyMetrics } from './metrics.js';
import type { Fleet } from './fleet/fleet.js';
import type { AttemptObservers } from './attempt/observers.js';

export interface ProxyServices {
  readonly metrics: ProxyMetrics;
  readonly fleet: Fleet;
  readonly log: Logger;
  /** Told the outcome of every upstream attempt (windowed stats, status pages). */
  readonly attempts: AttemptObservers;
}
