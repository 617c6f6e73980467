// The normalized model: one shape for everything the user may write (including the legacy forms found
// in the wild). Nothing after normalize sees raw YAML shapes. Every entity remembers its origin.
import type { RoutingStrategy, Tier } from '../shared/compiled-config.js';
import type { RawCache, RawFleet, RawRouter } from './raw.js';

export interface Origin {
  file: string;
  /** JSON pointer into that file. */
  pointer: string;
}

export const PROVIDER_TYPES = [
  'ollama',
  'llama_cpp',
  'vllm',
  'openai',
  'anthropic',
  'openai_compatible',
  'gemini',
  'deepseek',
  'xai',
  'openrouter',
  'huggingface',
] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** Services a registry may list beside its model servers (no models): accepted, never compiled. */
export const NON_LLM_TYPES = ['tool_server', 'web_ui'] as const;
export type NonLlmType = (typeof NON_LLM_TYPES)[number];

export type ProviderStatus = 'active' | 'disabled' | 'pending_integration' | 'template';

export interface ProviderModel {
  name: string;
  mode?: 'chat' | 'completion' | 'embedding';
  options?: Record<string, unknown>;
  keepAlive?: string | number;
  contextLength?: number;
  supportsFunctionCalling?: boolean;
  supportsVision?: boolean;
  /** The registry's own note of what the model is for (general_chat, code_generation, ...). */
  specialty?: string;
  origin: Origin;
}

export interface Provider {
  key: string;
  type: ProviderType;
  tier: Tier;
  /** True when the tier was written, false when it was derived from the type. */
  tierExplicit: boolean;
  status: ProviderStatus;
  active: boolean;
  baseUrl?: string;
  /** Names of environment variables holding keys, in rotation order. */
  credentials: string[];
  /** Where each credential is named (the provider itself for a type's default key variable). */
  credentialOrigins: Map<string, Origin>;
  /** A literal, non-secret api_key such as `not-needed` (local servers that want some key). */
  placeholderKey?: string;
  /** A literal api_key that looks like a secret: reported, never emitted. */
  literalKey?: { value: string; origin: Origin };
  rpm?: number;
  tpm?: number;
  timeout?: number;
  streamTimeout?: number;
  weight?: number;
  maxParallel?: number;
  description?: string;
  /** Models as declared; `declaresModels` is false when the registry lists none (any model is accepted). */
  models: ProviderModel[];
  declaresModels: boolean;
  origin: Origin;
}

export interface NameRef {
  name: string;
  origin: Origin;
}

export interface DeploymentRef {
  provider: string;
  /** The provider's model name; undefined when the source named none (resolved later). */
  model?: string;
  weight?: number;
  tier?: Tier;
  /** Lower is tried first among deployments of the same tier (LiteLLM `order`). */
  order?: number;
  rpm?: number;
  tpm?: number;
  timeout?: number;
  origin: Origin;
}

export type GroupKind = 'alias' | 'exact' | 'balanced' | 'model';

export interface Group {
  name: string;
  kind: GroupKind;
  description?: string;
  deployments: DeploymentRef[];
  strategy?: RoutingStrategy;
  /** An exact match's `fallback:`: a model group, or a provider serving the same model. */
  fallback?: NameRef;
  origin: Origin;
}

export interface Capability {
  name: string;
  description?: string;
  /** Model groups (or providers, resolved to the groups they serve) in order of preference. */
  targets: NameRef[];
  origin: Origin;
}

export interface PatternRoute {
  pattern: string;
  description?: string;
  providers: NameRef[];
  origin: Origin;
}

/** router: as written (the schema's shape), with LiteLLM's defaults filled in and the strategy normalized. */
export type RouterConfig = Omit<RawRouter, 'routing_strategy' | 'num_retries' | 'allowed_fails' | 'cooldown_time'> & {
  routing_strategy: RoutingStrategy;
  num_retries: number;
  allowed_fails: number;
  cooldown_time: number;
};

export interface ServerConfig {
  masterKey?: NameRef;
  keys: NameRef[];
  maxRequestSizeMb?: number;
  corsOrigins: string[];
  rateLimit?: { rpm?: number; tpm?: number };
}

/** fleet and cache: as written (the schema checked them). */
export type FleetConfig = RawFleet;
export type CacheConfig = RawCache;

export interface Model {
  providers: Map<string, Provider>;
  /** Registry entries that are not model servers (tool_server, web_ui): name -> type. */
  services: Map<string, string>;
  /** Insertion order is output order: aliases, exact matches, load-balanced groups, unrouted models. */
  groups: Map<string, Group>;
  /** Group (or capability) name -> fallback targets, in order. */
  fallbacks: Map<string, { targets: NameRef[]; origin: Origin }>;
  defaultFallbacks?: { targets: NameRef[]; origin: Origin };
  capabilities: Map<string, Capability>;
  patterns: PatternRoute[];
  policies: Record<string, readonly Tier[]>;
  defaultPolicy: NameRef;
  router: RouterConfig;
  server: ServerConfig;
  cache?: CacheConfig;
  /** Fleet-mode settings for rmctl serve, as written (the schema checked them). */
  fleet?: FleetConfig;
}
