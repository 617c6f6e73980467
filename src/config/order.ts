// Which deployment of a group is tried first, as numbers LiteLLM understands (`litellm_params.order`,
// lower first): deployments are ranked by (the default policy's tier order, the source's priority), except
// in a weighted split, where only priority counts. Shared
// by the compiler, which writes the numbers, and the rules, which say where LiteLLM would not honour them.
import type { Tier } from '../shared/compiled-config.js';
import type { Model } from './model.js';
import type { ResolvedDeployment, ResolvedGroup } from './resolve.js';

/** `order` per deployment of the group (same index), or undefined when all rank the same (no order needed). */
export function deploymentOrders(model: Model, group: Pick<ResolvedGroup, 'deployments'>): Array<number | undefined> {
  const defaultTiers = model.policies[model.defaultPolicy.name] ?? model.policies.auto ?? [];
  const tierRank = (t: Tier) => {
    const i = defaultTiers.indexOf(t);
    return i < 0 ? defaultTiers.length : i;
  };
  // A group whose every deployment has a declared weight is a split (load_balancing: 60/40), not a
  // preference: ordering its tiers would send everything to the first tier. Priority still counts.
  const split = group.deployments.length > 1 && group.deployments.every((d) => d.weight !== undefined);
  const keyOf = (d: ResolvedDeployment) => (split ? 0 : tierRank(d.tier) * 1000) + (d.order ?? 1);
  const keys = [...new Set(group.deployments.map(keyOf))].sort((a, b) => a - b);
  return group.deployments.map((d) => (keys.length > 1 ? keys.indexOf(keyOf(d)) + 1 : undefined));
}

/**
 * LiteLLM's simple-shuffle reads `weight` (then `rpm`, then `tpm`) from the group's first healthy
 * deployment and takes 0 for every deployment without it, so a partly weighted group starves the rest.
 * When any deployment of a group is weighted (or has rpm/tpm), every one gets an explicit weight: its own,
 * else its rpm, else its tpm, else 1 (what `rmctl serve` uses). A declared weight is divided among the
 * deployments its key rotation makes, so the declared split holds per provider. Undefined: no weights at all (uniform pick).
 */
export function deploymentWeights(group: Pick<ResolvedGroup, 'deployments'>): Array<number | undefined> {
  const ds = group.deployments;
  if (ds.length < 2 || !ds.some((d) => d.weight !== undefined || d.rpm !== undefined || d.tpm !== undefined)) return ds.map(() => undefined);
  return ds.map((d) => {
    if (d.weight === undefined) return d.rpm ?? d.tpm ?? 1; // a rate limit is per key: each copy has it
    return roundWeight(d.weight / Math.max(1, d.provider.credentials.length));
  });
}

function roundWeight(w: number): number {
  return Math.round(w * 1e6) / 1e6;
}
