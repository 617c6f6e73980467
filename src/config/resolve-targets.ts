// Resolving fallback targets and capabilities: what a name in a fallback chain, the default chain or a
// capability stands for (a model group, a capability's first available group, a provider's groups), and
// the fallbacks and group aliases they make. Reports each entry it leaves out, where it leaves it out.
import { didYouMean } from '../shared/suggest.js';
import { Reporter } from './context.js';
import { capabilityProviderTargets } from './capability-targets.js';
import type { Capability, NameRef, Origin } from './model.js';
import type { Resolution } from './resolve-groups.js';

/** The groups a provider is first in; when it is first in none, every group it has a deployment in. */
function groupsServedBy(r: Resolution, providerKey: string): string[] {
  const first = r.groups.filter((g) => g.deployments[0]?.provider.key === providerKey);
  const any = first.length ? first : r.groups.filter((g) => g.deployments.some((d) => d.provider.key === providerKey));
  return any.map((g) => g.name);
}

/** A capability stands for the model group it aliases: its first preferred model that is active. */
function capabilityTarget(r: Resolution, name: string): string | undefined {
  const c = r.model.capabilities.get(name);
  for (const t of c?.targets ?? []) {
    if (r.active.has(t.name)) return t.name;
    const p = r.model.providers.get(t.name);
    // Reported where the capability itself is resolved, not again for each reference to it.
    const served = c && p?.active ? capabilityProviderTargets(c, p, t, r.groups, new Reporter([])) : [];
    if (served.length) return served[0];
  }
  return undefined;
}

/** The model groups a fallback or capability entry stands for; [] (reported) when none. */
function resolveTarget(r: Resolution, ref: NameRef, context: string, unknownSeverity: 'error' | 'warning' = 'error'): string[] {
  const { model, reporter } = r;
  if (r.active.has(ref.name)) return [ref.name];
  if (r.inactive.has(ref.name)) {
    reporter.warn('ref/inactive-target', ref.origin, `"${ref.name}" has no active deployment: this ${context} entry is left out`);
    return [];
  }
  if (model.capabilities.has(ref.name) && !model.groups.has(ref.name)) return capabilityAsTarget(r, ref, context);
  const p = model.providers.get(ref.name);
  if (p) {
    if (!p.active) {
      reporter.warn('ref/inactive-provider', ref.origin, `provider "${ref.name}" is ${p.status}: this ${context} entry is left out`);
      return [];
    }
    const served = groupsServedBy(r, p.key);
    if (served.length === 0) {
      reporter.warn('ref/provider-without-models', ref.origin, `provider "${ref.name}" serves no model group: this ${context} entry has no effect`, 'name a model group');
      return [];
    }
    reporter.info('ref/provider-as-model', ref.origin, `"${ref.name}" is a provider: it stands for the model groups it serves (${served.join(', ')})`, 'name model groups to make the order explicit');
    return served;
  }
  const service = model.services.get(ref.name);
  if (service !== undefined) {
    reporter.warn('ref/not-llm-provider', ref.origin, `"${ref.name}" is a ${service}, not a model server: this ${context} entry is left out`);
    return [];
  }
  const guess = didYouMean(ref.name, [...r.groupNames, ...r.providerNames, ...model.capabilities.keys()]);
  reporter.report(
    unknownSeverity,
    'ref/unknown-model',
    ref.origin,
    `unknown model "${ref.name}" in ${context}: it is neither a model group, a capability nor a provider${unknownSeverity === 'warning' ? ' (left out)' : ''}`,
    guess ? `did you mean "${guess}"?` : 'add it to exact_matches or aliases, or remove this entry',
  );
  return [];
}

function capabilityAsTarget(r: Resolution, ref: NameRef, context: string): string[] {
  const target = capabilityTarget(r, ref.name);
  if (!target) {
    r.reporter.warn('ref/inactive-target', ref.origin, `capability "${ref.name}" resolves to no active model group: this ${context} entry is left out`);
    return [];
  }
  r.reporter.info('ref/capability-as-model', ref.origin, `"${ref.name}" is a capability: it stands for "${target}", its first available model`, `name "${target}" to make the order explicit`);
  return [target];
}

/** Adds `from`'s fallbacks (without itself and without repeats) to the routing. */
function pushFallbacks(r: Resolution, from: string, refs: NameRef[], origin: Origin, context: string): void {
  const targets: NameRef[] = [];
  for (const ref of refs) {
    for (const name of resolveTarget(r, ref, context)) {
      if (name === from) {
        r.reporter.error('route/self-fallback', ref.origin, `"${from}" falls back to itself`, 'remove this entry');
        continue;
      }
      if (targets.some((t) => t.name === name)) {
        r.reporter.warn('route/duplicate-fallback', ref.origin, `"${name}" is already in the fallbacks of "${from}"`, 'remove the repeated entry');
        continue;
      }
      targets.push({ name, origin: ref.origin });
    }
  }
  if (targets.length) r.fallbacks.push({ from, targets, origin });
}

/** Each active group's fallbacks: its exact match's `fallback:`, then its chain (minus provider deployments). */
export function resolveGroupFallbacks(r: Resolution, consumed: ReadonlySet<NameRef>): void {
  const { model } = r;
  for (const g of model.groups.values()) {
    if (!r.active.has(g.name)) continue;
    const chain = model.fallbacks.get(g.name);
    const refs = (chain?.targets ?? []).filter((ref) => !consumed.has(ref));
    if (g.fallback && !consumed.has(g.fallback)) refs.unshift(g.fallback);
    pushFallbacks(r, g.name, refs, chain?.origin ?? g.origin, 'fallbacks');
  }
}

/** The `default` chain: for every group without a chain of its own (LiteLLM default_fallbacks). */
export function resolveDefaultFallbacks(r: Resolution): string[] {
  const defaultFallbacks: string[] = [];
  for (const ref of r.model.defaultFallbacks?.targets ?? []) {
    for (const name of resolveTarget(r, ref, 'default fallback chain')) {
      if (defaultFallbacks.includes(name)) r.reporter.warn('route/duplicate-fallback', ref.origin, `"${name}" is already in the default fallback chain`);
      else defaultFallbacks.push(name);
    }
  }
  return defaultFallbacks;
}

/** What an entry of a capability stands for; a provider there means its group for this capability. */
function targetInCapability(r: Resolution, c: Capability, ref: NameRef): string[] {
  const { model } = r;
  const p = model.providers.get(ref.name);
  if (p?.active && !model.groups.has(ref.name) && !model.capabilities.has(ref.name)) return capabilityProviderTargets(c, p, ref, r.groups, r.reporter);
  return resolveTarget(r, ref, `capability "${c.name}"`, 'warning');
}

/**
 * Capabilities: an alias of their first available model, the others (after the capability's own chain) as
 * its fallbacks. A name that exists nowhere ("deepseek-coder-v2  # if pulled") is left out with a warning;
 * a capability named like a group, or resolving to nothing, is left out (rules-routing.ts reports it).
 */
export function resolveCapabilities(r: Resolution): Array<[string, string]> {
  const { model } = r;
  const groupAliases: Array<[string, string]> = [];
  for (const c of model.capabilities.values()) {
    if (model.groups.has(c.name)) continue;
    const targets: NameRef[] = [];
    for (const ref of c.targets) {
      for (const name of targetInCapability(r, c, ref)) {
        if (!targets.some((t) => t.name === name)) targets.push({ name, origin: ref.origin });
      }
    }
    const [first, ...others] = targets;
    if (!first) continue;
    groupAliases.push([c.name, first.name]);
    const chain = model.fallbacks.get(c.name);
    const explicit = (chain?.targets ?? []).flatMap((ref) => targetInCapability(r, c, ref).map((name) => ({ name, origin: ref.origin })));
    const rest = [...explicit, ...others];
    if (rest.length) pushFallbacks(r, c.name, rest, chain?.origin ?? c.origin, `capability "${c.name}"`);
  }
  return groupAliases;
}
