// `rmctl explain`: which deployments a request for a model tries, in which order, under each policy, read
// off the very route table `rmctl serve` builds (the same buckets, fallback chain and attempt budget), so
// the two cannot disagree. Pure: the caller builds the table and retires it.
import type { Tier } from '../shared/compiled-config.js';
import { fallbackChain } from './attempt/chain.js';
import type { RuntimeDeployment } from './deployments.js';
import type { ModelGroup } from './groups.js';
import type { Endpoint } from './providers/types.js';
import { attemptsPerTier, isFixedBucket } from './router.js';
import type { RouteTable } from './table.js';

export interface ExplainedTry {
  /** Position in the try order; deployments of one shuffled (or otherwise balanced) bucket share it. */
  step: number;
  id: string;
  tier: Tier;
  /** How the tier was decided (model_info.rainymodel_tier, or the inference rule). */
  tierSource: string;
  provider: string;
  model: string;
  apiBase: string;
  weight: number;
  /** How the deployment is picked at its step: `fixed`, `file order`, or the strategy with its weight. */
  pick: string;
}

export interface ExplainedSkip {
  id: string;
  tier: Tier;
  provider: string;
  model: string;
  reason: string;
}

export interface ExplainedGroup {
  group: string;
  /** `requested` for the group the name resolves to, `fallback` for the groups tried after it. */
  role: 'requested' | 'fallback';
  strategy: string;
  tries: ExplainedTry[];
  skipped: ExplainedSkip[];
}

export interface ExplainedPolicy {
  policy: string;
  isDefault: boolean;
  tiers: readonly Tier[];
  groups: ExplainedGroup[];
}

export interface ModelExplanation {
  model: string;
  group: string;
  viaAlias?: string;
  endpoint: Endpoint;
  /** Attempts each tier of the requested group may take (num_retries + 1), or null for no limit. */
  attemptsPerTier: number | null;
  policies: ExplainedPolicy[];
}

function pickOf(group: ModelGroup, bucket: readonly RuntimeDeployment[], d: RuntimeDeployment): string {
  if (group.fileOrder) return 'file order';
  if (bucket.length === 1) return Number.isFinite(d.order) ? `order ${d.order}` : 'fixed';
  const total = bucket.reduce((sum, x) => sum + x.weight, 0);
  return group.strategy === 'simple-shuffle' ? `simple-shuffle, weight ${d.weight} of ${total}` : group.strategy;
}

function skip(d: RuntimeDeployment, reason: string): ExplainedSkip {
  return { id: d.id, tier: d.tier, provider: d.provider, model: d.upstreamModel, reason };
}

function tryOf(group: ModelGroup, bucket: readonly RuntimeDeployment[], d: RuntimeDeployment, step: number, note = ''): ExplainedTry {
  return { step, id: d.id, tier: d.tier, tierSource: d.tierSource, provider: d.provider, model: d.upstreamModel, apiBase: d.apiBase, weight: d.weight, pick: pickOf(group, bucket, d) + note };
}

/** One group under one policy: the buckets in order, less what the endpoint or the attempt budget excludes. */
export function explainGroup(group: ModelGroup, policy: string, tiers: readonly Tier[], endpoint: Endpoint, numRetries: number | undefined, role: ExplainedGroup['role']): ExplainedGroup {
  const perTier = attemptsPerTier(group, numRetries);
  const tries: ExplainedTry[] = [];
  const skipped: ExplainedSkip[] = [];
  for (const d of group.deployments) {
    if (d.disabledReason) skipped.push(skip(d, `disabled: ${d.disabledReason}`));
    else if (!tiers.includes(d.tier)) skipped.push(skip(d, `tier ${d.tier} is not in policy ${policy}`));
  }
  const spent = new Map<Tier, number>();
  let step = 0;
  for (const bucket of group.byPolicy.get(policy) ?? []) {
    // Like the attempt loop: a deployment that cannot serve the endpoint is passed over and spends nothing.
    const usable = bucket.filter((d) => {
      const serves = !d.adapter || d.adapter.endpoints.includes(endpoint);
      if (!serves) skipped.push(skip(d, `${d.prefix}/ does not serve the ${endpoint} endpoint`));
      return serves;
    });
    const tier = usable[0]?.tier;
    if (tier === undefined) continue;
    const left = perTier - (spent.get(tier) ?? 0);
    const fixed = isFixedBucket(group, usable);
    for (const [i, d] of usable.entries()) {
      if (fixed ? i >= left : left <= 0) {
        skipped.push(skip(d, `beyond the attempt budget (num_retries + 1 = ${perTier} per tier)`));
        continue;
      }
      if (fixed || i === 0) step++;
      tries.push(tryOf(group, usable, d, step, !fixed && left < usable.length ? `; at most ${left} of these ${usable.length}` : ''));
    }
    spent.set(tier, (spent.get(tier) ?? 0) + Math.min(Math.max(left, 0), usable.length));
  }
  return { group: group.name, role, strategy: group.fileOrder ? 'tiers inferred: file order within a tier' : group.strategy, tries, skipped };
}

export class UnknownNameError extends Error {}

/**
 * Every policy (or one), for one requested name: its group, then its fallback groups, as the attempt
 * loop walks them. Throws UnknownNameError for a name the table does not serve, or an unknown policy.
 */
export function explainModel(table: RouteTable, model: string, options: { policy?: string; endpoint?: Endpoint } = {}): ModelExplanation {
  const resolved = table.resolve(model);
  if (!resolved) throw new UnknownNameError(`"${model}" is not served by this config; names: ${table.publicModels.join(', ')}`);
  if (options.policy !== undefined && !table.policies.has(options.policy)) {
    throw new UnknownNameError(`unknown policy "${options.policy}"; policies: ${table.policyList}`);
  }
  const endpoint = options.endpoint ?? 'chat';
  const numRetries = table.settings.numRetries;
  const perTier = attemptsPerTier(resolved.group, numRetries);
  const chain = fallbackChain(table, resolved.group, resolved.viaAlias);
  const policies = [...table.policies].filter(([name]) => options.policy === undefined || name === options.policy);
  return {
    model,
    group: resolved.group.name,
    viaAlias: resolved.viaAlias,
    endpoint,
    attemptsPerTier: Number.isFinite(perTier) ? perTier : null,
    policies: policies.map(([policy, tiers]) => ({
      policy,
      isDefault: policy === table.defaultPolicy,
      tiers,
      groups: chain.map((g, i) => explainGroup(g, policy, tiers, endpoint, numRetries, i === 0 ? 'requested' : 'fallback')),
    })),
  };
}

export interface NameSummary {
  name: string;
  group: string;
  deployments: number;
  active: number;
  /** Active deployments per tier, in the default policy's order. */
  tiers: Partial<Record<Tier, number>>;
  /** The default policy's first step: the deployment(s) a request tries first. */
  first: string[];
  fallbacks: string[];
}

/** One row per public name (groups and visible aliases). */
export function explainAll(table: RouteTable): NameSummary[] {
  return table.publicModels.map((name) => {
    const e = explainModel(table, name, { policy: table.defaultPolicy });
    const group = table.resolve(name)!.group;
    const active = group.deployments.filter((d) => !d.disabledReason);
    const tiers: Partial<Record<Tier, number>> = {};
    for (const tier of table.policies.get(table.defaultPolicy) ?? []) {
      const n = active.filter((d) => d.tier === tier).length;
      if (n > 0) tiers[tier] = n;
    }
    // The default policy's chain: the requested group, then its fallbacks (none when the policy is missing).
    const [requested, ...fallbacks] = e.policies[0]?.groups ?? [];
    const first = requested?.tries.filter((t) => t.step === 1).map((t) => t.id) ?? [];
    return { name, group: group.name, deployments: group.deployments.length, active: active.length, tiers, first, fallbacks: fallbacks.map((g) => g.group) };
  });
}
