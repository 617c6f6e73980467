// Step 3, load_balancing: its groups (top-level keys and the legacy `redundant_models`) -> balanced groups
// with weighted members, each member's model made explicit (the group's own, or the provider's model for
// the group's purpose). Documentation-only keys are reported as having no effect.
import type { At, Reporter } from './context.js';
import type { Group, Provider } from './model.js';
import { modelForPurpose } from './purpose.js';
import type { RawLbGroup, RawLbMember, RawLoadBalancing, RawMappingsFile } from './raw.js';
import { normalizeStrategy } from './strategy.js';

type Path = Array<string | number>;

export function normalizeLoadBalancing(raw: RawMappingsFile, at: At, groups: Map<string, Group>, reporter: Reporter, providers: Map<string, Provider>): void {
  const lb = raw.load_balancing;
  if (!lb) return;
  if (lb.enabled === false) {
    reporter.info('effect/none', at('load_balancing', 'enabled'), 'load_balancing is disabled (enabled: false): none of its groups take effect');
    return;
  }
  for (const [name, g, path] of balancedGroups(lb, at, reporter)) {
    const origin = at(...path);
    let group = groups.get(name);
    if (!group) {
      group = { name, kind: 'balanced', description: g.description, deployments: [], origin };
      groups.set(name, group);
    } else if (group.kind === 'alias') {
      reporter.error('route/duplicate-name', origin, `"${name}" is an alias; give its deployments weights in aliases.${name}.deployments instead`);
      continue;
    }
    if (g.strategy) group.strategy = normalizeStrategy(g.strategy, at(...path, 'strategy'), reporter, 'strategy');
    if (g.parameters) {
      reporter.warn('effect/none', at(...path, 'parameters'), `load_balancing.${name}.parameters has no effect`, 'remove it; weights and the strategy decide the distribution');
    }
    // A member without a model serves the group's model: its first deployment's, as it was before these members.
    const member = { group, baseModel: group.deployments[0]?.model, reporter, providers };
    g.providers.forEach((m, i) => addMember(member, m, at, [...path, 'providers', i]));
  }
}

/** The groups of load_balancing with their paths; `strategies` is documentation, `enabled` a switch. */
function balancedGroups(lb: RawLoadBalancing, at: At, reporter: Reporter): Array<[string, RawLbGroup, Path]> {
  const entries: Array<[string, RawLbGroup, Path]> = [];
  for (const [key, value] of Object.entries(lb)) {
    if (key === 'enabled') continue;
    if (key === 'strategies') {
      reporter.info('effect/none', at('load_balancing', 'strategies'), 'load_balancing.strategies is documentation: it has no effect', 'set a strategy per group (load_balancing.<group>.strategy) or router.routing_strategy');
      continue;
    }
    if (key === 'redundant_models') {
      for (const [name, g] of Object.entries(lb.redundant_models ?? {})) entries.push([name, g, ['load_balancing', 'redundant_models', name]]);
      continue;
    }
    // The schema makes every other key a group.
    if (isLbGroup(value)) entries.push([key, value, ['load_balancing', key]]);
  }
  return entries;
}

function isLbGroup(value: RawLoadBalancing[string]): value is RawLbGroup {
  return typeof value === 'object' && 'providers' in value && Array.isArray(value.providers);
}

interface MemberContext {
  group: Group;
  baseModel: string | undefined;
  reporter: Reporter;
  providers: Map<string, Provider>;
}

/** A member becomes a deployment of the group, or re-weights the one already there. */
function addMember(ctx: MemberContext, member: RawLbMember, at: At, path: Path): void {
  const { group, reporter } = ctx;
  const mo = at(...path);
  if (member.condition !== undefined) {
    reporter.warn('effect/none', at(...path, 'condition'), `the condition "${member.condition}" has no effect: members are chosen by weight and strategy`, 'remove the condition');
  }
  const model = member.model ?? member.preferred_model ?? impliedModel(ctx, member, mo);
  if (model === undefined) return;
  const existing = group.deployments.find((d) => d.provider === member.provider && (d.model ?? group.name) === model);
  if (existing) {
    existing.weight = member.weight;
    return;
  }
  group.deployments.push({ provider: member.provider, model, weight: member.weight, origin: mo });
}

/**
 * Which model does this provider serve the group with? The group's own model when the provider has it,
 * else its model whose registry `specialty` matches the group's name, else its only model (purpose.ts).
 * Undefined (an error) when none: leaving the member out would silently change the declared split.
 */
function impliedModel(ctx: MemberContext, member: RawLbMember, mo: ReturnType<At>): string | undefined {
  const { reporter } = ctx;
  const name = ctx.group.name;
  const provider = ctx.providers.get(member.provider);
  const candidate = ctx.baseModel ?? name;
  if (!provider || !provider.declaresModels || provider.models.some((m) => m.name === candidate)) return candidate;
  const pick = modelForPurpose(provider, name);
  if (!pick) {
    reporter.error(
      'route/ambiguous-model',
      mo,
      `provider "${member.provider}" does not declare "${candidate}", and none of its ${provider.models.length} models has a specialty matching "${name}": which one serves this member is not said`,
      `add \`model:\` naming one of: ${provider.models.map((m) => m.name).join(', ')}`,
    );
    return undefined;
  }
  const why = pick.how === 'specialty' ? `its model for ${pick.model.specialty}` : 'its only model';
  reporter.info('route/implied-model', mo, `provider "${member.provider}" serves "${name}" with ${why}, "${pick.model.name}"`, 'write `model:` to make this explicit');
  return pick.model.name;
}
