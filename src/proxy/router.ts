// Orders a group's deployments for one request: the policy's tier order and `order` were fixed at
// table-build time (buckets); only the routing strategy inside a bucket runs per request. Also the
// attempt budget: how many of those deployments one request may try.
import type { Tier } from '../shared/compiled-config.js';
import type { RuntimeDeployment } from './deployments.js';
import type { ModelGroup } from './groups.js';

function shuffleKey(d: RuntimeDeployment): number {
  return d.weight > 0 ? Math.pow(Math.random(), 1 / d.weight) : -1;
}

function weightedShuffle(bucket: readonly RuntimeDeployment[]): RuntimeDeployment[] {
  // Efraimidis–Spirakis: sorting by U^(1/w) draws a weighted random permutation in one pass.
  const [a, b] = bucket;
  if (bucket.length === 2 && a && b) {
    // The common case (two keys or two hosts for one model), without the keyed copies and the sort.
    return shuffleKey(b) > shuffleKey(a) ? [b, a] : [a, b];
  }
  const keyed = bucket.map((d) => ({ d, k: shuffleKey(d) }));
  keyed.sort((a, b) => b.k - a.k);
  return keyed.map((x) => x.d);
}

function byKey(bucket: readonly RuntimeDeployment[], key: (d: RuntimeDeployment) => number): RuntimeDeployment[] {
  // Random tie-break so equal deployments share load instead of the first one taking it all.
  const keyed = bucket.map((d) => ({ d, k: key(d), r: Math.random() }));
  keyed.sort((a, b) => a.k - b.k || a.r - b.r);
  return keyed.map((x) => x.d);
}

/** True when a bucket is tried in a fixed order (one deployment, or a priority list's file order). */
export function isFixedBucket(group: ModelGroup, bucket: readonly RuntimeDeployment[]): boolean {
  return bucket.length === 1 || group.fileOrder;
}

function orderBucket(group: ModelGroup, bucket: readonly RuntimeDeployment[], now: number): readonly RuntimeDeployment[] {
  if (isFixedBucket(group, bucket)) return bucket;
  switch (group.strategy) {
    case 'least-busy':
      return byKey(bucket, (d) => d.state.inflight);
    case 'latency-based-routing':
      // Unmeasured deployments first, so each gets measured.
      return byKey(bucket, (d) => d.state.latencyMs ?? -1);
    case 'usage-based-routing':
    case 'usage-based-routing-v2':
      return byKey(bucket, (d) => d.state.tokensThisMinute(now));
    case 'cost-based-routing':
      return byKey(bucket, (d) => d.costPerToken);
    default:
      return weightedShuffle(bucket);
  }
}

export function orderDeployments(group: ModelGroup, policy: string, now: number): readonly RuntimeDeployment[] {
  const buckets = group.byPolicy.get(policy);
  if (!buckets) return [];
  const [only] = buckets;
  if (buckets.length === 1 && only) return orderBucket(group, only, now);
  const out: RuntimeDeployment[] = [];
  for (const bucket of buckets) for (const d of orderBucket(group, bucket, now)) out.push(d);
  return out;
}

/**
 * How many deployments of one model group a request may try in each tier of the policy. A hand-written
 * fallback list (the priority-list rule, groups.ts) is walked to its end, each deployment once: every entry
 * is a fallback step its author wrote, as their own router takes them. Any other group gets
 * `num_retries + 1` attempts per tier, so a tier that keeps failing hands the request to the next one and
 * every request can reach the last tier, while a large tier of equivalent deployments does not turn one
 * request into dozens of upstream calls. Without `num_retries` every deployment may be tried.
 */
export function attemptsPerTier(group: ModelGroup, numRetries: number | undefined): number {
  return group.fileOrder || numRetries === undefined ? Number.POSITIVE_INFINITY : numRetries + 1;
}

/** Counts one request's attempts per tier of one group; deployments passed over spend nothing. */
export class AttemptBudget {
  private readonly spent = new Map<Tier, number>();

  constructor(private readonly perTier: number) {}

  static forGroup(group: ModelGroup, numRetries: number | undefined): AttemptBudget {
    return new AttemptBudget(attemptsPerTier(group, numRetries));
  }

  allows(d: RuntimeDeployment): boolean {
    return (this.spent.get(d.tier) ?? 0) < this.perTier;
  }

  spend(d: RuntimeDeployment): void {
    this.spent.set(d.tier, (this.spent.get(d.tier) ?? 0) + 1);
  }
}
