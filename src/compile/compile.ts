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
} from '../shared/compiled-config.js';
import type { Env } from '../shared/env.js';
import { concreteValue, secretValue } from './env-values.js';
import type { Model, Provider, ProviderType } from '../config/model.js';
import { deploymentOrders, deploymentWeights } from '../config/order.js';
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

/**
 * The api_base LiteLLM calls: the base URL with its variables resolved (see env-values.ts), then the
 * type's path rule applied to the concrete URL, so `${VLLM_URL:-http://h:8000/v1}` gives `/v1` once.
 * An `os.environ/VAR` base is used by LiteLLM as it is: validate says what its value must look like.
 */
export function apiBaseFor(p: Provider, deployEnv?: Env): string | undefined {
  if (!p.baseUrl) return undefined;
  const { value } = concreteValue(p.baseUrl, deployEnv);
  if (value.startsWith('os.environ/')) return value;
  return normalizedBase(p.type, value);
}

export function normalizedBase(type: ProviderType, url: string): string {
  let base = url.replace(/\/+$/, '');
  if (type === 'ollama' || type === 'anthropic') base = base.replace(/\/v1$/, '');
  else if (NEEDS_V1.has(type) && !/\/v1$/.test(base)) base += '/v1';
  return base;
}

export interface CompileOptions {
  /** The environment the file is deployed into (`rmctl apply`); generate and validate leave it out. */
  deployEnv?: Env;
}

export function compile(model: Model, routing: Routing, sourcesSha256: string, options: CompileOptions = {}): CompiledConfig {
  const { deployEnv } = options;
  const modelList: Deployment[] = [];
  const groupsBlock: NonNullable<RainymodelBlock['groups']> = {};
  let ordered = false;
  for (const g of routing.groups) {
    // LiteLLM tries lower `order` first, so a stock LiteLLM follows the default policy; `rmctl serve`
    // reorders tiers per request policy.
    const orders = deploymentOrders(model, g);
    const weights = deploymentWeights(g);
    g.deployments.forEach((d, i) => {
      if (orders[i] !== undefined) ordered = true;
      modelList.push(...deploymentsFor(g.name, d, { order: orders[i], weight: weights[i], description: g.description, deployEnv }));
    });
    if (g.description || g.strategy) {
      const entry: (typeof groupsBlock)[string] = {};
      if (g.description) entry.description = g.description;
      if (g.strategy) entry.routing_strategy = g.strategy;
      groupsBlock[g.name] = entry;
    }
  }

  const config: CompiledConfig = { model_list: modelList, router_settings: routerSettingsFor(model, routing, ordered, deployEnv) };
  config.litellm_settings = litellmSettingsFor(model, deployEnv);
  const s = model.server;
  if (s.masterKey || s.maxRequestSizeMb !== undefined) {
    config.general_settings = {};
    if (s.masterKey) config.general_settings.master_key = secretValue(s.masterKey.name);
    if (s.maxRequestSizeMb !== undefined) config.general_settings.max_request_size_mb = s.maxRequestSizeMb;
  }
  config.rainymodel = rainymodelBlockFor(model, routing, sourcesSha256, groupsBlock, deployEnv);
  return config;
}

function routerSettingsFor(model: Model, routing: Routing, ordered: boolean, deployEnv: Env | undefined): RouterSettings {
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
  // LiteLLM honours `order` only with pre-call checks on; an explicit `false` is kept (validate warns).
  if (ordered && r.enable_pre_call_checks === undefined) router.enable_pre_call_checks = true;
  const fallbacks: FallbackEntry[] = routing.fallbacks.map((f) => ({ [f.from]: f.targets.map((t) => t.name) }));
  if (fallbacks.length) router.fallbacks = fallbacks;
  if (routing.defaultFallbacks.length) router.default_fallbacks = routing.defaultFallbacks;
  if (routing.groupAliases.length) router.model_group_alias = Object.fromEntries(routing.groupAliases);
  if (r.redis_host !== undefined) router.redis_host = concreteValue(r.redis_host, deployEnv).value;
  if (r.redis_port !== undefined) router.redis_port = typeof r.redis_port === 'string' ? concreteValue(r.redis_port, deployEnv).value : r.redis_port;
  if (r.redis_password !== undefined) router.redis_password = secretValue(r.redis_password);
  if (r.redis_db !== undefined) router.redis_db = typeof r.redis_db === 'string' ? concreteValue(r.redis_db, deployEnv).value : r.redis_db;
  return router;
}

function litellmSettingsFor(model: Model, deployEnv: Env | undefined): NonNullable<CompiledConfig['litellm_settings']> {
  const litellm: NonNullable<CompiledConfig['litellm_settings']> = { drop_params: true };
  const c = model.cache;
  if (!c) return litellm;
  litellm.cache = true;
  litellm.cache_params = { type: c.type };
  if (c.host !== undefined) litellm.cache_params.host = concreteValue(c.host, deployEnv).value;
  if (c.port !== undefined) litellm.cache_params.port = typeof c.port === 'string' ? concreteValue(c.port, deployEnv).value : c.port;
  if (c.password !== undefined) litellm.cache_params.password = secretValue(c.password);
  if (c.ttl !== undefined) litellm.cache_params.ttl = c.ttl;
  if (c.namespace !== undefined) litellm.cache_params.namespace = c.namespace;
  return litellm;
}

function rainymodelBlockFor(
  model: Model,
  routing: Routing,
  sourcesSha256: string,
  groupsBlock: NonNullable<RainymodelBlock['groups']>,
  deployEnv: Env | undefined,
): RainymodelBlock {
  const s = model.server;
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
      out.deployments = p.deployments.flatMap((d) => deploymentsFor('{model}', d, { order: d.order, weight: d.weight, deployEnv }));
      return out;
    });
  }
  if (s.keys.length) block.auth = { keys: s.keys.map((k) => secretValue(k.name)) };
  if (s.corsOrigins.length) block.cors = { allow_origins: s.corsOrigins };
  if (s.rateLimit) block.rate_limit = s.rateLimit;
  if (model.fleet && Object.keys(model.fleet).length) block.fleet = { ...model.fleet };
  return block;
}

interface DeploymentPlacement {
  order?: number;
  weight?: number;
  description?: string;
  deployEnv?: Env;
}

/** One deployment per credential: keys rotate as separate deployments, each cooled down on its own. */
function deploymentsFor(publicName: string, d: ResolvedDeployment, placement: DeploymentPlacement): Deployment[] {
  const { order, weight, description } = placement;
  const p = d.provider;
  const mode = d.providerModel?.mode ?? 'chat';
  const prefix = prefixFor(p, mode);
  const base: LitellmParams = { model: `${prefix}/${d.model}` };
  const apiBase = apiBaseFor(p, placement.deployEnv);
  if (apiBase) base.api_base = apiBase;
  if (d.rpm !== undefined) base.rpm = d.rpm;
  if (d.tpm !== undefined) base.tpm = d.tpm;
  if (d.timeout !== undefined) base.timeout = d.timeout;
  if (p.streamTimeout !== undefined) base.stream_timeout = p.streamTimeout;
  if (p.maxParallel !== undefined) base.max_parallel_requests = p.maxParallel;
  if (weight !== undefined) base.weight = weight;
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
