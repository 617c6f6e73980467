// Resolving model groups and patterns: each deployment's provider and model, the deployment a provider
// named as a group's fallback stands for, and the pattern routes. Owns the Resolution (the state that
// resolve-targets.ts reads) and the reports of what resolving a deployment leaves out.
import { didYouMean } from '../shared/suggest.js';
import type { Reporter } from './context.js';
import type { DeploymentRef, Group, Model, NameRef, Origin, Provider } from './model.js';
import type { ResolvedDeployment, ResolvedGroup, ResolvedPattern, Routing } from './resolve.js';

/** What resolve() has built so far. */
export interface Resolution {
  model: Model;
  reporter: Reporter;
  groupNames: string[];
  providerNames: string[];
  groups: ResolvedGroup[];
  /** Groups with at least one active deployment, by name. */
  active: Map<string, ResolvedGroup>;
  /** Groups left out: none of their deployments is active. */
  inactive: Set<string>;
  seenIds: Map<string, Origin>;
  fallbacks: Routing['fallbacks'];
}

export function newResolution(model: Model, reporter: Reporter): Resolution {
  return {
    model,
    reporter,
    groupNames: [...model.groups.keys()],
    providerNames: [...model.providers.keys()],
    groups: [],
    active: new Map(),
    inactive: new Set(),
    seenIds: new Map(),
    fallbacks: [],
  };
}

/**
 * Every group with the deployments that hold; groups with none are left out (rule groups-without-deployment
 * says so). Returns the fallback references consumed as provider deployments (not fallbacks any more).
 */
export function resolveGroups(r: Resolution): Set<NameRef> {
  const consumed = new Set<NameRef>();
  for (const g of r.model.groups.values()) {
    const deployments: ResolvedDeployment[] = [];
    for (const d of g.deployments) {
      const rd = resolveDeployment(r, g, d);
      if (rd) deployments.push(rd);
    }
    // A provider named as a fallback (exact_matches.fallback, a step of the group's fallback chain) means
    // that provider's deployment of the same model, tried after the group's own: never its other groups.
    for (const ref of providerFallbackRefs(r.model, g)) {
      consumed.add(ref);
      const extra = providerFallbackDeployment(r, g, ref, deployments[0], deployments.length);
      if (extra) deployments.push(extra);
    }
    if (deployments.length === 0) {
      r.inactive.add(g.name);
      continue;
    }
    const rg: ResolvedGroup = { name: g.name, description: g.description, strategy: g.strategy, deployments, origin: g.origin };
    r.groups.push(rg);
    r.active.set(g.name, rg);
  }
  return consumed;
}

/** The provider a deployment names, or undefined (reported) when unknown, inactive or not a model server. */
export function useProvider(r: Resolution, name: string, origin: Origin): Provider | undefined {
  const { model, reporter } = r;
  const p = model.providers.get(name);
  const service = model.services.get(name);
  if (!p && service !== undefined) {
    reporter.warn('ref/not-llm-provider', origin, `"${name}" is a ${service}, not a model server: this route is left out`, 'route to a model provider');
    return undefined;
  }
  if (!p) {
    const guess = didYouMean(name, r.providerNames);
    reporter.error('ref/unknown-provider', origin, `unknown provider "${name}"`, guess ? `did you mean "${guess}"?` : `known providers: ${r.providerNames.join(', ')}`);
    return undefined;
  }
  if (!p.active) {
    reporter.warn('ref/inactive-provider', origin, `provider "${name}" is ${p.status}: routes to it are left out`, `set providers.${name}.status to active to serve them`);
    return undefined;
  }
  return p;
}

function resolveDeployment(r: Resolution, g: Group, d: DeploymentRef): ResolvedDeployment | undefined {
  const p = useProvider(r, d.provider, d.origin);
  if (!p) return undefined;
  const modelName = d.model ?? g.name;
  const pm = p.models.find((m) => m.name === modelName);
  if (p.declaresModels && !pm) {
    const guess = didYouMean(
      modelName,
      p.models.map((m) => m.name),
    );
    r.reporter.warn(
      'ref/undeclared-model',
      d.origin,
      `provider "${p.key}" does not declare the model "${modelName}"`,
      guess ? `did you mean "${guess}"?` : `add it to providers.${p.key}.models, or route to one of: ${p.models.map((m) => m.name).join(', ')}`,
    );
  }
  const id = `${g.name}@${p.key}/${modelName}`;
  if (r.seenIds.has(id)) {
    r.reporter.error('route/duplicate-deployment', d.origin, `the deployment "${id}" is listed twice`, 'remove one: a duplicate doubles its share of traffic silently');
    return undefined;
  }
  r.seenIds.set(id, d.origin);
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

/** The group's fallback references that name a provider (not a group or capability of that name). */
function providerFallbackRefs(model: Model, g: Group): NameRef[] {
  const refs = [...(g.fallback ? [g.fallback] : []), ...(model.fallbacks.get(g.name)?.targets ?? [])];
  return refs.filter((ref) => !model.groups.has(ref.name) && !model.capabilities.has(ref.name) && model.providers.has(ref.name));
}

/** A fallback `<provider>` of a group: the same model on that provider, tried after what is already there. */
function providerFallbackDeployment(r: Resolution, g: Group, ref: NameRef, primary: ResolvedDeployment | undefined, after: number): ResolvedDeployment | undefined {
  if (!primary) return undefined;
  const p = useProvider(r, ref.name, ref.origin);
  if (!p) return undefined;
  if (p.key === primary.provider.key) {
    r.reporter.error('route/self-fallback', ref.origin, `"${g.name}" falls back to its own provider "${p.key}"`, 'name another provider or model group');
    return undefined;
  }
  if (p.declaresModels && !p.models.some((m) => m.name === primary.model)) {
    r.reporter.warn(
      'route/fallback-provider-lacks-model',
      ref.origin,
      `fallback provider "${p.key}" does not declare "${primary.model}": this fallback has no effect`,
      `name a model group instead (one of ${p.key}'s: ${p.models.map((m) => m.name).join(', ')})`,
    );
    return undefined;
  }
  const d: DeploymentRef = { provider: p.key, model: primary.model, order: (primary.order ?? 1) + after, origin: ref.origin };
  return resolveDeployment(r, g, d);
}

/** Why a pattern is no JavaScript regular expression, or undefined when it is one. */
export function patternError(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Pattern routes with their active providers, in the order written (rules report the ones left out). */
export function resolvePatterns(r: Resolution): ResolvedPattern[] {
  const patterns: ResolvedPattern[] = [];
  for (const pr of r.model.patterns) {
    if (patternError(pr.pattern) !== undefined) continue;
    const deployments: ResolvedDeployment[] = [];
    pr.providers.forEach((ref, i) => {
      const p = useProvider(r, ref.name, ref.origin);
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
    if (deployments.length > 0) patterns.push({ pattern: pr.pattern, description: pr.description, deployments });
  }
  return patterns;
}
