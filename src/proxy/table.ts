// The immutable route table, built once per (re)load: deployments with their adapter, pool, tier and
// resolved limits; model groups pre-sorted per policy; aliases, fallbacks and pattern routes. Requests
// only read it, so a reload is an atomic swap of one reference.
import { Pool } from 'undici';
import { tierOf, type CompiledConfig, type Deployment, type RoutingStrategy, type Tier } from '../shared/compiled-config.js';
import type { MissingEnv } from './env.js';
import { buildAuthKeys, type AuthKey } from './auth.js';
import { getAdapter } from './providers/index.js';
import type { AdapterDeployment, ProviderAdapter } from './providers/types.js';
import type { DeploymentState, StateStore } from './state.js';
import { KeyRateLimiter } from './limits.js';
import { fleetSettings, type FleetSettings } from './fleet/settings.js';

export const DEFAULT_POLICIES: Readonly<Record<string, readonly Tier[]>> = {
  auto: ['free', 'internal', 'direct', 'premium'],
  free: ['free', 'internal', 'direct', 'premium'],
  uncensored: ['internal', 'free', 'direct', 'premium'],
  premium: ['direct', 'premium', 'free', 'internal'],
};

export interface RuntimeDeployment {
  id: string;
  modelName: string;
  prefix: string;
  upstreamModel: string;
  /** Label for x-rainymodel-upstream, logs and per-provider metrics. */
  provider: string;
  tier: Tier;
  order: number;
  weight: number;
  costPerToken: number;
  rpm?: number;
  tpm?: number;
  maxParallel?: number;
  timeoutMs: number;
  streamTimeoutMs: number;
  cooldownMs: number;
  /** Why this deployment is never used (unsupported provider prefix, unset key variable, ...). */
  disabledReason?: string;
  adapter?: ProviderAdapter;
  adapterDeployment: AdapterDeployment;
  pool?: Pool;
  origin: string;
  apiBase: string;
  state: DeploymentState;
}

export interface ModelGroup {
  name: string;
  deployments: RuntimeDeployment[];
  strategy: RoutingStrategy;
  /** Per policy: deployments bucketed by (tier rank, order), buckets in try order. */
  byPolicy: Map<string, RuntimeDeployment[][]>;
  /** Label for metrics (a pattern route's source, so requested names do not explode cardinality). */
  metricsLabel: string;
}

interface PatternRoute {
  source: string;
  regex: RegExp;
  templates: Deployment[];
  /** Concrete groups per requested name, so cooldowns and metrics work for pattern traffic too. */
  cache: Map<string, ModelGroup>;
}

export interface TableSettings {
  numRetries?: number;
  allowedFails: number;
  disableCooldowns: boolean;
  maxFallbacks: number;
  maxBodyBytes: number;
}

export interface RouteTable {
  readonly builtAt: number;
  readonly configSha256?: string;
  readonly groups: ReadonlyMap<string, ModelGroup>;
  readonly aliases: ReadonlyMap<string, { target: string; hidden: boolean }>;
  readonly fallbacks: ReadonlyMap<string, readonly string[]>;
  readonly defaultFallbacks: readonly string[];
  readonly policies: ReadonlyMap<string, readonly Tier[]>;
  readonly policyList: string;
  readonly defaultPolicy: string;
  readonly deployments: readonly RuntimeDeployment[];
  readonly publicModels: readonly string[];
  readonly authKeys: readonly AuthKey[];
  readonly rateLimiter?: KeyRateLimiter;
  readonly corsOrigins: ReadonlySet<string>;
  readonly settings: TableSettings;
  /** Redis (fleet mode) and response-cache settings; applied by the server's Fleet on load and reload. */
  readonly fleet: FleetSettings;
  readonly warnings: readonly string[];
  /** Resolves a requested model name to its group (directly, through model_group_alias, or a pattern). */
  resolve(model: string): { group: ModelGroup; viaAlias?: string } | undefined;
  /** Resolves a fallback target: a model_name, an alias or a model_info.id. */
  resolveTarget(name: string): ModelGroup | undefined;
  /** Closes the upstream pools once no request uses this table any more. */
  acquire(): void;
  release(): void;
  retire(): Promise<void>;
}

export class TableBuildError extends Error {}

const INTERNAL_PREFIXES = new Set(['ollama', 'ollama_chat', 'hosted_vllm', 'vllm', 'lm_studio', 'llamafile']);
const DIRECT_PREFIXES = new Set(['openai', 'anthropic', 'gemini', 'deepseek', 'xai', 'mistral', 'groq', 'azure', 'bedrock', 'vertex_ai', 'cohere']);

function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h.endsWith('.local') || h.endsWith('.internal') || h.endsWith('.lan')) return true;
  if (/^127\./.test(h) || /^10\./.test(h) || /^192\.168\./.test(h) || /^169\.254\./.test(h)) return true;
  const m = /^172\.(\d+)\./.exec(h);
  if (m && Number(m[1]) >= 16 && Number(m[1]) <= 31) return true;
  return /^f[cd][0-9a-f]{2}:/.test(h);
}

/** Tier for a hand-written LiteLLM config without `model_info.tier`, from the prefix and the api_base. */
export function inferTier(prefix: string, upstreamModel: string, apiBase: string | undefined): Tier {
  if (INTERNAL_PREFIXES.has(prefix)) return 'internal';
  if (apiBase) {
    try {
      if (isPrivateHost(new URL(apiBase).hostname)) return 'internal';
    } catch {
      // An unparsable base is reported when the deployment is built.
    }
  }
  if (prefix === 'huggingface' || upstreamModel.endsWith(':free')) return 'free';
  if (prefix === 'openrouter') return 'premium';
  if (DIRECT_PREFIXES.has(prefix)) return 'direct';
  return 'premium';
}

/** Splits `litellm_params.model` into the adapter prefix and the model the upstream sees. */
export function splitModel(model: string, customProvider: string | undefined): { prefix: string; upstreamModel: string } {
  if (customProvider) {
    const p = `${customProvider}/`;
    return { prefix: customProvider, upstreamModel: model.startsWith(p) ? model.slice(p.length) : model };
  }
  const slash = model.indexOf('/');
  // LiteLLM infers OpenAI for bare model names (gpt-4o).
  if (slash < 0) return { prefix: 'openai', upstreamModel: model };
  return { prefix: model.slice(0, slash), upstreamModel: model.slice(slash + 1) };
}

function headerSafe(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}

export interface BuildOptions {
  config: CompiledConfig;
  missing: readonly MissingEnv[];
  store: StateStore;
  /** sha256 of the file the config was read from (absent for a config built in memory). */
  sha256?: string;
}

export function buildRouteTable({ config, missing, store, sha256 }: BuildOptions): RouteTable {
  const warnings: string[] = [];
  const rs = config.router_settings ?? {};
  const ls = config.litellm_settings ?? {};
  const gs = config.general_settings ?? {};
  const rm = config.rainymodel;

  // Secrets that must resolve: an unset master key would silently turn auth off.
  for (const m of missing) {
    if (m.pointer.startsWith('/general_settings/master_key') || m.pointer.startsWith('/rainymodel/auth')) {
      throw new TableBuildError(`${m.pointer} references environment variable ${m.variable}, which is not set`);
    }
  }
  const missingByDeployment = new Map<number, MissingEnv[]>();
  for (const m of missing) {
    const match = /^\/model_list\/(\d+)\//.exec(m.pointer);
    if (match) {
      const i = Number(match[1]);
      missingByDeployment.set(i, [...(missingByDeployment.get(i) ?? []), m]);
    } else if (!m.pointer.startsWith('/rainymodel/patterns')) {
      warnings.push(`${m.pointer} references environment variable ${m.variable}, which is not set`);
    }
  }

  const timeoutS = rs.timeout ?? ls.request_timeout ?? 600;
  const streamTimeoutS = rs.stream_timeout ?? timeoutS;
  const cooldownS = rs.cooldown_time ?? 5;
  const pools = new Map<string, Pool>();
  const usedIds = new Set<string>();

  const policies = new Map<string, readonly Tier[]>();
  for (const [name, tiers] of Object.entries(rm?.policies ?? DEFAULT_POLICIES)) policies.set(name, tiers);
  const defaultPolicy = rm?.default_policy ?? (policies.has('auto') ? 'auto' : [...policies.keys()][0]);
  if (!policies.has(defaultPolicy)) throw new TableBuildError(`rainymodel.default_policy "${defaultPolicy}" is not one of the policies (${[...policies.keys()].join(', ')})`);

  const buildDeployment = (d: Deployment, index: number, missingHere: readonly MissingEnv[], idHint?: string): RuntimeDeployment => {
    const p = d.litellm_params;
    const info = d.model_info ?? {};
    const { prefix, upstreamModel } = splitModel(p.model, p.custom_llm_provider);
    const adapter = getAdapter(prefix);
    let disabledReason: string | undefined;
    if (!adapter) disabledReason = `provider prefix "${prefix}/" is not supported by rmctl serve`;
    if (missingHere.length > 0) disabledReason = `environment variable ${missingHere.map((m) => m.variable).join(', ')} not set`;
    const rawBase = p.api_base ?? adapter?.defaultApiBases?.[prefix];
    let origin = '';
    let apiBase = '';
    if (rawBase) {
      try {
        const u = new URL(rawBase);
        origin = u.origin;
        apiBase = origin + u.pathname.replace(/\/+$/, '');
      } catch {
        disabledReason ??= `api_base "${rawBase}" is not a valid URL`;
      }
    } else if (!disabledReason) {
      disabledReason = `no api_base and no default for prefix "${prefix}/"`;
    }
    let id = info.id ?? idHint ?? `${d.model_name}:${prefix}/${upstreamModel}${origin ? `@${new URL(origin).host}` : ''}${info.credential ? `[${info.credential}]` : ''}`;
    id = headerSafe(id);
    if (usedIds.has(id)) {
      let n = 2;
      while (usedIds.has(`${id}#${n}`)) n++;
      id = `${id}#${n}`;
    }
    usedIds.add(id);
    if (disabledReason) warnings.push(`deployment ${id} disabled: ${disabledReason}`);
    let pool: Pool | undefined;
    if (!disabledReason && origin) {
      pool = pools.get(origin);
      if (!pool) {
        // One keep-alive pool per upstream origin, shared by every deployment on it.
        pool = new Pool(origin, { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 });
        pools.set(origin, pool);
      }
    }
    const weight = p.weight ?? p.rpm ?? p.tpm ?? 1;
    const perCooldown = typeof p.cooldown_time === 'number' ? p.cooldown_time : cooldownS;
    const inputCost = typeof p.input_cost_per_token === 'number' ? p.input_cost_per_token : 0;
    const timeout = p.timeout ?? timeoutS;
    return {
      id,
      modelName: d.model_name,
      prefix,
      upstreamModel: info.upstream_model && !p.model.includes('{model}') ? info.upstream_model : upstreamModel,
      provider: headerSafe(info.provider ?? prefix),
      tier: tierOf(info) ?? inferTier(prefix, upstreamModel, rawBase),
      order: p.order ?? Number.POSITIVE_INFINITY,
      weight,
      costPerToken: inputCost,
      rpm: p.rpm,
      tpm: p.tpm,
      maxParallel: p.max_parallel_requests,
      timeoutMs: timeout * 1000,
      streamTimeoutMs: (p.stream_timeout ?? (p.timeout !== undefined ? timeout : streamTimeoutS)) * 1000,
      cooldownMs: perCooldown * 1000,
      disabledReason,
      adapter,
      adapterDeployment: { prefix, upstreamModel, apiBase, apiKey: p.api_key || undefined, params: p },
      pool,
      origin,
      apiBase,
      state: store.get(id),
    };
  };

  const groupStrategy = (name: string): RoutingStrategy =>
    rm?.groups?.[name]?.routing_strategy ?? rs.routing_strategy ?? 'simple-shuffle';

  const makeGroup = (name: string, deployments: RuntimeDeployment[], metricsLabel = name): ModelGroup => {
    const byPolicy = new Map<string, RuntimeDeployment[][]>();
    for (const [policy, tiers] of policies) {
      const buckets: RuntimeDeployment[][] = [];
      tiers.forEach((tier) => {
        const inTier = deployments.filter((d) => d.tier === tier && !d.disabledReason);
        const orders = [...new Set(inTier.map((d) => d.order))].sort((a, b) => a - b);
        for (const o of orders) buckets.push(inTier.filter((d) => d.order === o));
      });
      byPolicy.set(policy, buckets);
    }
    return { name, deployments, strategy: groupStrategy(name), byPolicy, metricsLabel };
  };

  const deployments: RuntimeDeployment[] = [];
  const byName = new Map<string, RuntimeDeployment[]>();
  config.model_list.forEach((d, i) => {
    const rd = buildDeployment(d, i, missingByDeployment.get(i) ?? []);
    deployments.push(rd);
    byName.set(d.model_name, [...(byName.get(d.model_name) ?? []), rd]);
  });
  const groups = new Map<string, ModelGroup>();
  for (const [name, list] of byName) groups.set(name, makeGroup(name, list));
  const byId = new Map<string, ModelGroup>();
  for (const d of deployments) byId.set(d.id, makeGroup(d.id, [d], d.modelName));

  const aliases = new Map<string, { target: string; hidden: boolean }>();
  for (const [alias, value] of Object.entries(rs.model_group_alias ?? {})) {
    const target = typeof value === 'string' ? value : (value as { model: string }).model;
    const hidden = typeof value === 'object' && value !== null && (value as { hidden?: boolean }).hidden === true;
    if (!groups.has(target)) warnings.push(`model_group_alias "${alias}" targets unknown model group "${target}"`);
    aliases.set(alias, { target, hidden });
  }

  const fallbacks = new Map<string, string[]>();
  for (const entry of rs.fallbacks ?? []) {
    for (const [from, targets] of Object.entries(entry)) fallbacks.set(from, [...(fallbacks.get(from) ?? []), ...targets]);
  }

  const patterns: PatternRoute[] = (rm?.patterns ?? []).map((p) => {
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:${p.pattern})$`);
    } catch (err) {
      throw new TableBuildError(`rainymodel.patterns: invalid regular expression ${JSON.stringify(p.pattern)}: ${(err as Error).message}`);
    }
    return { source: p.pattern, regex, templates: p.deployments, cache: new Map() };
  });
  const PATTERN_CACHE_MAX = 1000;
  const patternGroup = (route: PatternRoute, model: string): ModelGroup => {
    let g = route.cache.get(model);
    if (g) return g;
    const list = route.templates.map((t, i) => {
      const concrete: Deployment = {
        model_name: model,
        litellm_params: { ...t.litellm_params, model: t.litellm_params.model.split('{model}').join(model) },
        model_info: t.model_info,
      };
      return buildDeployment(concrete, i, [], t.model_info?.id ? `${t.model_info.id}:${model}` : undefined);
    });
    g = makeGroup(model, list, route.source);
    if (route.cache.size >= PATTERN_CACHE_MAX) route.cache.clear();
    route.cache.set(model, g);
    return g;
  };

  const corsOrigins = new Set(rm?.cors?.allow_origins ?? []);
  const authKeys = buildAuthKeys(gs.master_key, rm?.auth?.keys ?? []);
  const rateLimiter = rm?.rate_limit && (rm.rate_limit.rpm || rm.rate_limit.tpm) ? new KeyRateLimiter(rm.rate_limit) : undefined;
  const fleet = fleetSettings(config, warnings);

  const publicModels = [
    ...groups.keys(),
    ...[...aliases].filter(([, a]) => !a.hidden).map(([name]) => name),
  ];

  let refs = 0;
  let retired = false;
  let closed = false;
  const closePools = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await Promise.allSettled([...pools.values()].map((p) => p.close()));
  };

  const table: RouteTable = {
    builtAt: Date.now(),
    configSha256: sha256,
    groups,
    aliases,
    fallbacks,
    defaultFallbacks: rs.default_fallbacks ?? [],
    policies,
    policyList: [...policies.keys()].join(', '),
    defaultPolicy,
    deployments,
    publicModels,
    authKeys,
    rateLimiter,
    corsOrigins,
    settings: {
      numRetries: rs.num_retries ?? ls.num_retries,
      allowedFails: rs.allowed_fails ?? 3,
      disableCooldowns: rs.disable_cooldowns === true,
      maxFallbacks: rs.max_fallbacks ?? 5,
      maxBodyBytes: Math.floor((gs.max_request_size_mb ?? 10) * 1024 * 1024),
    },
    fleet,
    warnings,
    resolve(model) {
      const direct = groups.get(model);
      if (direct) return { group: direct };
      const alias = aliases.get(model);
      if (alias) {
        const g = groups.get(alias.target);
        if (g) return { group: g, viaAlias: model };
      }
      for (const route of patterns) if (route.regex.test(model)) return { group: patternGroup(route, model) };
      return undefined;
    },
    resolveTarget(name) {
      const g = groups.get(name);
      if (g) return g;
      const alias = aliases.get(name);
      if (alias) return groups.get(alias.target);
      return byId.get(name);
    },
    acquire() {
      refs++;
    },
    release() {
      refs--;
      if (retired && refs === 0) void closePools();
    },
    async retire() {
      retired = true;
      if (refs === 0) await closePools();
    },
  };
  return table;
}

/** Ids of every deployment of a table (for pruning runtime state after a reload). */
export function deploymentIds(table: RouteTable): Set<string> {
  return new Set(table.deployments.map((d) => d.id));
}
