// Orders a group's deployments for one request: the policy's tier order and `order` were fixed at
// table-build time (buckets); only the routing strategy inside a bucket runs per request.
import type { ModelGroup, RuntimeDeployment } from './table.js';

function shuffleKey(d: RuntimeDeployment): number {
  return d.weight > 0 ? Math.pow(Math.random(), 1 / d.weight) : -1;
}

function weightedShuffle(bucket: readonly RuntimeDeployment[]): RuntimeDeployment[] {
  // Efraimidis–Spirakis: sorting by U^(1/w) draws a weighted random permutation in one pass.
  if (bucket.length === 2) {
    // The common case (two keys or two hosts for one model), without the keyed copies and the sort.
    const a = bucket[0];
    const b = bucket[1];
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

function orderBucket(group: ModelGroup, bucket: readonly RuntimeDeployment[], now: number): readonly RuntimeDeployment[] {
  if (bucket.length === 1) return bucket;
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
  if (buckets.length === 1) return orderBucket(group, buckets[0], now);
  const out: RuntimeDeployment[] = [];
  for (const bucket of buckets) for (const d of orderBucket(group, bucket, now)) out.push(d);
  return out;
}
