// GENERATED from schemas/providers.schema.json by scripts/source-types.mjs (json-schema-to-typescript): do not edit.
// Change the schema, then run `npm run gen:source-types`; test/compiler/source-types.test.ts fails until you do.

export type EnvName = string;
export type Seconds = number;
export type Model =
  | string
  | {
      name: string;
      mode?: 'chat' | 'completion' | 'embedding';
      description?: string;
      notes?: string;
      size?: string | number;
      quantization?: string;
      pulled_at?: string;
      specialty?: string;
      context_length?: number;
      tags?: (string | number)[];
      model_size_gb?: number;
      kv_cache_available_gb?: number;
      supports_vision?: boolean;
      supports_function_calling?: boolean;
      supports_tool_use?: boolean;
      keep_alive?: string | number;
      /**
       * Ollama model options, sent with every request.
       */
      options?: {
        [k: string]: unknown;
      };
    };

/**
 * Every LLM backend: its type, tier, status, base URL, credentials (environment-variable names, never values), limits and models. Accepts the registry format teams already keep, documentation fields included.
 */
export interface ProvidersSource {
  providers: {
    [k: string]: Provider;
  };
  /**
   * Free-form documentation; has no effect.
   */
  metadata?: {
    [k: string]: unknown;
  };
  /**
   * Free-form documentation of the team's own health checks; has no effect on routing.
   */
  health_checks?: {
    [k: string]: unknown;
  };
}
export interface Provider {
  /**
   * Decides the LiteLLM prefix and the api_base rules. tool_server and web_ui are services a registry may list beside its model servers: accepted, left out of the compiled file.
   */
  type:
    | 'ollama'
    | 'llama_cpp'
    | 'vllm'
    | 'openai'
    | 'anthropic'
    | 'openai_compatible'
    | 'gemini'
    | 'deepseek'
    | 'xai'
    | 'openrouter'
    | 'huggingface'
    | 'tool_server'
    | 'web_ui';
  /**
   * Routing tier; policies order tiers. Default: from the type (local servers internal, API providers direct, openrouter premium, huggingface free).
   */
  tier?: 'free' | 'internal' | 'direct' | 'premium';
  status?: 'active' | 'disabled' | 'pending_integration' | 'template';
  /**
   * May use ${VAR} or ${VAR:-default}; expanded at deploy/serve time.
   */
  base_url?: string;
  /**
   * Names of environment variables holding keys, used in rotation.
   *
   * @minItems 1
   */
  api_keys?: EnvName[];
  /**
   * Name of the environment variable holding the key.
   */
  api_key_env?: string;
  /**
   * Legacy spelling of api_key_env.
   */
  env_var?: string;
  /**
   * Only os.environ/VAR, ${VAR} or a non-secret placeholder such as `not-needed`; a literal key is an error.
   */
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
  timeout?: Seconds;
  stream_timeout?: Seconds;
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
  configuration?: {
    [k: string]: unknown;
  };
  hardware_requirements?: {
    [k: string]: unknown;
  };
  gpu_memory_utilization?: number;
  max_model_len?: number;
  cost_per_1k_tokens?: {
    [k: string]: unknown;
  };
  models?: Model[] | null;
}
