// Step 3, the registry: providers.yaml's entries -> Provider (type, tier, status, credentials as variable
// names, limits, models). Services that are not model servers (tool_server, web_ui) are set aside.
import type { Tier } from '../shared/compiled-config.js';
import { wholeEnvReference, withDefaults } from '../shared/env.js';
import { originsUnder, type At, type Reporter } from './context.js';
import type { NonLlmType, Origin, Provider, ProviderModel, ProviderType } from './model.js';
import type { RawProvider, RawProvidersFile } from './raw.js';
import { joinPointer } from '../shared/json-pointer.js';

/** The key a provider type reads when the registry names none (LiteLLM reads the same variables). */
const DEFAULT_KEY_ENV: Partial<Record<ProviderType, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  gemini: 'GEMINI_API_KEY',
  deepseek: 'DEEPSEEK_API_KEY',
  xai: 'XAI_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  huggingface: 'HF_TOKEN',
};

const LOCAL_TYPES: ReadonlySet<ProviderType> = new Set(['ollama', 'llama_cpp', 'vllm', 'openai_compatible']);

/** A placeholder some local servers want as a key; never a secret. */
const PLACEHOLDER_KEY = /^[a-z][a-z-]{0,15}$/;

function defaultTier(type: ProviderType, baseUrl: string | undefined): Tier {
  if (type === 'openrouter') return 'premium';
  if (type === 'huggingface') return 'free';
  if (!LOCAL_TYPES.has(type)) return 'direct';
  // A "local" server type hosted by someone else over https (Ollama Cloud, say) is a direct API.
  const url = withDefaults(baseUrl ?? '');
  return /^https:\/\//.test(url) && !/^https:\/\/(localhost|127\.|\[::1\])/.test(url) ? 'direct' : 'internal';
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
  const at = originsUnder(origin.file, origin.pointer);
  const keys = credentialsOf(type, p, origin, at);
  const models = modelsOf(p, at);
  const limits = p.rate_limits;
  if (limits?.hourly !== undefined || limits?.daily !== undefined) {
    const field = limits.hourly !== undefined ? 'hourly' : 'daily';
    reporter.info(
      'effect/none',
      at('rate_limits', field),
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
    ...keys,
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

type Credentials = Pick<Provider, 'credentials' | 'credentialOrigins' | 'placeholderKey' | 'literalKey'>;

/** Key variables in rotation order (api_keys, api_key_env, env_var, api_key: ${VAR}), else the type's default. */
function credentialsOf(type: ProviderType, p: RawProvider, origin: Origin, at: At): Credentials {
  const out: Credentials = { credentials: [], credentialOrigins: new Map(), placeholderKey: undefined, literalKey: undefined };
  const add = (name: string, where: Origin) => {
    if (out.credentials.includes(name)) return;
    out.credentials.push(name);
    out.credentialOrigins.set(name, where);
  };
  (p.api_keys ?? []).forEach((name, i) => add(name, at('api_keys', i)));
  if (p.api_key_env) add(p.api_key_env, at('api_key_env'));
  if (p.env_var) add(p.env_var, at('env_var'));
  if (p.api_key !== undefined) {
    const ref = wholeEnvReference(p.api_key);
    if (ref) add(ref, at('api_key'));
    else if (PLACEHOLDER_KEY.test(p.api_key)) out.placeholderKey = p.api_key;
    else out.literalKey = { value: p.api_key, origin: at('api_key') };
  }
  const defaultKey = DEFAULT_KEY_ENV[type];
  if (out.credentials.length === 0 && !out.placeholderKey && !out.literalKey && defaultKey) add(defaultKey, origin);
  return out;
}

/** The models as declared: a bare name, or a map with its options. */
function modelsOf(p: RawProvider, at: At): ProviderModel[] {
  return (p.models ?? []).map((m, i) => {
    const origin = at('models', i);
    if (typeof m === 'string') return { name: m, origin };
    return {
      name: m.name,
      mode: m.mode,
      options: m.options,
      keepAlive: m.keep_alive,
      contextLength: m.context_length,
      supportsFunctionCalling: m.supports_function_calling ?? m.supports_tool_use,
      supportsVision: m.supports_vision,
      specialty: m.specialty,
      origin,
    };
  });
}
