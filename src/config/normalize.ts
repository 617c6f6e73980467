// Step 3, the routing map: model-mappings.yaml -> one normalized Model (groups, fallbacks, capabilities,
// patterns, policies, router and server settings), with the providers normalize-providers.ts made. Legacy
// forms (dict fallback steps, load_balancing.redundant_models in normalize-balancing.ts) are accepted here
// and nowhere else. Fields that cannot take effect are reported here, where their position is known.
import { DEFAULT_POLICIES, type Tier } from '../shared/compiled-config.js';
import { originsUnder, type At, type Reporter } from './context.js';
import type { Capability, Group, Model, NameRef, Origin, PatternRoute, Provider, RouterConfig } from './model.js';
import { normalizeLoadBalancing } from './normalize-balancing.js';
import type { RawChainStep, RawMappingsFile } from './raw.js';
import { normalizeStrategy } from './strategy.js';
import { joinPointer } from '../shared/json-pointer.js';

export const ROUTER_DEFAULTS = { routing_strategy: 'simple-shuffle', num_retries: 2, allowed_fails: 3, cooldown_time: 30 } as const;

const PRIORITY_ORDER = { primary: 1, secondary: 2, tertiary: 3 } as const;

/** What the sections of the map add to as they are read. */
interface Sections {
  raw: RawMappingsFile;
  at: At;
  reporter: Reporter;
  groups: Map<string, Group>;
  fallbacks: Model['fallbacks'];
}

export function normalizeMappings(raw: RawMappingsFile, file: string, providers: Map<string, Provider>, reporter: Reporter): Model {
  const at = originsUnder(file);
  const s: Sections = { raw, at, reporter, groups: new Map(), fallbacks: new Map() };
  // RainyModel aliases first: they are the client-facing names.
  normalizeAliases(s);
  normalizeExactMatches(s);
  normalizeLoadBalancing(raw, at, s.groups, reporter, providers);
  const defaultFallbacks = normalizeFallbackChains(s);
  const capabilities = normalizeCapabilities(s);
  const patterns = normalizePatterns(raw, at);
  reportLegacySections(s);
  addUnroutedModels(s.groups, providers);
  const policies: Record<string, readonly Tier[]> = { ...DEFAULT_POLICIES };
  for (const [name, tiers] of Object.entries(raw.policies ?? {})) policies[name] = tiers;
  const defaultPolicy: NameRef = { name: raw.default_policy ?? 'auto', origin: at(raw.default_policy ? 'default_policy' : '') };
  return {
    providers,
    services: new Map(),
    groups: s.groups,
    fallbacks: s.fallbacks,
    defaultFallbacks,
    capabilities,
    patterns,
    policies,
    defaultPolicy,
    router: normalizeRouter(raw, at, reporter),
    server: normalizeServer(raw, at),
    cache: raw.cache,
    fleet: raw.fleet,
  };
}

/** Adds a group, or reports a public name defined twice (the first definition wins). */
function addGroup(s: Sections, g: Group): void {
  const existing = s.groups.get(g.name);
  if (existing) {
    s.reporter.error(
      'route/duplicate-name',
      g.origin,
      `the public name "${g.name}" is defined twice (also as ${describeKind(existing.kind)})`,
      'rename one of them: clients could not tell them apart',
    );
    return;
  }
  s.groups.set(g.name, g);
}

function describeKind(kind: Group['kind']): string {
  return { alias: 'an alias', exact: 'an exact match', balanced: 'a load-balanced group', model: 'a provider model' }[kind];
}

function normalizeAliases(s: Sections): void {
  const { at } = s;
  for (const [name, a] of Object.entries(s.raw.aliases ?? {})) {
    const g: Group = {
      name,
      kind: 'alias',
      description: a.description,
      deployments: a.deployments.map((d, i) => ({
        provider: d.provider,
        model: d.model,
        weight: d.weight,
        tier: d.tier,
        rpm: d.rpm,
        tpm: d.tpm,
        timeout: d.timeout,
        origin: at('aliases', name, 'deployments', i),
      })),
      origin: at('aliases', name),
    };
    if (a.routing_strategy) g.strategy = normalizeStrategy(a.routing_strategy, at('aliases', name, 'routing_strategy'), s.reporter, 'routing_strategy');
    addGroup(s, g);
    if (a.fallbacks?.length) {
      s.fallbacks.set(name, { targets: a.fallbacks.map((t, i) => ({ name: t, origin: at('aliases', name, 'fallbacks', i) })), origin: at('aliases', name, 'fallbacks') });
    }
  }
}

function normalizeExactMatches(s: Sections): void {
  const { at } = s;
  for (const [name, m] of Object.entries(s.raw.exact_matches ?? {})) {
    addGroup(s, {
      name,
      kind: 'exact',
      description: m.description,
      deployments: [
        {
          provider: m.provider,
          model: m.backend_model ?? name,
          weight: m.weight,
          tier: m.tier,
          order: m.priority ? PRIORITY_ORDER[m.priority] : undefined,
          origin: at('exact_matches', name, 'provider'),
        },
      ],
      fallback: m.fallback ? { name: m.fallback, origin: at('exact_matches', name, 'fallback') } : undefined,
      origin: at('exact_matches', name),
    });
  }
}

/** Chains add to the groups' fallbacks; the chain named `default` is returned (LiteLLM default_fallbacks). */
function normalizeFallbackChains(s: Sections): Model['defaultFallbacks'] {
  const { at, reporter } = s;
  for (const [name, c] of Object.entries(s.raw.fallback_chains ?? {})) {
    const targets: NameRef[] = [];
    (c.chain ?? []).forEach((step, i) => {
      const ref = chainStep(step, at('fallback_chains', name, 'chain', i), reporter);
      if (ref) targets.push(ref);
    });
    for (const field of ['retry_attempts', 'retry_delay_ms'] as const) {
      if (c[field] === undefined) continue;
      reporter.warn('effect/none', at('fallback_chains', name, field), `fallback_chains.${name}.${field} has no effect: retries are router-wide`, 'set router.num_retries / router.retry_after instead');
    }
    // `default` applies to every group without a chain of its own.
    if (name === 'default') continue;
    s.fallbacks.set(name, { targets: [...(s.fallbacks.get(name)?.targets ?? []), ...targets], origin: at('fallback_chains', name) });
  }
  const defaultChain = s.raw.fallback_chains?.default;
  if (!defaultChain) return undefined;
  const targets = (defaultChain.chain ?? []).flatMap((step, i) => {
    const ref = chainStep(step, at('fallback_chains', 'default', 'chain', i), undefined);
    return ref ? [ref] : [];
  });
  return { targets, origin: at('fallback_chains', 'default') };
}

/** A fallback-chain step: a name, or the legacy map `{primary: x, condition: ...}`. */
function chainStep(step: RawChainStep, origin: Origin, reporter: Reporter | undefined): NameRef | undefined {
  if (typeof step === 'string') return { name: step, origin };
  const name = step.preferred_model ?? step.model ?? step.primary ?? step.secondary ?? step.tertiary ?? step.quaternary ?? step.provider;
  if (step.condition !== undefined && step.condition !== 'always') {
    reporter?.warn(
      'effect/none',
      { file: origin.file, pointer: joinPointer(origin.pointer, 'condition') },
      `the condition "${step.condition}" has no effect: fallback steps are tried in order whenever the previous one fails`,
      'remove the condition, or express the intent with separate aliases',
    );
  }
  if (!name) {
    reporter?.error('route/empty-fallback-step', origin, 'this fallback step names no model or provider', 'write the step as a model group name');
    return undefined;
  }
  return { name, origin };
}

const CAPABILITY_NO_EFFECT = ['routing_strategy', 'min_model_size', 'min_context', 'complexity_thresholds', 'context_thresholds'] as const;

function normalizeCapabilities(s: Sections): Map<string, Capability> {
  const { at, reporter } = s;
  const capabilities = new Map<string, Capability>();
  for (const [name, c] of Object.entries(s.raw.capabilities ?? {})) {
    const targets: NameRef[] = [];
    (c.preferred_models ?? []).forEach((m, i) => targets.push({ name: m, origin: at('capabilities', name, 'preferred_models', i) }));
    if (c.provider) targets.push({ name: c.provider, origin: at('capabilities', name, 'provider') });
    (c.providers ?? []).forEach((p, i) => targets.push({ name: p, origin: at('capabilities', name, 'providers', i) }));
    if (c.fallback) targets.push({ name: c.fallback, origin: at('capabilities', name, 'fallback') });
    for (const field of CAPABILITY_NO_EFFECT) {
      if (c[field] === undefined) continue;
      reporter.warn(
        'effect/none',
        at('capabilities', name, field),
        `capabilities.${name}.${field} has no effect: a capability is an alias of its first available model, with the others as its fallbacks`,
        field === 'routing_strategy' ? 'set a strategy on a model group (load_balancing.<group>.strategy) instead' : 'order preferred_models to express the preference',
      );
    }
    capabilities.set(name, { name, description: c.description, targets, origin: at('capabilities', name) });
  }
  return capabilities;
}

function normalizePatterns(raw: RawMappingsFile, at: At): PatternRoute[] {
  return (raw.patterns ?? []).map((p, i) => {
    const route: PatternRoute = {
      pattern: p.pattern,
      description: p.description,
      providers: [{ name: p.provider, origin: at('patterns', i, 'provider') }],
      origin: at('patterns', i, 'pattern'),
    };
    if (p.fallback) route.providers.push({ name: p.fallback, origin: at('patterns', i, 'fallback') });
    return route;
  });
}

function reportLegacySections(s: Sections): void {
  for (const section of ['routing_rules', 'special_cases'] as const) {
    if (s.raw[section] === undefined) continue;
    s.reporter.warn(
      'effect/unsupported-section',
      s.at(section),
      `the section "${section}" has no effect: its conditions are not something a LiteLLM-style router evaluates`,
      section === 'special_cases'
        ? 'error-based avoidance and rate-limit fallback are built in: tune router.allowed_fails, router.cooldown_time and router.num_retries'
        : 'express routing with aliases, exact_matches, patterns and fallback_chains; remove this section to silence this warning',
    );
  }
}

/** Providers' models that nothing routes to are still served, under their own names. */
function addUnroutedModels(groups: Map<string, Group>, providers: Map<string, Provider>): void {
  const routed = new Set<string>();
  for (const g of groups.values()) for (const d of g.deployments) routed.add(`${d.provider}\u0000${d.model ?? g.name}`);
  for (const p of providers.values()) {
    if (!p.active) continue;
    for (const m of p.models) {
      if (routed.has(`${p.key}\u0000${m.name}`)) continue;
      const existing = groups.get(m.name);
      if (existing) {
        // Another provider serves the same unrouted model: one group, both deployments (not a silent drop).
        if (existing.kind === 'model') existing.deployments.push({ provider: p.key, model: m.name, origin: m.origin });
        continue;
      }
      groups.set(m.name, { name: m.name, kind: 'model', deployments: [{ provider: p.key, model: m.name, origin: m.origin }], origin: m.origin });
    }
  }
}

function normalizeRouter(raw: RawMappingsFile, at: At, reporter: Reporter): RouterConfig {
  const r = raw.router ?? {};
  const strategy = r.routing_strategy ? normalizeStrategy(r.routing_strategy, at('router', 'routing_strategy'), reporter, 'router.routing_strategy') : undefined;
  return {
    ...r,
    routing_strategy: strategy ?? ROUTER_DEFAULTS.routing_strategy,
    num_retries: r.num_retries ?? ROUTER_DEFAULTS.num_retries,
    allowed_fails: r.allowed_fails ?? ROUTER_DEFAULTS.allowed_fails,
    cooldown_time: r.cooldown_time ?? ROUTER_DEFAULTS.cooldown_time,
  };
}

function normalizeServer(raw: RawMappingsFile, at: At): Model['server'] {
  const server = raw.server;
  return {
    masterKey: server?.master_key ? { name: server.master_key, origin: at('server', 'master_key') } : undefined,
    keys: (server?.keys ?? []).map((k, i) => ({ name: k, origin: at('server', 'keys', i) })),
    maxRequestSizeMb: server?.max_request_size_mb,
    corsOrigins: server?.cors_origins ?? [],
    rateLimit: server?.rate_limit,
  };
}
