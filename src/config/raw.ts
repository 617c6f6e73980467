// The raw shapes users write, after schema validation. test/unit/schema-types.test.ts checks that the
// keys listed here match the properties of schemas/*.schema.json, so the schema stays the one truth.

import type { FleetConfig } from './model.js';

export interface RawProvidersFile {
  providers: Record<string, RawProvider>;
  metadata?: Record<string, unknown>;
  health_checks?: Record<string, unknown>;
}

export interface RawProvider {
  type: string;
  tier?: string;
  status?: string;
  base_url?: string;
  api_keys?: string[];
  api_key_env?: string;
  env_var?: string;
  api_key?: string;
  requires_api_key?: boolean;
  rate_limits?: {
    rpm?: number;
    tpm?: number;
    requests_per_minute?: number;
    tokens_per_minute?: number;
    hourly?: boolean | number;
    daily?: boolean | number;
    details?: string;
  };
  timeout?: number;
  stream_timeout?: number;
  weight?: number;
  max_parallel_requests?: number;
  description?: string;
  notes?: string;
  docs?: string;
  features?: string[];
  location?: string;
  service_file?: string;
  health_endpoint?: string;
  api_format?: string;
  configuration?: Record<string, unknown>;
  hardware_requirements?: Record<string, unknown>;
  gpu_memory_utilization?: number;
  max_model_len?: number;
  cost_per_1k_tokens?: Record<string, unknown>;
  models?: Array<string | RawProviderModel> | null;
}

export interface RawProviderModel {
  name: string;
  mode?: 'chat' | 'completion' | 'embedding';
  description?: string;
  notes?: string;
  size?: string | number;
  quantization?: string;
  pulled_at?: string;
  specialty?: string;
  context_length?: number;
  tags?: Array<string | number>;
  model_size_gb?: number;
  kv_cache_available_gb?: number;
  supports_vision?: boolean;
  supports_function_calling?: boolean;
  supports_tool_use?: boolean;
  keep_alive?: string | number;
  options?: Record<string, unknown>;
}

export interface RawMappingsFile {
  aliases?: Record<string, RawAlias>;
  exact_matches?: Record<string, RawExactMatch> | null;
  patterns?: RawPattern[] | null;
  capabilities?: Record<string, RawCapability> | null;
  load_balancing?: RawLoadBalancing | null;
  fallback_chains?: Record<string, RawFallbackChain> | null;
  policies?: Record<string, string[]>;
  default_policy?: string;
  router?: RawRouter;
  server?: RawServer;
  cache?: RawCache;
  fleet?: FleetConfig;
  routing_rules?: Record<string, unknown>;
  special_cases?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  notes?: string;
}

export interface RawDeployment {
  provider: string;
  model?: string;
  weight?: number;
  tier?: string;
  rpm?: number;
  tpm?: number;
  timeout?: number;
}

export interface RawAlias {
  description?: string;
  deployments: RawDeployment[];
  fallbacks?: string[];
  routing_strategy?: string;
}

export interface RawExactMatch {
  provider: string;
  priority?: 'primary' | 'secondary' | 'tertiary';
  fallback?: string | null;
  description?: string;
  backend_model?: string;
  weight?: number;
  tier?: string;
}

export interface RawPattern {
  pattern: string;
  provider: string;
  fallback?: string | null;
  description?: string;
}

export interface RawCapability {
  description?: string;
  preferred_models?: string[];
  provider?: string;
  providers?: string[];
  fallback?: string | null;
  routing_strategy?: string;
  min_model_size?: string | number;
  min_context?: number;
  complexity_thresholds?: Record<string, unknown>;
  context_thresholds?: Record<string, unknown>;
  notes?: string;
}

export interface RawLbMember {
  provider: string;
  weight?: number;
  model?: string;
  preferred_model?: string;
  condition?: string;
}

export interface RawLbGroup {
  providers: RawLbMember[];
  strategy?: string;
  description?: string;
  parameters?: Record<string, unknown>;
}

/** Besides these keys, every other key of load_balancing is a group (RawLbGroup). */
export interface RawLoadBalancing {
  enabled?: boolean;
  strategies?: Record<string, unknown>;
  redundant_models?: Record<string, RawLbGroup>;
}

export type RawChainStep =
  | string
  | {
      primary?: string;
      secondary?: string;
      tertiary?: string;
      quaternary?: string;
      model?: string;
      provider?: string;
      condition?: string;
      preferred_model?: string;
    };

export interface RawFallbackChain {
  description?: string;
  chain: RawChainStep[] | null;
  tier?: string;
  notes?: string;
  retry_attempts?: number;
  retry_delay_ms?: number;
}

export interface RawRouter {
  routing_strategy?: string;
  num_retries?: number;
  retry_after?: number;
  timeout?: number;
  stream_timeout?: number;
  allowed_fails?: number;
  cooldown_time?: number;
  disable_cooldowns?: boolean;
  max_fallbacks?: number;
  enable_pre_call_checks?: boolean;
  redis_host?: string;
  redis_port?: number | string;
  redis_password?: string;
  redis_db?: number | string;
}

export interface RawServer {
  master_key?: string;
  keys?: string[];
  max_request_size_mb?: number;
  cors_origins?: string[];
  rate_limit?: { rpm?: number; tpm?: number };
}

export interface RawCache {
  type: 'local' | 'redis';
  ttl?: number;
  namespace?: string;
  host?: string;
  port?: number | string;
  password?: string;
}
