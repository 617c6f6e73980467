// The project layout's default paths, relative to the working directory (no imports: any command may use them).
export const DEFAULT_PROVIDERS = 'providers/providers.yaml';
export const DEFAULT_MAPPINGS = 'mappings/model-mappings.yaml';
/** Where `rmctl generate` writes the compiled config, and what serve and explain read by default. */
export const DEFAULT_COMPILED = 'generated/litellm-unified.yaml';
