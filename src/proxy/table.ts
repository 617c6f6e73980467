// The immutable route table, built once per (re)load: deployments (deployments.ts), model groups
// pre-bucketed per policy (groups.ts), aliases, fallbacks and pattern routes. Requests only read it, so a
// reload is an atomic swap of one reference.
import { LRUCache } from 'lru-cache';
import type { Pool } from 'undici';
import { DEFAULT_POLICIES, type CompiledConfig, type Deployment, type RoutingStrategy, type Tier } from '../shared/compiled-config.js';
import type { MissingEnv } from './env.js';
import { buildAuthKeys, type AuthKey } from './auth.js';
import { CONNECT_TO_VARIABLE, parseConnectTo, type ConnectRule } from './connect-to.js';
import { DeploymentBuilder, type RuntimeDeployment } from './deployments.js';
import { makeGroup, type ModelGroup } from './groups.js';
import type { StateStore } from './state.js';
import { KeyRateLimiter } from './limits.js';
import { fleetSettings, type FleetSettings } from './fleet/settings.js';

export type { RuntimeDeployment } from './deployments.js';
export { splitModel } from './deployments.js';
export type { ModelGroup } from './groups.js';
export { inferTier } from './tiering.js';

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

export interface BuildOptions {
  config: CompiledConfig;
  missing: readonly MissingEnv[];
  store: StateStore;
  /** sha256 of the file the config was read from (absent for a config built in memory). */
  sha256?: string;
  /** Every environment reference of the file (pointer + variable), for the key-variable check. */
  envRefs?: readonly MissingEnv[];
  /** The serving environment: RAINYMODEL_CONNECT_TO is read from it. */
  env?: NodeJS.ProcessEnv;
}

/** Secrets that must resolve fail the build; the rest are sorted per deployment or become warnings. */
function sortMissing(missing: readonly MissingEnv[], warnings: string[]): Map<number, MissingEnv[]> {
  const byDeployment = new Map<number, MissingEnv[]>();
  for (const m of missing) {
    // An unset master key would silently turn auth off.
    if (m.pointer.startsWith('/general_settings/master_key') || m.pointer.startsWith('/rainymodel/auth')) {
      throw new TableBuildError(`${m.pointer} references environment variable ${m.variable}, which is not set`);
    }
    const match = /^\/model_list\/(\d+)\//.exec(m.pointer);
    if (match) {
      const i = Number(match[1]);
      byDeployment.set(i, [...(byDeployment.get(i) ?? []), m]);
    } else if (!m.pointer.startsWith('/rainymodel/patterns')) {
      warnings.push(`${m.pointer} references environment variable ${m.variable}, which is not set`);
    }
  }
  return byDeployment;
}

/** Variables each deployment's api_key was read from, by model_list index. */
function keyVariablesByDeployment(refs: readonly MissingEnv[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of refs) {
    const match = /^\/model_list\/(\d+)\/litellm_params\/api_key$/.exec(r.pointer);
    if (match) out.set(Number(match[1]), [...(out.get(Number(match[1])) ?? []), r.variable]);
  }
  return out;
}

function readPolicies(config: CompiledConfig): { policies: Map<string, readonly Tier[]>; defaultPolicy: string } {
  const rm = config.rainymodel;
  const policies = new Map<string, readonly Tier[]>(Object.entries(rm?.policies ?? DEFAULT_POLICIES));
  const defaultPolicy = rm?.default_policy ?? (policies.has('auto') ? 'auto' : [...policies.keys()][0]);
  if (defaultPolicy === undefined) throw new TableBuildError('rainymodel.policies is empty: name at least one policy (a list of tiers)');
  if (!policies.has(defaultPolicy)) throw new TableBuildError(`rainymodel.default_policy "${defaultPolicy}" is not one of the policies (${[...policies.keys()].join(', ')})`);
  return { policies, defaultPolicy };
}

function readConnectRules(env: NodeJS.ProcessEnv | undefined): ConnectRule[] {
  try {
    return parseConnectTo(env?.[CONNECT_TO_VARIABLE]);
  } catch (err) {
    throw new TableBuildError((err as Error).message);
  }
}

function readAliases(config: CompiledConfig, groups: ReadonlyMap<string, ModelGroup>, warnings: string[]): Map<string, { target: string; hidden: boolean }> {
  const aliases = new Map<string, { target: string; hidden: boolean }>();
  for (const [alias, value] of Object.entries(config.router_settings?.model_group_alias ?? {})) {
    const target = typeof value === 'string' ? value : (value as { model: string }).model;
    const hidden = typeof value === 'object' && value !== null && (value as { hidden?: boolean }).hidden === true;
    if (!groups.has(target)) warnings.push(`model_group_alias "${alias}" targets unknown model group "${target}"`);
    aliases.set(alias, { target, hidden });
  }
  return aliases;
}

function readFallbacks(config: CompiledConfig): Map<string, string[]> {
  const fallbacks = new Map<string, string[]>();
  for (const entry of config.router_settings?.fallbacks ?? []) {
    for (const [from, targets] of Object.entries(entry)) fallbacks.set(from, [...(fallbacks.get(from) ?? []), ...targets]);
  }
  return fallbacks;
}

interface PatternRoute {
  source: string;
  regex: RegExp;
  templates: Deployment[];
  /** Concrete groups per requested name, so cooldowns and metrics work for pattern traffic too. */
  cache: LRUCache<string, ModelGroup>;
}

/** Requested names per pattern route whose deployments (state, metrics) are kept, least recently used out. */
export const PATTERN_CACHE_MAX = 1000;

/** `forget` is told each group a route's LRU lets go of (its deployments' state and series go with it). */
function readPatterns(config: CompiledConfig, forget: (group: ModelGroup) => void): PatternRoute[] {
  return (config.rainymodel?.patterns ?? []).map((p) => {
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:${p.pattern})$`);
    } catch (err) {
      throw new TableBuildError(`rainymodel.patterns: invalid regular expression ${JSON.stringify(p.pattern)}: ${(err as Error).message}`);
    }
    return { source: p.pattern, regex, templates: p.deployments, cache: new LRUCache({ max: PATTERN_CACHE_MAX, dispose: forget }) };
  });
}

/** Reference counting: a retired table closes its pools once its last request is done. */
function poolLifecycle(pools: ReadonlyMap<string, Pool>): Pick<RouteTable, 'acquire' | 'release' | 'retire'> {
  let refs = 0;
  let retired = false;
  let closed = false;
  const closePools = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await Promise.allSettled([...pools.values()].map((p) => p.close()));
  };
  return {
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
}

function tableSettings(config: CompiledConfig): TableSettings {
  const rs = config.router_settings ?? {};
  return {
    numRetries: rs.num_retries ?? config.litellm_settings?.num_retries,
    allowedFails: rs.allowed_fails ?? 3,
    disableCooldowns: rs.disable_cooldowns === true,
    maxFallbacks: rs.max_fallbacks ?? 5,
    maxBodyBytes: Math.floor((config.general_settings?.max_request_size_mb ?? 10) * 1024 * 1024),
  };
}

function newBuilder(config: CompiledConfig, store: StateStore, env: NodeJS.ProcessEnv | undefined, warnings: string[]): DeploymentBuilder {
  const rs = config.router_settings ?? {};
  const timeoutS = rs.timeout ?? config.litellm_settings?.request_timeout ?? 600;
  const defaults = { timeoutS, streamTimeoutS: rs.stream_timeout ?? timeoutS, cooldownS: rs.cooldown_time ?? 5 };
  return new DeploymentBuilder(store, defaults, readConnectRules(env), warnings);
}

export function buildRouteTable({ config, missing, store, sha256, envRefs = [], env }: BuildOptions): RouteTable {
  const warnings: string[] = [];
  const missingByDeployment = sortMissing(missing, warnings);
  const keyVariables = keyVariablesByDeployment(envRefs);
  const { policies, defaultPolicy } = readPolicies(config);
  const builder = newBuilder(config, store, env, warnings);
  const strategyOf = (name: string): RoutingStrategy =>
    config.rainymodel?.groups?.[name]?.routing_strategy ?? config.router_settings?.routing_strategy ?? 'simple-shuffle';

  const deployments: RuntimeDeployment[] = [];
  const byName = new Map<string, RuntimeDeployment[]>();
  config.model_list.forEach((d, i) => {
    const rd = builder.build({ deployment: d, fileIndex: i, missing: missingByDeployment.get(i) ?? [], keyVariables: keyVariables.get(i) ?? [] });
    deployments.push(rd);
    byName.set(d.model_name, [...(byName.get(d.model_name) ?? []), rd]);
  });
  const groups = new Map<string, ModelGroup>();
  for (const [name, list] of byName) groups.set(name, makeGroup(name, list, policies, strategyOf(name)));
  const byId = new Map<string, ModelGroup>();
  for (const d of deployments) byId.set(d.id, makeGroup(d.id, [d], policies, strategyOf(d.modelName), d.modelName));

  const aliases = readAliases(config, groups, warnings);
  const patterns = readPatterns(config, (group) => {
    for (const d of group.deployments) {
      store.forget(d.id);
      builder.releaseId(d.id);
    }
  });
  const patternGroup = (route: PatternRoute, model: string): ModelGroup => {
    let g = route.cache.get(model);
    if (g) return g;
    const list = route.templates.map((t, i) => {
      const concrete: Deployment = { model_name: model, litellm_params: { ...t.litellm_params, model: t.litellm_params.model.split('{model}').join(model) }, model_info: t.model_info };
      return builder.build({ deployment: concrete, fileIndex: i, missing: [], keyVariables: [], idHint: t.model_info?.id ? `${t.model_info.id}:${model}` : undefined });
    });
    g = makeGroup(model, list, policies, strategyOf(model), route.source);
    route.cache.set(model, g);
    return g;
  };

  const rm = config.rainymodel;
  return {
    builtAt: Date.now(),
    configSha256: sha256,
    groups,
    aliases,
    fallbacks: readFallbacks(config),
    defaultFallbacks: config.router_settings?.default_fallbacks ?? [],
    policies,
    policyList: [...policies.keys()].join(', '),
    defaultPolicy,
    deployments,
    publicModels: [...groups.keys(), ...[...aliases].filter(([, a]) => !a.hidden).map(([name]) => name)],
    authKeys: buildAuthKeys(config.general_settings?.master_key, rm?.auth?.keys ?? []),
    rateLimiter: rm?.rate_limit && (rm.rate_limit.rpm || rm.rate_limit.tpm) ? new KeyRateLimiter(rm.rate_limit) : undefined,
    corsOrigins: new Set(rm?.cors?.allow_origins ?? []),
    settings: tableSettings(config),
    fleet: fleetSettings(config, warnings),
    warnings,
    resolve(model) {
      const direct = groups.get(model);
      if (direct) return { group: direct };
      const alias = aliases.get(model);
      const target = alias && groups.get(alias.target);
      if (target) return { group: target, viaAlias: model };
      for (const route of patterns) if (route.regex.test(model)) return { group: patternGroup(route, model) };
      return undefined;
    },
    resolveTarget(name) {
      const alias = aliases.get(name);
      return groups.get(name) ?? (alias ? groups.get(alias.target) : undefined) ?? byId.get(name);
    },
    ...poolLifecycle(builder.pools),
  };
}

/** Ids of every deployment of a table (for pruning runtime state after a reload). */
export function deploymentIds(table: RouteTable): Set<string> {
  return new Set(table.deployments.map((d) => d.id));
}
