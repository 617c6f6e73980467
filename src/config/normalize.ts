// Step 3: raw shapes -> one normalized model. Legacy forms (string models, dict fallback steps,
// load_balancing.redundant_models) are accepted here and nowhere else. Fields that cannot take effect
// are reported here, where their position is known: nothing is silently ignored.
import { ROUTING_STRATEGIES, type RoutingStrategy, type Tier } from '../shared/compiled-config.js';
import { wholeEnvReference } from '../shared/env.js';
import { didYouMean } from '../shared/suggest.js';
import type { Reporter } from './context.js';
import type {
  Capability,
  Group,
  Model,
  NameRef,
  Origin,
  PatternRoute,
  Provider,
  ProviderModel,
  ProviderType,
  RouterConfig,
} from './model.js';
import type { NonLlmType } from './model.js';
import type { RawChainStep, RawLbGroup, RawLoadBalancing, RawMappingsFile, RawProvider, RawProvidersFile } from './raw.js';
import { modelForPurpose } from './purpose.js';
import { joinPointer } from '../shared/yaml-source.js';

export const DEFAULT_POLICIES: Record<string, Tier[]> = {
  auto: ['free', 'internal', 'direct', 'premium'],
  free: ['free', 'internal', 'direct', 'premium'],
  uncensored: ['internal', 'free', 'direct', 'premium'],
  premium: ['direct', 'premium', 'free', 'internal'],
};

export const ROUTER_DEFAULTS = { routing_strategy: 'simple-shuffle', num_retries: 2, allowed_fails: 3, cooldown_time: 30 } as const;

/** The key a provider type reads when the registry names none (LiteLLM reads the same variables). */
export const DEFAULT_KEY_ENV: Partial<Record<ProviderType, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  gemini: 'GEMINI_API_KEY',
  deepseek: 'DEEPSEEK_API_KEY',
  xai: 'XAI_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  huggingface: 'HF_TOKEN',
};

const LOCAL_TYPES: ReadonlySet<ProviderType> = new Set(['ollama', 'llama_cpp', 'vllm', 'openai_compatible']);

/** Strategy names found in the wild -> the LiteLLM strategy that does the same. */
const STRATEGY_SYNONYMS: Record<string, RoutingStrategy> = {
  round_robin: 'simple-shuffle',
  weighted_round_robin: 'simple-shuffle',
  weighted: 'simple-shuffle',
  load_balance: 'simple-shuffle',
  shuffle: 'simple-shuffle',
  least_loaded: 'least-busy',
  least_busy: 'least-busy',
  fastest_response: 'latency-based-routing',
  latency_based: 'latency-based-routing',
  usage_based: 'usage-based-routing-v2',
  cost_based: 'cost-based-routing',
};

/** A placeholder some local servers want as a key; never a secret. */
const PLACEHOLDER_KEY = /^[a-z][a-z-]{0,15}$/;

function defaultTier(type: ProviderType, baseUrl: string | undefined): Tier {
  if (type === 'openrouter') return 'premium';
  if (type === 'huggingface') return 'free';
  if (!LOCAL_TYPES.has(type)) return 'direct';
  // A "local" server type hosted by someone else over https (Ollama Cloud, say) is a direct API.
  const url = baseUrl?.replace(/\$\{[^}]*:-([^}]*)\}/g, '$1') ?? '';
  return /^https:\/\//.test(url) && !/^https:\/\/(localhost|127\.|\[::1\])/.test(url) ? 'direct' : 'internal';
}

export function normalizeStrategy(
  value: string,
  origin: Origin,
  reporter: Reporter,
  what: string,
): RoutingStrategy | undefined {
  const known = ROUTING_STRATEGIES.find((s) => s === value);
  if (known) return known;
  const synonym = STRATEGY_SYNONYMS[value];
  if (synonym) return synonym;
  const guess = didYouMean(value, ROUTING_STRATEGIES);
  reporter.warn(
    'effect/unsupported-strategy',
    origin,
    `${what} "${value}" is not a routing strategy RainyModel or LiteLLM implements: it has no effect`,
    guess ? `did you mean "${guess}"?` : `use one of: ${ROUTING_STRATEGIES.join(', ')}`,
  );
  return undefined;
}

export function normalizeProviders(raw: RawProvidersFile, file: string, reporter: Reporter, services = new Map<string, string>()): Map<string, Provider> {
  const providers = new Map<string, Provider>();
  for (const [key, p] of Object.entries(raw.providers)) {
    const at = joinPointer('', 'providers', key);
    const type = p.type;
    if (isServiceType(type)) {
      services.set(key, type);
      reporter.info('provider/not-llm', { file, pointer: at }, `provider "${key}" is a ${type}, not a model server: it is left out of the compiled file`);
      continue;
    }
    providers.set(key, normalizeProvider(key, type, p, { file, pointer: at }, reporter));
  }
  return providers;
}

function isServiceType(type: RawProvider['type']): type is NonLlmType {
  return type === 'tool_server' || type === 'web_ui';
}

function normalizeProvider(key: string, type: ProviderType, p: RawProvider, origin: Origin, reporter: Reporter): Provider {
  const status = p.status ?? 'active';
  const ptr = (...seg: Array<string | number>) => ({ file: origin.file, pointer: joinPointer(origin.pointer, ...seg) });

  const credentials: string[] = [];
  const credentialOrigins = new Map<string, Origin>();
  const addCredential = (name: string, at: Origin) => {
    if (credentials.includes(name)) return;
    credentials.push(name);
    credentialOrigins.set(name, at);
  };
  (p.api_keys ?? []).forEach((name, i) => addCredential(name, ptr('api_keys', i)));
  if (p.api_key_env) addCredential(p.api_key_env, ptr('api_key_env'));
  if (p.env_var) addCredential(p.env_var, ptr('env_var'));
  let placeholderKey: string | undefined;
  let literalKey: Provider['literalKey'];
  if (p.api_key !== undefined) {
    const ref = wholeEnvReference(p.api_key);
    if (ref) addCredential(ref, ptr('api_key'));
    else if (PLACEHOLDER_KEY.test(p.api_key)) placeholderKey = p.api_key;
    else literalKey = { value: p.api_key, origin: ptr('api_key') };
  }
  const defaultKey = DEFAULT_KEY_ENV[type];
  if (credentials.length === 0 && !placeholderKey && !literalKey && defaultKey) addCredential(defaultKey, origin);

  const models: ProviderModel[] = [];
  (p.models ?? []).forEach((m, i) => {
    const mo = ptr('models', i);
    if (typeof m === 'string') {
      models.push({ name: m, origin: mo });
      return;
    }
    models.push({
      name: m.name,
      mode: m.mode,
      options: m.options,
      keepAlive: m.keep_alive,
      contextLength: m.context_length,
      supportsFunctionCalling: m.supports_function_calling ?? m.supports_tool_use,
      supportsVision: m.supports_vision,
      specialty: m.specialty,
      origin: mo,
    });
  });

  const limits = p.rate_limits;
  if (limits?.hourly !== undefined || limits?.daily !== undefined) {
    const field = limits.hourly !== undefined ? 'hourly' : 'daily';
    reporter.info(
      'effect/none',
      ptr('rate_limits', field),
      `rate_limits.${field} has no effect: RainyModel and LiteLLM enforce per-minute limits (rpm, tpm)`,
      'set rate_limits.rpm / rate_limits.tpm to have the router respect the limit',
    );
  }

  return {
    key,
    type,
    tier: p.tier ?? defaultTier(type, p.base_url),
    tierExplicit: p.tier !== undefined,
    status,
    active: status === 'active',
    baseUrl: p.base_url,
    credentials,
    credentialOrigins,
    placeholderKey,
    literalKey,
    rpm: limits?.rpm ?? limits?.requests_per_minute,
    tpm: limits?.tpm ?? limits?.tokens_per_minute,
    timeout: p.timeout,
    streamTimeout: p.stream_timeout,
    weight: p.weight,
    maxParallel: p.max_parallel_requests,
    description: p.description,
    models,
    declaresModels: models.length > 0,
    origin,
  };
}

const PRIORITY_ORDER = { primary: 1, secondary: 2, tertiary: 3 } as const;

export function normalizeMappings(
  raw: RawMappingsFile,
  file: string,
  providers: Map<string, Provider>,
  reporter: Reporter,
): Model {
  const at = (...seg: Array<string | number>): Origin => ({ file, pointer: joinPointer('', ...seg) });
  const groups = new Map<string, Group>();
  const fallbacks: Model['fallbacks'] = new Map();
  const capabilities = new Map<string, Capability>();
  const patterns: PatternRoute[] = [];

  const addGroup = (g: Group) => {
    const existing = groups.get(g.name);
    if (existing) {
      reporter.error(
        'route/duplicate-name',
        g.origin,
        `the public name "${g.name}" is defined twice (also as ${describeKind(existing.kind)})`,
        'rename one of them: clients could not tell them apart',
      );
      return;
    }
    groups.set(g.name, g);
  };

  // RainyModel aliases first: they are the client-facing names.
  for (const [name, a] of Object.entries(raw.aliases ?? {})) {
    const origin = at('aliases', name);
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
      origin,
    };
    if (a.routing_strategy) g.strategy = normalizeStrategy(a.routing_strategy, at('aliases', name, 'routing_strategy'), reporter, 'routing_strategy');
    addGroup(g);
    if (a.fallbacks?.length) {
      fallbacks.set(name, { targets: a.fallbacks.map((t, i) => ({ name: t, origin: at('aliases', name, 'fallbacks', i) })), origin: at('aliases', name, 'fallbacks') });
    }
  }

  for (const [name, m] of Object.entries(raw.exact_matches ?? {})) {
    const origin = at('exact_matches', name);
    addGroup({
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
      origin,
    });
  }

  normalizeLoadBalancing(raw, at, groups, reporter, providers);

  for (const [name, c] of Object.entries(raw.fallback_chains ?? {})) {
    const origin = at('fallback_chains', name);
    const targets: NameRef[] = [];
    (c.chain ?? []).forEach((step, i) => {
      const ref = chainStep(step, at('fallback_chains', name, 'chain', i), reporter);
      if (ref) targets.push(ref);
    });
    for (const field of ['retry_attempts', 'retry_delay_ms'] as const) {
      if (c[field] !== undefined) {
        reporter.warn(
          'effect/none',
          at('fallback_chains', name, field),
          `fallback_chains.${name}.${field} has no effect: retries are router-wide`,
          'set router.num_retries / router.retry_after instead',
        );
      }
    }
    // `default` applies to every group without a chain of its own (LiteLLM default_fallbacks).
    if (name === 'default') continue;
    fallbacks.set(name, { targets: [...(fallbacks.get(name)?.targets ?? []), ...targets], origin });
  }
  const defaultChain = raw.fallback_chains?.default;
  const defaultFallbacks = defaultChain
    ? {
        targets: (defaultChain.chain ?? []).flatMap((step, i) => {
          const ref = chainStep(step, at('fallback_chains', 'default', 'chain', i), undefined);
          return ref ? [ref] : [];
        }),
        origin: at('fallback_chains', 'default'),
      }
    : undefined;

  for (const [name, c] of Object.entries(raw.capabilities ?? {})) {
    const origin = at('capabilities', name);
    const targets: NameRef[] = [];
    (c.preferred_models ?? []).forEach((m, i) => targets.push({ name: m, origin: at('capabilities', name, 'preferred_models', i) }));
    if (c.provider) targets.push({ name: c.provider, origin: at('capabilities', name, 'provider') });
    (c.providers ?? []).forEach((p, i) => targets.push({ name: p, origin: at('capabilities', name, 'providers', i) }));
    if (c.fallback) targets.push({ name: c.fallback, origin: at('capabilities', name, 'fallback') });
    for (const field of ['routing_strategy', 'min_model_size', 'min_context', 'complexity_thresholds', 'context_thresholds'] as const) {
      if (c[field] === undefined) continue;
      reporter.warn(
        'effect/none',
        at('capabilities', name, field),
        `capabilities.${name}.${field} has no effect: a capability is an alias of its first available model, with the others as its fallbacks`,
        field === 'routing_strategy' ? 'set a strategy on a model group (load_balancing.<group>.strategy) instead' : 'order preferred_models to express the preference',
      );
    }
    capabilities.set(name, { name, description: c.description, targets, origin });
  }

  (raw.patterns ?? []).forEach((p, i) => {
    const route: PatternRoute = {
      pattern: p.pattern,
      description: p.description,
      providers: [{ name: p.provider, origin: at('patterns', i, 'provider') }],
      origin: at('patterns', i, 'pattern'),
    };
    if (p.fallback) route.providers.push({ name: p.fallback, origin: at('patterns', i, 'fallback') });
    patterns.push(route);
  });

  for (const section of ['routing_rules', 'special_cases'] as const) {
    if (raw[section] === undefined) continue;
    reporter.warn(
      'effect/unsupported-section',
      at(section),
      `the section "${section}" has no effect: its conditions are not something a LiteLLM-style router evaluates`,
      section === 'special_cases'
        ? 'error-based avoidance and rate-limit fallback are built in: tune router.allowed_fails, router.cooldown_time and router.num_retries'
        : 'express routing with aliases, exact_matches, patterns and fallback_chains; remove this section to silence this warning',
    );
  }

  // Providers' models that nothing routes to are still served, under their own names.
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
      groups.set(m.name, {
        name: m.name,
        kind: 'model',
        deployments: [{ provider: p.key, model: m.name, origin: m.origin }],
        origin: m.origin,
      });
    }
  }

  const policies: Record<string, Tier[]> = { ...DEFAULT_POLICIES };
  for (const [name, tiers] of Object.entries(raw.policies ?? {})) policies[name] = tiers;
  const defaultPolicy: NameRef = { name: raw.default_policy ?? 'auto', origin: at(raw.default_policy ? 'default_policy' : '') };

  return {
    providers,
    services: new Map(),
    groups,
    fallbacks,
    defaultFallbacks,
    capabilities,
    patterns,
    policies,
    defaultPolicy,
    router: normalizeRouter(raw, at, reporter),
    server: {
      masterKey: raw.server?.master_key ? { name: raw.server.master_key, origin: at('server', 'master_key') } : undefined,
      keys: (raw.server?.keys ?? []).map((k, i) => ({ name: k, origin: at('server', 'keys', i) })),
      maxRequestSizeMb: raw.server?.max_request_size_mb,
      corsOrigins: raw.server?.cors_origins ?? [],
      rateLimit: raw.server?.rate_limit,
    },
    cache: raw.cache,
    fleet: raw.fleet,
  };
}

function describeKind(kind: Group['kind']): string {
  return { alias: 'an alias', exact: 'an exact match', balanced: 'a load-balanced group', model: 'a provider model' }[kind];
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

function normalizeLoadBalancing(
  raw: RawMappingsFile,
  at: (...seg: Array<string | number>) => Origin,
  groups: Map<string, Group>,
  reporter: Reporter,
  providers: Map<string, Provider>,
): void {
  const lb = raw.load_balancing;
  if (!lb) return;
  if (lb.enabled === false) {
    reporter.info('effect/none', at('load_balancing', 'enabled'), 'load_balancing is disabled (enabled: false): none of its groups take effect');
    return;
  }
  const entries: Array<[string, RawLbGroup, Array<string | number>]> = [];
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

  for (const [name, g, path] of entries) {
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
    const base = group.deployments[0];
    g.providers.forEach((member, i) => {
      const mo = at(...path, 'providers', i);
      if (member.condition !== undefined) {
        reporter.warn('effect/none', at(...path, 'providers', i, 'condition'), `the condition "${member.condition}" has no effect: members are chosen by weight and strategy`, 'remove the condition');
      }
      let model = member.model ?? member.preferred_model;
      if (!model) {
        // Which model does this provider serve the group with? The group's own model when the provider has it,
        // else its model whose registry `specialty` matches the group's name, else its only model (purpose.ts).
        const provider = providers.get(member.provider);
        const candidate = base?.model ?? name;
        if (!provider || !provider.declaresModels || provider.models.some((m) => m.name === candidate)) model = candidate;
        else {
          const pick = modelForPurpose(provider, name);
          if (!pick) {
            // Leaving the member out would silently change the declared split: an error.
            reporter.error(
              'route/ambiguous-model',
              mo,
              `provider "${member.provider}" does not declare "${candidate}", and none of its ${provider.models.length} models has a specialty matching "${name}": which one serves this member is not said`,
              `add \`model:\` naming one of: ${provider.models.map((m) => m.name).join(', ')}`,
            );
            return;
          }
          model = pick.model.name;
          const why = pick.how === 'specialty' ? `its model for ${pick.model.specialty}` : 'its only model';
          reporter.info('route/implied-model', mo, `provider "${member.provider}" serves "${name}" with ${why}, "${model}"`, 'write `model:` to make this explicit');
        }
      }
      const existing = group!.deployments.find((d) => d.provider === member.provider && (d.model ?? name) === model);
      if (existing) {
        existing.weight = member.weight;
        return;
      }
      group!.deployments.push({ provider: member.provider, model, weight: member.weight, origin: mo });
    });
  }
}

function isLbGroup(value: RawLoadBalancing[string]): value is RawLbGroup {
  return typeof value === 'object' && 'providers' in value && Array.isArray(value.providers);
}

function normalizeRouter(raw: RawMappingsFile, at: (...seg: Array<string | number>) => Origin, reporter: Reporter): RouterConfig {
  const r = raw.router ?? {};
  const strategy = r.routing_strategy
    ? normalizeStrategy(r.routing_strategy, at('router', 'routing_strategy'), reporter, 'router.routing_strategy')
    : undefined;
  return {
    ...r,
    routing_strategy: strategy ?? ROUTER_DEFAULTS.routing_strategy,
    num_retries: r.num_retries ?? ROUTER_DEFAULTS.num_retries,
    allowed_fails: r.allowed_fails ?? ROUTER_DEFAULTS.allowed_fails,
    cooldown_time: r.cooldown_time ?? ROUTER_DEFAULTS.cooldown_time,
  };
}
