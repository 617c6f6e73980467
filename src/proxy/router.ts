// Orders a group's deployments for one request: the policy's tier order and `order` were fixed at
// table-build time (buckets); only the routing strategy inside a bucket runs per request.
import type { ModelGroup, RuntimeDeployment } from './table.js';

function weightedShuffle(bucket: readonly RuntimeDeployment[]): RuntimeDeployment[] {
  // Efraimidis–Spirakis: sorting by U^(1/w) draws a weighted random permutation in one pass.
  const keyed = bucket.map((d) => ({ d, k: d.weight > 0 ? Math.pow(Math.random(), 1 / d.weight) : -1 }));
  keyed.sort((a, b) => b.k - a.k);
  return keyed.map((x) => x.d);
}

function byKey(bucket: readonly RuntimeDeployment[], key: (d: RuntimeDeployment) => number): RuntimeDeployment[] {
  // Random tie-break so equal deployments share load instead of the first one taking it all.
  const keyed = bucket.map((d) => ({ d, k: key(d), r: Math.random() }));
  keyed.sort((a, b) => a.k - b.k || a.r - b.r);
  return keyed.map((x) => x.d);
}

export function orderDeployments(group: ModelGroup, policy: string, now: number): RuntimeDeployment[] {
  const buckets = group.byPolicy.get(policy);
  if (!buckets) return [];
  if (buckets.length === 1 && buckets[0].length === 1) return buckets[0];
  const out: RuntimeDeployment[] = [];
  for (const bucket of buckets) {
    if (bucket.length === 1) {
      out.push(bucket[0]);
      continue;
    }
    let ordered: RuntimeDeployment[];
    switch (group.strategy) {
      case 'least-busy':
        ordered = byKey(bucket, (d) => d.state.inflight);
        break;
      case 'latency-based-routing':
        // Unmeasured deployments first, so each gets measured.
        ordered = byKey(bucket, (d) => d.state.latencyMs ?? -1);
        break;
      case 'usage-based-routing':
      case 'usage-based-routing-v2':
        ordered = byKey(bucket, (d) => d.state.tokensThisMinute(now));
        break;
      case 'cost-based-routing':
        ordered = byKey(bucket, (d) => d.costPerToken);
        break;
      default:
        ordered = weightedShuffle(bucket);
    }
    for (const d of ordered) out.push(d);
  }
  return out;
}
