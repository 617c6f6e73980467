// GENERATED from schemas/model-mappings.schema.json by scripts/source-types.mjs (json-schema-to-typescript): do not edit.
// Change the schema, then run `npm run gen:source-types`; test/compiler/source-types.test.ts fails until you do.

export type Seconds = number;
export type Strategy = string;
export type Tier = 'free' | 'internal' | 'direct' | 'premium';

/**
 * Client-facing names and how they route: exact matches, patterns, capabilities, load balancing, fallback chains, RainyModel aliases and policies, router and server settings.
 */
export interface MappingsSource {
  /**
   * Client-facing names (such as rainymodel/auto) -> ordered deployments across tiers.
   */
  aliases?: {
    [k: string]: Alias;
  };
  exact_matches?: {
    [k: string]: ExactMatch;
  } | null;
  patterns?: Pattern[] | null;
  capabilities?: {
    [k: string]: Capability;
  } | null;
  load_balancing?: {
    enabled?: boolean;
    /**
     * Documentation of strategies; has no effect.
     */
    strategies?: {
      [k: string]: unknown;
    };
    redundant_models?: {
      [k: string]: LbGroup;
    };
    [k: string]:
      | LbGroup
      | boolean
      | {
          [k: string]: unknown;
        }
      | {
          [k: string]: LbGroup;
        }
      | undefined;
  } | null;
  fallback_chains?: {
    [k: string]: FallbackChain;
  } | null;
  /**
   * Policy name -> tiers in the order they are tried (X-RainyModel-Policy). Tiers left out are never used by that policy.
   */
  policies?: {
    /**
     * @minItems 1
     */
    [k: string]: Tier[];
  };
  default_policy?: string;
  router?: Router;
  server?: Server;
  cache?: Cache;
  fleet?: Fleet;
  /**
   * Legacy; not supported: reported as having no effect.
   */
  routing_rules?: {
    [k: string]: unknown;
  };
  /**
   * Legacy; not supported: reported as having no effect.
   */
  special_cases?: {
    [k: string]: unknown;
  };
  /**
   * Free-form documentation; has no effect.
   */
  metadata?: {
    [k: string]: unknown;
  };
  /**
   * Free-form documentation; has no effect.
   */
  notes?: string;
}
export interface Alias {
  description?: string;
  /**
   * @minItems 1
   */
  deployments: Deployment[];
  fallbacks?: string[];
  routing_strategy?: Strategy;
}
export interface Deployment {
  provider: string;
  /**
   * The provider's model; default: the alias/group name.
   */
  model?: string;
  weight?: number;
  /**
   * Overrides the provider's tier for this deployment.
   */
  tier?: 'free' | 'internal' | 'direct' | 'premium';
  rpm?: number;
  tpm?: number;
  timeout?: Seconds;
}
export interface ExactMatch {
  provider: string;
  priority?: 'primary' | 'secondary' | 'tertiary';
  /**
   * A model group, or a provider serving the same model.
   */
  fallback?: string | null;
  description?: string;
  backend_model?: string;
  weight?: number;
  tier?: Tier;
}
export interface Pattern {
  pattern: string;
  provider: string;
  fallback?: string | null;
  description?: string;
}
export interface Capability {
  description?: string;
  preferred_models?: string[];
  provider?: string;
  providers?: string[];
  fallback?: string | null;
  routing_strategy?: Strategy;
  min_model_size?: string | number;
  min_context?: number;
  complexity_thresholds?: {
    [k: string]: unknown;
  };
  context_thresholds?: {
    [k: string]: unknown;
  };
  notes?: string;
}
export interface LbGroup {
  /**
   * @minItems 1
   */
  providers: {
    provider: string;
    weight?: number;
    model?: string;
    preferred_model?: string;
    condition?: string;
  }[];
  strategy?: Strategy;
  description?: string;
  parameters?: {
    [k: string]: unknown;
  };
}
export interface FallbackChain {
  description?: string;
  chain:
    | (
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
          }
      )[]
    | null;
  tier?: string;
  notes?: string;
  retry_attempts?: number;
  retry_delay_ms?: number;
}
export interface Router {
  routing_strategy?: Strategy;
  num_retries?: number;
  retry_after?: number;
  timeout?: Seconds;
  stream_timeout?: Seconds;
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
export interface Server {
  /**
   * os.environ/VAR or ${VAR}: never the key itself.
   */
  master_key?: string;
  /**
   * Further accepted client keys, as os.environ/VAR references (rotation).
   */
  keys?: string[];
  max_request_size_mb?: number;
  cors_origins?: string[];
  rate_limit?: {
    rpm?: number;
    tpm?: number;
  };
}
export interface Cache {
  type: 'local' | 'redis';
  ttl?: number;
  namespace?: string;
  host?: string;
  port?: number | string;
  password?: string;
}
/**
 * Fleet mode of rmctl serve (replicas sharing state through router.redis_*): Redis key namespace, per-command timeout on the request path, background sync interval. Compiled into rainymodel.fleet.
 */
export interface Fleet {
  namespace?: string;
  redis_timeout_ms?: number;
  sync_interval_ms?: number;
}
