// The compiled file (generated/litellm-unified.yaml) is the contract between the compiler and every proxy
// that serves it: a stock LiteLLM proxy, or `rmctl serve`. These types mirror
// schemas/litellm-config.schema.json (the schema is the contract; test/compiler/compile.test.ts checks every compiled output against it).
// LiteLLM allows extra keys everywhere, so the index signatures are deliberate: a hand-written config may
// carry keys RainyModel neither emits nor reads.

export const TIERS = ['free', 'internal', 'direct', 'premium'] as const;
export type Tier = (typeof TIERS)[number];

export const POLICY_NAMES = ['auto', 'free', 'uncensored', 'premium'] as const;

/** The tier order of each built-in policy, when the sources name none (the compiler and serve both use it). */
export const DEFAULT_POLICIES: Readonly<Record<string, readonly Tier[]>> = {
  auto: ['free', 'internal', 'direct', 'premium'],
  free: ['free', 'internal', 'direct', 'premium'],
  uncensored: ['internal', 'free', 'direct', 'premium'],
  premium: ['direct', 'premium', 'free', 'internal'],
};

export const ROUTING_STRATEGIES = [
  'simple-shuffle',
  'least-busy',
  'usage-based-routing',
  'usage-based-routing-v2',
  'latency-based-routing',
  'cost-based-routing',
] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

/** `litellm_params` of one deployment. Values may be `os.environ/VAR` or contain `${VAR:-default}`. */
export interface LitellmParams {
  model: string;
  api_base?: string;
  api_key?: string;
  api_version?: string;
  custom_llm_provider?: string;
  rpm?: number;
  tpm?: number;
  max_parallel_requests?: number;
  weight?: number;
  order?: number;
  timeout?: number;
  stream_timeout?: number;
  max_retries?: number;
  keep_alive?: string | number;
  extra_body?: Record<string, unknown>;
  [key: string]: unknown;
}

/** `model_info` of one deployment; RainyModel's per-deployment routing data lives here. */
export interface ModelInfo {
  id?: string;
  mode?: string;
  /**
   * RainyModel: the deployment's tier, ordered by the request's policy. Not `tier`: LiteLLM types that key
   * (free | paid only) and drops a deployment with any other value.
   */
  rainymodel_tier?: Tier;
  /** LiteLLM's own field (free | paid); hand-written configs written for older rmctl may carry a RainyModel tier here. */
  tier?: Tier | 'paid';
  /** RainyModel: the provider's key in providers.yaml (shown in x-rainymodel-upstream). */
  provider?: string;
  /** RainyModel: the provider's type in providers.yaml (ollama, openai, anthropic, ...). */
  provider_type?: string;
  /** RainyModel: the model name the upstream sees (shown in x-rainymodel-model). */
  upstream_model?: string;
  /** RainyModel: the environment variable this deployment's key comes from, when keys rotate. */
  credential?: string;
  description?: string;
  [key: string]: unknown;
}

/** A deployment's RainyModel tier: `rainymodel_tier`, else a RainyModel tier written in the legacy `tier` key. */
export function tierOf(info: ModelInfo | undefined): Tier | undefined {
  if (!info) return undefined;
  if (info.rainymodel_tier !== undefined) return info.rainymodel_tier;
  const legacy = info.tier;
  return legacy !== undefined && (TIERS as readonly string[]).includes(legacy) ? (legacy as Tier) : undefined;
}

export interface Deployment {
  model_name: string;
  litellm_params: LitellmParams;
  model_info?: ModelInfo;
}

/** One step list of `router_settings.fallbacks`: `{ "group": ["target", ...] }`. */
export type FallbackEntry = Record<string, string[]>;

export interface RouterSettings {
  routing_strategy?: RoutingStrategy;
  num_retries?: number;
  retry_after?: number;
  timeout?: number;
  stream_timeout?: number;
  allowed_fails?: number;
  cooldown_time?: number;
  disable_cooldowns?: boolean;
  fallbacks?: FallbackEntry[];
  context_window_fallbacks?: FallbackEntry[];
  content_policy_fallbacks?: FallbackEntry[];
  default_fallbacks?: string[];
  max_fallbacks?: number;
  enable_pre_call_checks?: boolean;
  model_group_alias?: Record<string, string>;
  redis_host?: string;
  redis_port?: number | string;
  redis_password?: string;
  redis_db?: number | string;
  [key: string]: unknown;
}

export interface CacheParams {
  type?: string;
  host?: string;
  port?: number | string;
  password?: string;
  ttl?: number;
  namespace?: string;
  mode?: string;
  [key: string]: unknown;
}

export interface LitellmSettings {
  drop_params?: boolean;
  num_retries?: number;
  request_timeout?: number;
  json_logs?: boolean;
  cache?: boolean;
  cache_params?: CacheParams;
  [key: string]: unknown;
}

export interface GeneralSettings {
  master_key?: string;
  max_request_size_mb?: number;
  [key: string]: unknown;
}

/** A regex route: request model names that match are sent, as they are, to the listed deployments. */
export interface PatternRoute {
  pattern: string;
  description?: string;
  /** `litellm_params.model` contains the placeholder `{model}`, replaced by the requested model name. */
  deployments: Deployment[];
}

/** The top-level `rainymodel:` block. LiteLLM ignores unknown top-level keys, so it is safe there. */
export interface RainymodelBlock {
  version: 1;
  sources_sha256: string;
  default_policy: string;
  /** Policy name -> tiers in the order they are tried; tiers not listed are never used by that policy. */
  policies: Record<string, readonly Tier[]>;
  /** Public model group -> per-group data (description, routing-strategy override). */
  groups?: Record<string, { description?: string; routing_strategy?: RoutingStrategy }>;
  patterns?: PatternRoute[];
  /** Further client keys accepted besides general_settings.master_key (so keys rotate without downtime). */
  auth?: { keys?: string[] };
  cors?: { allow_origins?: string[] };
  /** Per client key limits. */
  rate_limit?: { rpm?: number; tpm?: number };
  /** Fleet mode (replicas sharing state through router_settings.redis_*). */
  fleet?: { namespace?: string; redis_timeout_ms?: number; sync_interval_ms?: number };
  [key: string]: unknown;
}

export interface CompiledConfig {
  model_list: Deployment[];
  router_settings?: RouterSettings;
  litellm_settings?: LitellmSettings;
  general_settings?: GeneralSettings;
  environment_variables?: Record<string, string>;
  rainymodel?: RainymodelBlock;
  [key: string]: unknown;
}
