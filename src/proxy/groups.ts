// A model group's deployments, bucketed once per policy: the policy's tier order, then `order`, then (per
// request, in router.ts) the routing strategy inside a bucket. The priority-list rule lives here: a group
// whose tiers were all inferred and that spans several tiers is a hand-written fallback list, so inside a
// tier its file order holds (see "Tiers" in the README).
import type { RoutingStrategy, Tier } from '../shared/compiled-config.js';
import type { RuntimeDeployment } from './deployments.js';

export interface ModelGroup {
  name: string;
  deployments: RuntimeDeployment[];
  strategy: RoutingStrategy;
  /** True when the group is tried in file order inside each tier (the priority-list rule). */
  fileOrder: boolean;
  /** Per policy: deployments bucketed by (tier rank, order), buckets in try order. */
  byPolicy: Map<string, RuntimeDeployment[][]>;
  /** Label for metrics (a pattern route's source, so requested names do not explode cardinality). */
  metricsLabel: string;
}

/** The priority-list rule: no deployment states a tier, and the inferred tiers differ. */
export function isPriorityList(deployments: readonly RuntimeDeployment[]): boolean {
  if (deployments.length < 2 || deployments.some((d) => d.tierStated)) return false;
  return new Set(deployments.map((d) => d.tier)).size > 1;
}

/** Sort key inside a tier: `order` first (LiteLLM's own), then, for a priority list, the file position. */
function rank(d: RuntimeDeployment, fileOrder: boolean): number[] {
  return fileOrder ? [d.order, d.fileIndex] : [d.order];
}

function sameRank(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/** Buckets of one policy: each tier in the policy's order, split by rank; disabled deployments left out. */
export function bucketsFor(deployments: readonly RuntimeDeployment[], tiers: readonly Tier[], fileOrder: boolean): RuntimeDeployment[][] {
  const buckets: RuntimeDeployment[][] = [];
  for (const tier of tiers) {
    const inTier = deployments
      .filter((d) => d.tier === tier && !d.disabledReason)
      .map((d) => ({ d, r: rank(d, fileOrder) }))
      .sort((a, b) => compareRank(a.r, b.r));
    for (const item of inTier) {
      const last = buckets.at(-1);
      const head = last?.[0];
      if (last && head && head.tier === tier && sameRank(rank(head, fileOrder), item.r)) last.push(item.d);
      else buckets.push([item.d]);
    }
  }
  return buckets;
}

export function makeGroup(
  name: string,
  deployments: RuntimeDeployment[],
  policies: ReadonlyMap<string, readonly Tier[]>,
  strategy: RoutingStrategy,
  metricsLabel = name,
): ModelGroup {
  const fileOrder = isPriorityList(deployments);
  const byPolicy = new Map<string, RuntimeDeployment[][]>();
  for (const [policy, tiers] of policies) byPolicy.set(policy, bucketsFor(deployments, tiers, fileOrder));
  return { name, deployments, strategy, fileOrder, byPolicy, metricsLabel };
}
