// Step 4a: names -> entities. Resolves every reference (providers, models, fallback targets,
// capabilities, patterns) into the routing the compiler emits, and reports each reference that does not
// hold. What cannot take effect is dropped from the routing and said so.
import type { RoutingStrategy, Tier } from '../shared/compiled-config.js';
import { didYouMean } from '../shared/suggest.js';
import { Reporter } from './context.js';
import { capabilityProviderTargets } from './capability-targets.js';
import type { Capability, DeploymentRef, Group, Model, NameRef, Origin, Provider, ProviderModel } from './model.js';

export interface ResolvedDeployment {
  /** Unique across the config (LiteLLM model_info.id). */
  id: string;
  group: string;
  provider: Provider;
  /** The provider's model name; `{model}` for pattern routes. */
  model: string;
  providerModel?: ProviderModel;
  tier: Tier;
  weight?: number;
  order?: number;
  rpm?: number;
  tpm?: number;
  timeout?: number;
  origin: Origin;
}

export interface ResolvedGroup {
  name: string;
  description?: string;
  strategy?: RoutingStrategy;
  deployments: ResolvedDeployment[];
  origin: Origin;
}

export interface ResolvedPattern {
  pattern: string;
  description?: string;
  deployments: ResolvedDeployment[];
}

export interface Routing {
  groups: ResolvedGroup[];
  /** Group (or capability) -> fallback groups, in order, with where each entry was written. */
  fallbacks: Array<{ from: string; targets: NameRef[]; origin: Origin }>;
  defaultFallbacks: string[];
  /** Capability -> the group it aliases (LiteLLM model_group_alias). */
  groupAliases: Array<[string, string]>;
  patterns: ResolvedPattern[];
}

export function resolve(model: Model, reporter: Reporter): Routing {
  const { providers } = model;
  const groupNames = [...model.groups.keys()];
  const providerNames = [...providers.keys()];

  /** The provider a deployment names, or undefined (reported) when unknown or inactive. */
  const useProvider = (name: string, origin: Origin, strictUnknown = true): Provider | undefined => {
    const p = providers.get(name);
    if (!p && model.services.has(name)) {
      reporter.warn('ref/not-llm-provider', origin, `"${name}" is a ${model.services.get(name)}, not a model server: this route is left out`, 'route to a model provider');
      return undefined;
    }
    if (!p) {
      if (strictUnknown) {
        const guess = didYouMean(name, providerNames);
        reporter.error('ref/unknown-provider', origin, `unknown provider "${name}"`, guess ? `did you mean "${guess}"?` : `known providers: ${providerNames.join(', ')}`);
      }
      return undefined;
    }
    if (!p.active) {
      reporter.warn(
        'ref/inactive-provider',
        origin,
        `provider "${name}" is ${p.status}: routes to it are left out`,
        `set providers.${name}.status to active to serve them`,
      );
      return undefined;
    }
    return p;
  };

  // 1. Groups and their deployments.
  const resolvedGroups: ResolvedGroup[] = [];
  const active = new Map<string, ResolvedGroup>();
  const inactiveGroups = new Set<string>();
  const seenIds = new Map<string, Origin>();
  const providerFallbackPending: Array<{ group: Group; ref: NameRef }> = [];

  for (const g of model.groups.values()) {
    const deployments: ResolvedDeployment[] = [];
    for (const d of g.deployments) {
      const rd = resolveDeployment(g, d);
      if (rd) deployments.push(rd);
    }
    // A provider named as a fallback (exact_matches.fallback, a step of the group's fallback chain) means
    // that provider's deployment of the same model, tried after the group's own: never its other groups.
    for (const ref of providerFallbackRefs(g)) {
      providerFallbackPending.push({ group: g, ref });
      const extra = providerFallbackDeployment(g, ref, deployments[0], deployments.length);
      if (extra) deployments.push(extra);
    }
    checkWeights(g, deployments);
    if (deployments.length === 0) {
      inactiveGroups.add(g.name);
      const severity = g.kind === 'alias' ? 'error' : 'warning';
      reporter.report(
        severity,
        'route/no-active-deployment',
        g.origin,
        `"${g.name}" has no active deployment: ${g.kind === 'alias' ? 'clients asking for it would always fail' : 'it is left out of the output'}`,
        'point it at an active provider, or set the provider active',
      );
      continue;
    }
    const rg: ResolvedGroup = { name: g.name, description: g.description, strategy: g.strategy, deployments, origin: g.origin };
    resolvedGroups.push(rg);
    active.set(g.name, rg);
  }

  function resolveDeployment(g: Group, d: DeploymentRef): ResolvedDeployment | undefined {
    const p = useProvider(d.provider, d.origin);
    if (!p) return undefined;
    const modelName = d.model ?? g.name;
    const pm = p.models.find((m) => m.name === modelName);
    if (p.declaresModels && !pm) {
      const guess = didYouMean(modelName, p.models.map((m) => m.name));
      reporter.warn(
        'ref/undeclared-model',
        d.origin,
        `provider "${p.key}" does not declare the model "${modelName}"`,
        guess ? `did you mean "${guess}"?` : `add it to providers.${p.key}.models, or route to one of: ${p.models.map((m) => m.name).join(', ')}`,
      );
    }
    const id = `${g.name}@${p.key}/${modelName}`;
    const prior = seenIds.get(id);
    if (prior) {
      reporter.error('route/duplicate-deployment', d.origin, `the deployment "${id}" is listed twice`, 'remove one: a duplicate doubles its share of traffic silently');
      return undefined;
    }
    seenIds.set(id, d.origin);
    return {
      id,
      group: g.name,
      provider: p,
      model: modelName,
      providerModel: pm,
      tier: d.tier ?? p.tier,
      weight: d.weight ?? p.weight,
      order: d.order,
      rpm: d.rpm ?? p.rpm,
      tpm: d.tpm ?? p.tpm,
      timeout: d.timeout ?? p.timeout,
      origin: d.origin,
    };
  }

  function providerFallbackRefs(g: Group): NameRef[] {
    const refs = [...(g.fallback ? [g.fallback] : []), ...(model.fallbacks.get(g.name)?.targets ?? [])];
    return refs.filter((ref) => !model.groups.has(ref.name) && !model.capabilities.has(ref.name) && providers.has(ref.name));
  }

  /** A fallback `<provider>` of a group: the same model on that provider, tried after what is already there. */
  function providerFallbackDeployment(g: Group, ref: NameRef, primary: ResolvedDeployment | undefined, after: number): ResolvedDeployment | undefined {
    if (!primary) return undefined;
    const p = useProvider(ref.name, ref.origin);
    if (!p) return undefined;
    if (p.key === primary.provider.key) {
      reporter.error('route/self-fallback', ref.origin, `"${g.name}" falls back to its own provider "${p.key}"`, 'name another provider or model group');
      return undefined;
    }
    if (p.declaresModels && !p.models.some((m) => m.name === primary.model)) {
      reporter.warn(
        'route/fallback-provider-lacks-model',
        ref.origin,
        `fallback provider "${p.key}" does not declare "${primary.model}": this fallback has no effect`,
        `name a model group instead (one of ${p.key}'s: ${p.models.map((m) => m.name).join(', ')})`,
      );
      return undefined;
    }
    const d: DeploymentRef = { provider: p.key, model: primary.model, order: (primary.order ?? 1) + after, origin: ref.origin };
    return resolveDeployment(g, d);
  }

  function checkWeights(g: Group, deployments: ResolvedDeployment[]): void {
    const weights = deployments.map((d) => d.weight);
    for (const d of deployments) {
      if (d.weight !== undefined && !(d.weight > 0)) {
        reporter.error('lb/bad-weight', d.origin, `weight ${d.weight} of "${d.id}" must be greater than 0`, 'remove the member instead of giving it no weight');
      }
    }
    // Weights split traffic among deployments the strategy chooses between: those of one tier.
    for (const tier of new Set(deployments.map((d) => d.tier))) {
      const same = deployments.filter((d) => d.tier === tier);
      const given = same.filter((d) => d.weight !== undefined).length;
      if (given > 0 && given < same.length) {
        reporter.warn(
          'lb/partial-weights',
          g.origin,
          `only ${given} of the ${same.length} ${tier} deployments of "${g.name}" have a weight; the others count as weight 1`,
          'give every deployment of the tier a weight so the split is the one you mean',
        );
      }
    }
    const given = weights.filter((w) => w !== undefined).length;
    const sum = weights.reduce<number>((a, w) => a + (w ?? 0), 0);
    if (given === deployments.length && given > 1 && sum > 0 && Math.abs(sum - 1) > 1e-6 && Math.abs(sum - 100) > 1e-6) {
      reporter.info('lb/weights-sum', g.origin, `the weights of "${g.name}" sum to ${sum}; they are used as relative shares`);
    }
  }

  // 2. Fallback targets: model groups, or a provider (standing for the groups it serves).
  // The groups it is first in; when it is first in none, every group it has a deployment in.
  const groupsServedBy = (providerKey: string) => {
    const first = resolvedGroups.filter((g) => g.deployments[0]?.provider.key === providerKey);
    const any = first.length ? first : resolvedGroups.filter((g) => g.deployments.some((d) => d.provider.key === providerKey));
    return any.map((g) => g.name);
  };
  // A capability stands for the model group it aliases: its first preferred model that is active.
  const capabilityTarget = (name: string): string | undefined => {
    const c = model.capabilities.get(name);
    for (const t of c?.targets ?? []) {
      if (active.has(t.name)) return t.name;
      const p = providers.get(t.name);
      // Reported where the capability itself is resolved, not again for each reference to it.
      const served = c && p?.active ? capabilityProviderTargets(c, p, t, resolvedGroups, new Reporter([])) : [];
      if (served.length) return served[0];
    }
    return undefined;
  };

  const resolveTarget = (ref: NameRef, context: string, unknownSeverity: 'error' | 'warning' = 'error'): string[] => {
    if (active.has(ref.name)) return [ref.name];
    if (inactiveGroups.has(ref.name)) {
      reporter.warn('ref/inactive-target', ref.origin, `"${ref.name}" has no active deployment: this ${context} entry is left out`);
      return [];
    }
    if (model.capabilities.has(ref.name) && !model.groups.has(ref.name)) {
      const target = capabilityTarget(ref.name);
      if (!target) {
        reporter.warn('ref/inactive-target', ref.origin, `capability "${ref.name}" resolves to no active model group: this ${context} entry is left out`);
        return [];
      }
      reporter.info('ref/capability-as-model', ref.origin, `"${ref.name}" is a capability: it stands for "${target}", its first available model`, `name "${target}" to make the order explicit`);
      return [target];
    }
    const p = providers.get(ref.name);
    if (p) {
      if (!p.active) {
        reporter.warn('ref/inactive-provider', ref.origin, `provider "${ref.name}" is ${p.status}: this ${context} entry is left out`);
        return [];
      }
      const served = groupsServedBy(p.key);
      if (served.length === 0) {
        reporter.warn('ref/provider-without-models', ref.origin, `provider "${ref.name}" serves no model group: this ${context} entry has no effect`, 'name a model group');
        return [];
      }
      reporter.info('ref/provider-as-model', ref.origin, `"${ref.name}" is a provider: it stands for the model groups it serves (${served.join(', ')})`, 'name model groups to make the order explicit');
      return served;
    }
    if (model.services.has(ref.name)) {
      reporter.warn('ref/not-llm-provider', ref.origin, `"${ref.name}" is a ${model.services.get(ref.name)}, not a model server: this ${context} entry is left out`);
      return [];
    }
    const guess = didYouMean(ref.name, [...groupNames, ...providerNames, ...model.capabilities.keys()]);
    reporter.report(
      unknownSeverity,
      'ref/unknown-model',
      ref.origin,
      `unknown model "${ref.name}" in ${context}: it is neither a model group, a capability nor a provider${unknownSeverity === 'warning' ? ' (left out)' : ''}`,
      guess ? `did you mean "${guess}"?` : 'add it to exact_matches or aliases, or remove this entry',
    );
    return [];
  };

  const fallbacks: Routing['fallbacks'] = [];
  const pushFallbacks = (from: string, refs: NameRef[], origin: Origin, context: string) => {
    const targets: NameRef[] = [];
    for (const ref of refs) {
      for (const name of resolveTarget(ref, context)) {
        if (name === from) {
          reporter.error('route/self-fallback', ref.origin, `"${from}" falls back to itself`, 'remove this entry');
          continue;
        }
        if (targets.some((t) => t.name === name)) {
          reporter.warn('route/duplicate-fallback', ref.origin, `"${name}" is already in the fallbacks of "${from}"`, 'remove the repeated entry');
          continue;
        }
        targets.push({ name, origin: ref.origin });
      }
    }
    if (targets.length) fallbacks.push({ from, targets, origin });
  };

  const consumed = new Set(providerFallbackPending.map((p) => p.ref));
  for (const g of model.groups.values()) {
    if (!active.has(g.name)) continue;
    const refs = (model.fallbacks.get(g.name)?.targets ?? []).filter((ref) => !consumed.has(ref));
    if (g.fallback && !consumed.has(g.fallback)) refs.unshift(g.fallback);
    pushFallbacks(g.name, refs, model.fallbacks.get(g.name)?.origin ?? g.origin, 'fallbacks');
  }
  for (const [from, chain] of model.fallbacks) {
    if (model.groups.has(from) || model.capabilities.has(from)) continue;
    // Harmless (nothing asks for that name), but it does nothing: a warning, with the likely fix.
    const guess = didYouMean(from, groupNames);
    reporter.warn(
      'ref/unknown-chain',
      chain.origin,
      `fallback chain for "${from}", which is no model group, alias or capability: it has no effect`,
      guess ? `did you mean "${guess}"?` : 'name an exact match, alias or capability, or remove the chain',
    );
  }

  const defaultFallbacks: string[] = [];
  for (const ref of model.defaultFallbacks?.targets ?? []) {
    for (const name of resolveTarget(ref, 'default fallback chain')) {
      if (defaultFallbacks.includes(name)) reporter.warn('route/duplicate-fallback', ref.origin, `"${name}" is already in the default fallback chain`);
      else defaultFallbacks.push(name);
    }
  }

  // 3. Capabilities: an alias of their first available model, the others as its fallbacks. A name in a
  // capability that exists nowhere ("deepseek-coder-v2  # if pulled") is left out with a warning.
  function targetInCapability(c: Capability, ref: NameRef): string[] {
    const p = providers.get(ref.name);
    if (p?.active && !model.groups.has(ref.name) && !model.capabilities.has(ref.name)) return capabilityProviderTargets(c, p, ref, resolvedGroups, reporter);
    return resolveTarget(ref, `capability "${c.name}"`, 'warning');
  }

  const groupAliases: Array<[string, string]> = [];
  for (const c of model.capabilities.values()) {
    if (model.groups.has(c.name)) {
      reporter.error('route/duplicate-name', c.origin, `the capability "${c.name}" has the same name as a model group`, 'rename the capability');
      continue;
    }
    const targets: NameRef[] = [];
    for (const ref of c.targets) {
      for (const name of targetInCapability(c, ref)) {
        if (!targets.some((t) => t.name === name)) targets.push({ name, origin: ref.origin });
      }
    }
    if (targets.length === 0) {
      reporter.warn('route/empty-capability', c.origin, `capability "${c.name}" resolves to no available model: it has no effect`, 'list preferred_models that are served');
      continue;
    }
    groupAliases.push([c.name, targets[0].name]);
    const explicit = (model.fallbacks.get(c.name)?.targets ?? []).flatMap((ref) => targetInCapability(c, ref).map((name) => ({ name, origin: ref.origin })));
    const rest = [...explicit, ...targets.slice(1)];
    if (rest.length) pushFallbacks(c.name, rest, model.fallbacks.get(c.name)?.origin ?? c.origin, `capability "${c.name}"`);
  }

  // 4. Patterns: requests for unlisted model names that match go to the pattern's providers, as named.
  const patterns: ResolvedPattern[] = [];
  for (const pr of model.patterns) {
    try {
      new RegExp(pr.pattern);
    } catch (err) {
      reporter.error('route/bad-pattern', pr.origin, `the pattern ${JSON.stringify(pr.pattern)} does not compile: ${(err as Error).message}`, 'use JavaScript regular expression syntax (no (?P<name>...) groups)');
      continue;
    }
    const deployments: ResolvedDeployment[] = [];
    pr.providers.forEach((ref, i) => {
      const p = useProvider(ref.name, ref.origin);
      if (!p) return;
      deployments.push({
        id: `pattern:${pr.pattern}@${p.key}`,
        group: pr.pattern,
        provider: p,
        model: '{model}',
        tier: p.tier,
        order: i + 1,
        rpm: p.rpm,
        tpm: p.tpm,
        timeout: p.timeout,
        weight: p.weight,
        origin: ref.origin,
      });
    });
    if (deployments.length === 0) {
      reporter.warn('route/no-active-deployment', pr.origin, `the pattern ${JSON.stringify(pr.pattern)} has no active provider: it is left out`);
      continue;
    }
    patterns.push({ pattern: pr.pattern, description: pr.description, deployments });
  }

  return { groups: resolvedGroups, fallbacks, defaultFallbacks, groupAliases, patterns };
}
