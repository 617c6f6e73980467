// Step 5: model + routing -> LiteLLM config object. Pure and deterministic: the same inputs give the
// same object, keys and lists in a stable order. Secrets appear only as `os.environ/VAR`.
import type {
  CompiledConfig,
  Deployment,
  FallbackEntry,
  LitellmParams,
  ModelInfo,
  RainymodelBlock,
  RouterSettings,
  Tier,
} from '../shared/compiled-config.js';
import { wholeEnvReference } from '../shared/env.js';
import type { Model, Provider, ProviderType } from '../config/model.js';
import type { ResolvedDeployment, Routing } from '../config/resolve.js';

/** The LiteLLM prefix of each provider type (the provider comes from the prefix; there is no `provider:` key). */
const PREFIX: Record<ProviderType, string> = {
  ollama: 'ollama_chat',
  llama_cpp: 'openai',
  vllm: 'hosted_vllm',
  openai: 'openai',
  anthropic: 'anthropic',
  openai_compatible: 'openai',
  gemini: 'gemini',
  deepseek: 'deepseek',
  xai: 'xai',
  openrouter: 'openrouter',
  huggingface: 'huggingface',
};

/** OpenAI-compatible servers are addressed at their `/v1` root. */
const NEEDS_V1 = new Set<ProviderType>(['llama_cpp', 'vllm', 'openai_compatible', 'openai']);
/** The OpenAI client LiteLLM uses for `openai/` refuses to start without some key, even for local servers. */
const PLACEHOLDER_FOR_OPENAI_PREFIX = 'not-needed';

export function prefixFor(p: Provider, mode: string | undefined): string {
  // ollama_chat/ is chat only: LiteLLM's completion (/api/generate) and embedding (/api/embed) calls use ollama/.
  if (p.type === 'ollama' && (mode === 'completion' || mode === 'embedding')) return 'ollama';
  return PREFIX[p.type];
}

export function apiBaseFor(p: Provider): string | undefined {
  if (!p.baseUrl) return undefined;
  let base = p.baseUrl.replace(/\/+$/, '');
  if (p.type === 'ollama') base = base.replace(/\/v1$/, '');
  else if (p.type === 'anthropic') base = base.replace(/\/v1$/, '');
  else if (NEEDS_V1.has(p.type) && !/\/v1$/.test(base)) base += '/v1';
  const whole = wholeEnvReference(base);
  return whole ? `os.environ/${whole}` : base;
}

export function compile(model: Model, routing: Routing, sourcesSha256: string): CompiledConfig {
  const defaultTiers = model.policies[model.defaultPolicy.name] ?? model.policies.auto;
  const tierRank = (t: Tier) => {
    const i = defaultTiers.indexOf(t);
    return i < 0 ? defaultTiers.length : i;
  };

  const modelList: Deployment[] = [];
  const groupsBlock: NonNullable<RainymodelBlock['groups']> = {};
  for (const g of routing.groups) {
    // LiteLLM tries lower `order` first: rank deployments by (default policy tier, priority), so a stock
    // LiteLLM follows the default policy; `rmctl serve` reorders tiers per request policy.
    const keyOf = (d: ResolvedDeployment) => tierRank(d.tier) * 1000 + (d.order ?? 1);
    const keys = [...new Set(g.deployments.map(keyOf))].sort((a, b) => a - b);
    for (const d of g.deployments) {
      const order = keys.length > 1 ? keys.indexOf(keyOf(d)) + 1 : undefined;
      modelList.push(...deploymentsFor(g.name, d, order, g.description));
    }
    if (g.description || g.strategy) {
      groupsBlock[g.name] = {};
      if (g.description) groupsBlock[g.name].description = g.description;
      if (g.strategy) groupsBlock[g.name].routing_strategy = g.strategy;
    }
  }

  const r = model.router;
  const router: RouterSettings = {
    routing_strategy: r.routing_strategy,
    num_retries: r.num_retries,
    allowed_fails: r.allowed_fails,
    cooldown_time: r.cooldown_time,
  };
  for (const key of ['retry_after', 'timeout', 'stream_timeout', 'disable_cooldowns', 'max_fallbacks', 'enable_pre_call_checks'] as const) {
    if (r[key] !== undefined) (router as Record<string, unknown>)[key] = r[key];
  }
  const fallbacks: FallbackEntry[] = routing.fallbacks.map((f) => ({ [f.from]: f.targets.map((t) => t.name) }));
  if (fallbacks.length) router.fallbacks = fallbacks;
  if (routing.defaultFallbacks.length) router.default_fallbacks = routing.defaultFallbacks;
  if (routing.groupAliases.length) router.model_group_alias = Object.fromEntries(routing.groupAliases);
  for (const key of ['redis_host', 'redis_port', 'redis_password', 'redis_db'] as const) {
    if (r[key] !== undefined) (router as Record<string, unknown>)[key] = envForm(r[key]);
  }

  const config: CompiledConfig = { model_list: modelList, router_settings: router };

  const litellm: NonNullable<CompiledConfig['litellm_settings']> = { drop_params: true };
  if (model.cache) {
    litellm.cache = true;
    const c = model.cache;
    litellm.cache_params = { type: c.type };
    if (c.host !== undefined) litellm.cache_params.host = envForm(c.host);
    if (c.port !== undefined) litellm.cache_params.port = envForm(c.port);
    if (c.password !== undefined) litellm.cache_params.password = envForm(c.password);
    if (c.ttl !== undefined) litellm.cache_params.ttl = c.ttl;
    if (c.namespace !== undefined) litellm.cache_params.namespace = c.namespace;
  }
  config.litellm_settings = litellm;

  const s = model.server;
  if (s.masterKey || s.maxRequestSizeMb !== undefined) {
    config.general_settings = {};
    if (s.masterKey) config.general_settings.master_key = envForm(s.masterKey.name);
    if (s.maxRequestSizeMb !== undefined) config.general_settings.max_request_size_mb = s.maxRequestSizeMb;
  }

  const block: RainymodelBlock = {
    version: 1,
    sources_sha256: sourcesSha256,
    default_policy: model.defaultPolicy.name,
    policies: model.policies,
  };
  if (Object.keys(groupsBlock).length) block.groups = groupsBlock;
  if (routing.patterns.length) {
    block.patterns = routing.patterns.map((p) => {
      const out: NonNullable<RainymodelBlock['patterns']>[number] = { pattern: p.pattern, deployments: [] };
      if (p.description) out.description = p.description;
      out.deployments = p.deployments.flatMap((d) => deploymentsFor('{model}', d, d.order, undefined));
      return out;
    });
  }
  if (s.keys.length) block.auth = { keys: s.keys.map((k) => envForm(k.name)) };
  if (s.corsOrigins.length) block.cors = { allow_origins: s.corsOrigins };
  if (s.rateLimit) block.rate_limit = s.rateLimit;
  if (model.fleet && Object.keys(model.fleet).length) block.fleet = { ...model.fleet };
  config.rainymodel = block;
  return config;
}

/** `${VAR}` alone becomes LiteLLM's `os.environ/VAR`; anything else is kept as written. */
function envForm<T extends string | number>(value: T): T | string {
  if (typeof value !== 'string') return value;
  const whole = wholeEnvReference(value);
  return whole ? `os.environ/${whole}` : value;
}

/** One deployment per credential: keys rotate as separate deployments, each cooled down on its own. */
function deploymentsFor(publicName: string, d: ResolvedDeployment, order: number | undefined, description: string | undefined): Deployment[] {
  const p = d.provider;
  const mode = d.providerModel?.mode ?? 'chat';
  const prefix = prefixFor(p, mode);
  const base: LitellmParams = { model: `${prefix}/${d.model}` };
  const apiBase = apiBaseFor(p);
  if (apiBase) base.api_base = apiBase;
  if (d.rpm !== undefined) base.rpm = d.rpm;
  if (d.tpm !== undefined) base.tpm = d.tpm;
  if (d.timeout !== undefined) base.timeout = d.timeout;
  if (p.streamTimeout !== undefined) base.stream_timeout = p.streamTimeout;
  if (p.maxParallel !== undefined) base.max_parallel_requests = p.maxParallel;
  if (d.weight !== undefined) base.weight = d.weight;
  if (order !== undefined) base.order = order;
  if (d.providerModel?.keepAlive !== undefined) base.keep_alive = d.providerModel.keepAlive;
  if (d.providerModel?.options) base.extra_body = { options: d.providerModel.options };

  const info: ModelInfo = { id: d.id, mode, rainymodel_tier: d.tier, provider: p.key, provider_type: p.type, upstream_model: d.model };
  if (description) info.description = description;
  if (d.providerModel?.contextLength !== undefined) info.max_input_tokens = d.providerModel.contextLength;
  if (d.providerModel?.supportsFunctionCalling !== undefined) info.supports_function_calling = d.providerModel.supportsFunctionCalling;
  if (d.providerModel?.supportsVision !== undefined) info.supports_vision = d.providerModel.supportsVision;

  if (p.credentials.length === 0) {
    const params = { ...base };
    if (p.placeholderKey) params.api_key = p.placeholderKey;
    else if (prefix === 'openai' && p.type !== 'openai') params.api_key = PLACEHOLDER_FOR_OPENAI_PREFIX;
    return [{ model_name: publicName, litellm_params: reorder(params), model_info: info }];
  }
  return p.credentials.map((cred, i) => ({
    model_name: publicName,
    litellm_params: reorder({ ...base, api_key: `os.environ/${cred}` }),
    model_info: { ...info, id: i === 0 ? d.id : `${d.id}#${i + 1}`, credential: cred },
  }));
}

/** A fixed key order keeps the output readable and byte-stable. */
const PARAM_ORDER = ['model', 'api_base', 'api_key', 'rpm', 'tpm', 'timeout', 'stream_timeout', 'max_parallel_requests', 'weight', 'order', 'keep_alive', 'extra_body'];
function reorder(params: LitellmParams): LitellmParams {
  const out: Record<string, unknown> = {};
  for (const k of PARAM_ORDER) if (params[k] !== undefined) out[k] = params[k];
  return out as LitellmParams;
}
