// The compiled LiteLLM config: prefixes and api_base rules per provider type, env references, key
// rotation, order by tier, fallbacks, the rainymodel block, no secret values, and schema validity
// (checked here with a separate ajv instance, not the compiler's own check).
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildFromTexts, type BuildResult } from '../../src/compile/index.js';
import { GENERATED_MARKER } from '../../src/compile/emit.js';
import type { CompiledConfig, Deployment } from '../../src/shared/compiled-config.js';
import type { Env } from '../../src/shared/env.js';
import { build, formatDiagnostic, MAPPINGS_FILE, nth, PROVIDERS_FILE, providersWith, yaml, type BuildInput } from './helpers.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateOutput = ajv.compile(JSON.parse(readFileSync(new URL('../../schemas/litellm-config.schema.json', import.meta.url), 'utf8')) as object);

/** Builds, requires success, checks the output against the schema (object and re-parsed text), returns it. */
function compileOk(input: BuildInput): { config: CompiledConfig; text: string; result: BuildResult } {
  const result = build(input);
  if (!result.ok || !result.config || !result.text) {
    throw new Error(`expected a successful build:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  }
  const fromText = parse(result.text) as CompiledConfig;
  expect(fromText).toEqual(result.config);
  for (const value of [result.config, fromText]) {
    const valid = validateOutput(value);
    expect(valid ? [] : validateOutput.errors).toEqual([]);
  }
  return { config: result.config, text: result.text, result };
}

function group(config: CompiledConfig, name: string): Deployment[] {
  return config.model_list.filter((d) => d.model_name === name);
}

function one(config: CompiledConfig, name: string): Deployment {
  const list = group(config, name);
  expect(list).toHaveLength(1);
  return nth(list, 0);
}

/** Every value of env must be absent from the text (values of 4+ characters, so the check means something). */
function expectNoEnvValues(text: string, env: Env): void {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.length < 4) continue;
    expect(text.includes(value), `the value of ${name} appears in the output`).toBe(false);
  }
}

const ALL_TYPES = yaml`
  providers:
    ol:
      type: ollama
      base_url: http://10.0.0.1:11434/
      models:
        - llama3.1:8b
        - {name: llama-base, mode: completion}
    ol_v1:
      type: ollama
      base_url: http://10.0.0.2:11434/v1
      models: [phi3]
    vl:
      type: vllm
      base_url: http://10.0.0.3:8000
      models: [Qwen/Qwen2.5-7B]
    vl_v1:
      type: vllm
      base_url: http://10.0.0.4:8000/v1/
      models: [mistral-7b]
    lc:
      type: llama_cpp
      base_url: http://10.0.0.5:8080
      models: [gguf-model]
    oc:
      type: openai_compatible
      base_url: http://10.0.0.6:9000/v1
      models: [compat-model]
    oc_key:
      type: openai_compatible
      base_url: https://compat.example.com
      api_key_env: COMPAT_KEY
      models: [compat-keyed]
    oa:
      type: openai
      models: [gpt-4o]
    an:
      type: anthropic
      base_url: https://api.anthropic.com/v1
      models: [claude-sonnet-4-0]
    ge:
      type: gemini
      models: [gemini-2.0-flash]
    ds:
      type: deepseek
      models: [deepseek-chat]
    xa:
      type: xai
      models: [grok-2]
    orr:
      type: openrouter
      models: [meta-llama/llama-3-70b]
    hf:
      type: huggingface
      api_keys: [HF_TOKEN]
      models: [Qwen/Qwen2.5-72B-Instruct]
`;

const ALL_ENV: Env = {
  COMPAT_KEY: 'compat-secret-value-123',
  OPENAI_API_KEY: 'sk-openai-secret-value-456',
  ANTHROPIC_API_KEY: 'sk-ant-secret-value-789',
  GEMINI_API_KEY: 'AIza-secret-value-000',
  DEEPSEEK_API_KEY: 'ds-secret-value-111',
  XAI_API_KEY: 'xai-secret-value-222',
  OPENROUTER_API_KEY: 'sk-or-secret-value-333',
  HF_TOKEN: 'hf_secret_value_444',
};

describe('provider types', () => {
  const { config, text } = compileOk({ providers: ALL_TYPES, env: ALL_ENV });
  const params = (name: string) => one(config, name).litellm_params;

  it('ollama: ollama_chat/ prefix, api_base without /v1 or trailing slash, no key', () => {
    expect(params('llama3.1:8b')).toEqual({ model: 'ollama_chat/llama3.1:8b', api_base: 'http://10.0.0.1:11434' });
    expect(params('phi3')).toEqual({ model: 'ollama_chat/phi3', api_base: 'http://10.0.0.2:11434' });
  });

  it('ollama embedding models use the ollama/ prefix (LiteLLM embeds through ollama/, not ollama_chat/)', () => {
    const { config } = compileOk({ providers: yaml`
      providers:
        ol:
          type: ollama
          base_url: http://10.0.0.1:11434
          models:
            - {name: nomic-embed-text, mode: embedding}
    ` });
    expect(one(config, 'nomic-embed-text').litellm_params.model).toBe('ollama/nomic-embed-text');
    expect(one(config, 'nomic-embed-text').model_info?.mode).toBe('embedding');
  });

  it('ollama completion models use the ollama/ prefix', () => {
    expect(params('llama-base').model).toBe('ollama/llama-base');
    expect(one(config, 'llama-base').model_info?.mode).toBe('completion');
  });

  it('vllm: hosted_vllm/ prefix, api_base ending in /v1 (added once, never twice)', () => {
    expect(params('Qwen/Qwen2.5-7B')).toEqual({ model: 'hosted_vllm/Qwen/Qwen2.5-7B', api_base: 'http://10.0.0.3:8000/v1' });
    expect(params('mistral-7b')).toEqual({ model: 'hosted_vllm/mistral-7b', api_base: 'http://10.0.0.4:8000/v1' });
  });

  it('llama_cpp and openai_compatible: openai/ prefix, api_base with /v1, a placeholder key', () => {
    expect(params('gguf-model')).toEqual({ model: 'openai/gguf-model', api_base: 'http://10.0.0.5:8080/v1', api_key: 'not-needed' });
    expect(params('compat-model')).toEqual({ model: 'openai/compat-model', api_base: 'http://10.0.0.6:9000/v1', api_key: 'not-needed' });
  });

  it('openai_compatible with a key: the key as os.environ/VAR instead of the placeholder', () => {
    expect(params('compat-keyed')).toEqual({ model: 'openai/compat-keyed', api_base: 'https://compat.example.com/v1', api_key: 'os.environ/COMPAT_KEY' });
  });

  it('anthropic: anthropic/ prefix, api_base without /v1', () => {
    expect(params('claude-sonnet-4-0')).toEqual({ model: 'anthropic/claude-sonnet-4-0', api_base: 'https://api.anthropic.com', api_key: 'os.environ/ANTHROPIC_API_KEY' });
  });

  it('API providers: their prefix and the key variable LiteLLM reads by default', () => {
    expect(params('gpt-4o')).toEqual({ model: 'openai/gpt-4o', api_key: 'os.environ/OPENAI_API_KEY' });
    expect(params('gemini-2.0-flash')).toEqual({ model: 'gemini/gemini-2.0-flash', api_key: 'os.environ/GEMINI_API_KEY' });
    expect(params('deepseek-chat')).toEqual({ model: 'deepseek/deepseek-chat', api_key: 'os.environ/DEEPSEEK_API_KEY' });
    expect(params('grok-2')).toEqual({ model: 'xai/grok-2', api_key: 'os.environ/XAI_API_KEY' });
    expect(params('meta-llama/llama-3-70b')).toEqual({ model: 'openrouter/meta-llama/llama-3-70b', api_key: 'os.environ/OPENROUTER_API_KEY' });
    expect(params('Qwen/Qwen2.5-72B-Instruct')).toEqual({ model: 'huggingface/Qwen/Qwen2.5-72B-Instruct', api_key: 'os.environ/HF_TOKEN' });
  });

  it('model_info carries the tier derived from the type, the provider and the upstream model', () => {
    const tiers = Object.fromEntries(config.model_list.map((d) => [d.model_info?.provider, d.model_info?.rainymodel_tier]));
    expect(tiers).toEqual({
      ol: 'internal', ol_v1: 'internal', vl: 'internal', vl_v1: 'internal', lc: 'internal', oc: 'internal',
      oc_key: 'direct', oa: 'direct', an: 'direct', ge: 'direct', ds: 'direct', xa: 'direct', orr: 'premium', hf: 'free',
    });
    // LiteLLM types model_info.tier (free | paid) and drops a deployment with any other value.
    expect(config.model_list.filter((d) => d.model_info && 'tier' in d.model_info)).toEqual([]);
    expect(one(config, 'gpt-4o').model_info).toMatchObject({ id: 'gpt-4o@oa/gpt-4o', provider_type: 'openai', upstream_model: 'gpt-4o', mode: 'chat' });
  });

  it('no key value from the environment appears in the output', () => {
    expectNoEnvValues(text, ALL_ENV);
    for (const d of config.model_list) {
      const key = d.litellm_params.api_key;
      if (key !== undefined) expect(key).toMatch(/^(os\.environ\/[A-Z_][A-Z0-9_]*|not-needed)$/);
    }
  });
});

describe('environment references', () => {
  it('${VAR} alone becomes os.environ/VAR; ${VAR:-default} is written as its default (LiteLLM expands no ${...}); values never appear', () => {
    const providers = yaml`
      providers:
        ol:
          type: ollama
          base_url: \${OLLAMA_URL}
          models: [m1]
        ol2:
          type: ollama
          base_url: \${OLLAMA2_URL:-http://127.0.0.1:11435}
          models: [m2]
        key:
          type: openai
          api_key: \${OPENAI_TOKEN}
          models: [gpt-4o]
    `;
    const mappings = yaml`
      server:
        master_key: \${RM_MASTER}
        keys: [os.environ/RM_CLIENT_1]
      router:
        redis_host: \${REDIS_HOST}
        redis_password: \${REDIS_PASSWORD}
    `;
    const env: Env = {
      OLLAMA_URL: 'http://secret-host.internal:11434',
      OLLAMA2_URL: 'http://other-host.internal:11435',
      OPENAI_TOKEN: 'sk-token-value-zzzz',
      RM_MASTER: 'sk-rm-master-value',
      RM_CLIENT_1: 'client-one-value',
      REDIS_HOST: 'redis.internal',
      REDIS_PASSWORD: 'redis-password-value',
    };
    const { config, text } = compileOk({ providers, mappings, env });
    expect(one(config, 'm1').litellm_params.api_base).toBe('os.environ/OLLAMA_URL');
    expect(one(config, 'm2').litellm_params.api_base).toBe('http://127.0.0.1:11435');
    expect(text).not.toContain('${');
    expect(one(config, 'gpt-4o').litellm_params.api_key).toBe('os.environ/OPENAI_TOKEN');
    expect(config.general_settings?.master_key).toBe('os.environ/RM_MASTER');
    expect(config.rainymodel?.auth).toEqual({ keys: ['os.environ/RM_CLIENT_1'] });
    expect(config.router_settings?.redis_host).toBe('os.environ/REDIS_HOST');
    expect(config.router_settings?.redis_password).toBe('os.environ/REDIS_PASSWORD');
    expectNoEnvValues(text, env);
  });

  it('at apply (deployEnv): non-secret values take the variable, then the path rule; secrets stay os.environ', () => {
    const providers = yaml`
      providers:
        ol:
          type: ollama
          base_url: \${OLLAMA_URL:-http://127.0.0.1:11434}
          models: [m1]
        vl:
          type: vllm
          base_url: \${VLLM_URL:-http://127.0.0.1:8000/v1}
          models: [m2]
        key:
          type: openai
          api_key: \${OPENAI_TOKEN}
          models: [gpt-4o]
    `;
    const mappings = yaml`
      router:
        redis_host: \${REDIS_HOST:-127.0.0.1}
        redis_password: \${REDIS_PASSWORD}
    `;
    const deployEnv: Env = { OLLAMA_URL: 'http://gpu:11434/v1', VLLM_URL: 'http://gpu:8000/v1', OPENAI_TOKEN: 'sk-token-value-zzzz', REDIS_HOST: '', REDIS_PASSWORD: 'pw-value-zz' };
    const generated = compileOk({ providers, mappings, env: deployEnv });
    // generate ignores the machine's environment: the defaults, /v1 once.
    expect(one(generated.config, 'm2').litellm_params.api_base).toBe('http://127.0.0.1:8000/v1');
    const r = buildFromTexts({ path: PROVIDERS_FILE, text: providers }, { path: MAPPINGS_FILE, text: mappings }, { env: deployEnv, deployEnv });
    const config = r.config as CompiledConfig;
    expect(one(config, 'm1').litellm_params.api_base).toBe('http://gpu:11434');
    expect(one(config, 'm2').litellm_params.api_base).toBe('http://gpu:8000/v1');
    expect(one(config, 'gpt-4o').litellm_params.api_key).toBe('os.environ/OPENAI_TOKEN');
    expect(config.router_settings?.redis_host).toBe('127.0.0.1'); // empty counts as unset: the default
    expect(config.router_settings?.redis_password).toBe('os.environ/REDIS_PASSWORD');
    expect(r.text).not.toContain('sk-token-value-zzzz');
    expect(r.text).not.toContain('pw-value-zz');
  });

  it('fleet settings and the cache namespace reach the places rmctl serve reads them', () => {
    const mappings = yaml`
      router:
        redis_host: 127.0.0.1
      fleet:
        namespace: team-a
        redis_timeout_ms: 15
        sync_interval_ms: 500
      cache:
        type: redis
        ttl: 60
        namespace: answers
    `;
    const { config } = compileOk({ providers: BASE_PROVIDERS_FOR_FLEET, mappings, env: {} });
    expect(config.rainymodel?.fleet).toEqual({ namespace: 'team-a', redis_timeout_ms: 15, sync_interval_ms: 500 });
    expect(config.litellm_settings?.cache_params).toEqual({ type: 'redis', ttl: 60, namespace: 'answers' });
  });
});

const BASE_PROVIDERS_FOR_FLEET = yaml`
  providers:
    local:
      type: ollama
      base_url: http://127.0.0.1:11434
      models: [m1]
`;

describe('key rotation', () => {
  const providers = yaml`
    providers:
      hf:
        type: huggingface
        tier: free
        api_keys: [HF_A, HF_B, HF_C]
        rate_limits: {rpm: 30}
        models: [Qwen/Qwen2.5-72B-Instruct]
  `;
  const mappings = yaml`
    aliases:
      rainymodel/auto:
        deployments: [{provider: hf, model: Qwen/Qwen2.5-72B-Instruct}]
  `;
  const env: Env = { HF_A: 'hf_aaaaaaaaaaaaaaaaaaaaaaaa', HF_B: 'hf_bbbbbbbbbbbbbbbbbbbbbbbb', HF_C: 'hf_cccccccccccccccccccccccc' };

  it('one deployment per key, each with its own id and credential, same params otherwise', () => {
    const { config, text } = compileOk({ providers, mappings, env });
    const list = group(config, 'rainymodel/auto');
    expect(list.map((d) => [d.model_info?.id, d.model_info?.credential, d.litellm_params.api_key])).toEqual([
      ['rainymodel/auto@hf/Qwen/Qwen2.5-72B-Instruct', 'HF_A', 'os.environ/HF_A'],
      ['rainymodel/auto@hf/Qwen/Qwen2.5-72B-Instruct#2', 'HF_B', 'os.environ/HF_B'],
      ['rainymodel/auto@hf/Qwen/Qwen2.5-72B-Instruct#3', 'HF_C', 'os.environ/HF_C'],
    ]);
    for (const d of list) expect(d.litellm_params.rpm).toBe(30);
    expectNoEnvValues(text, env);
  });

  it('model_info.id is unique across the whole output', () => {
    const { config } = compileOk({ providers: ALL_TYPES, env: ALL_ENV, mappings: yaml`
      aliases:
        both:
          deployments:
            - {provider: oa, model: gpt-4o}
            - {provider: hf, model: Qwen/Qwen2.5-72B-Instruct}
      exact_matches:
        gpt-4o-again:
          provider: oa
          backend_model: gpt-4o
    ` });
    const ids = config.model_list.map((d) => d.model_info?.id);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('order by tier', () => {
  const providers = yaml`
    providers:
      prem: {type: openrouter, api_keys: [OR_KEY], models: [m]}
      dir: {type: deepseek, api_keys: [DS_KEY], models: [m]}
      int: {type: ollama, base_url: "http://127.0.0.1:11434", models: [m]}
      fre: {type: huggingface, api_keys: [HF_KEY], models: [m]}
  `;
  const env: Env = { OR_KEY: 'x1', DS_KEY: 'x2', HF_KEY: 'x3' };
  const aliasFor = (extra = '') => yaml`
    ${extra}
    aliases:
      a:
        deployments:
          - {provider: prem, model: m}
          - {provider: dir, model: m}
          - {provider: int, model: m}
          - {provider: fre, model: m}
  `;

  it('LiteLLM order follows the default policy (auto: free, internal, direct, premium)', () => {
    const { config } = compileOk({ providers, mappings: aliasFor(), env });
    expect(group(config, 'a').map((d) => [d.model_info?.provider, d.litellm_params.order])).toEqual([
      ['prem', 4],
      ['dir', 3],
      ['int', 2],
      ['fre', 1],
    ]);
  });

  it('order turns on router_settings.enable_pre_call_checks (LiteLLM ignores order without it); one tier leaves it off', () => {
    expect(compileOk({ providers, mappings: aliasFor(), env }).config.router_settings?.enable_pre_call_checks).toBe(true);
    const onlyOne = yaml`
      providers:
        prem: {type: openrouter, api_keys: [OR_KEY], models: [m]}
    `;
    expect(compileOk({ providers: onlyOne, mappings: aliasFor().replace(/\n.*provider: (dir|int|fre).*/g, ''), env }).config.router_settings).not.toHaveProperty('enable_pre_call_checks');
    const off = build({ providers, mappings: aliasFor('router: {enable_pre_call_checks: false}'), env });
    expect(off.diagnostics.map((d) => `${d.severity} ${d.code}`)).toContain('warning effect/order-ignored');
    expect(off.config?.router_settings?.enable_pre_call_checks).toBe(false);
  });

  it('weights are explicit on every deployment of a weighted group (LiteLLM gives 0 to a deployment without one)', () => {
    const p = yaml`
      providers:
        one: {type: ollama, base_url: "http://127.0.0.1:11434", models: [m], rate_limits: {rpm: 60}}
        two: {type: ollama, base_url: "http://127.0.0.1:11435", models: [m]}
        three: {type: openai, api_keys: [K1, K2], models: [m]}
    `;
    const mappings = yaml`
      aliases:
        w:
          deployments:
            - {provider: one, model: m}
            - {provider: two, model: m}
        split:
          deployments:
            - {provider: two, model: m, weight: 60}
            - {provider: three, model: m, weight: 40, tier: internal}
    `;
    const { config } = compileOk({ providers: p, mappings, env: { K1: 'a', K2: 'b' } });
    expect(group(config, 'w').map((d) => [d.litellm_params.rpm, d.litellm_params.weight])).toEqual([
      [60, 60],
      [undefined, 1],
    ]);
    // 60/40 per provider, though the second rotates two keys (two deployments of 20 each).
    expect(group(config, 'split').map((d) => d.litellm_params.weight)).toEqual([60, 20, 20]);
  });

  it('another default policy reorders (premium: direct, premium, free, internal)', () => {
    const { config } = compileOk({ providers, mappings: aliasFor('default_policy: premium'), env });
    expect(group(config, 'a').map((d) => [d.model_info?.provider, d.litellm_params.order])).toEqual([
      ['prem', 2],
      ['dir', 1],
      ['int', 4],
      ['fre', 3],
    ]);
    expect(config.rainymodel?.default_policy).toBe('premium');
  });

  it('a deployment tier override counts; one tier only means no order at all', () => {
    const mappings = yaml`
      aliases:
        a:
          deployments:
            - {provider: prem, model: m, tier: free}
            - {provider: fre, model: m}
    `;
    const { config } = compileOk({ providers, mappings, env });
    expect(group(config, 'a').map((d) => [d.model_info?.rainymodel_tier, d.litellm_params.order])).toEqual([
      ['free', undefined],
      ['free', undefined],
    ]);
  });

  it('an exact match priority and its provider fallback: primary first, then the fallback provider', () => {
    const p = yaml`
      providers:
        one: {type: ollama, base_url: "http://127.0.0.1:11434", models: [m]}
        two: {type: ollama, base_url: "http://127.0.0.1:11435", models: [m]}
    `;
    const mappings = yaml`
      exact_matches:
        m:
          provider: one
          priority: primary
          fallback: two
    `;
    const { config } = compileOk({ providers: p, mappings });
    expect(group(config, 'm').map((d) => [d.model_info?.provider, d.litellm_params.order])).toEqual([
      ['one', 1],
      ['two', 2],
    ]);
  });
});

describe('fallbacks, default fallbacks, capabilities', () => {
  const providers = providersWith('a, b, c, d');
  const mappings = yaml`
    fallback_chains:
      a:
        chain: [b, {primary: c, condition: always}]
      default:
        chain: [d]
    capabilities:
      coding:
        preferred_models: [c, a]
      fast:
        provider: local
  `;

  it('fallbacks in source order; the legacy dict step; default_fallbacks; model_group_alias for capabilities', () => {
    const { config, result } = compileOk({ providers, mappings });
    // `fast: {provider: local}` with four models and no specialty to choose by: left out, said (it used to
    // stand for all four groups, in whatever order they were declared).
    expect(config.router_settings?.fallbacks).toEqual([{ a: ['b', 'c'] }, { coding: ['a'] }]);
    expect(config.router_settings?.default_fallbacks).toEqual(['d']);
    expect(config.router_settings?.model_group_alias).toEqual({ coding: 'c' });
    // Every fallback target is a model group of the output.
    const names = new Set(config.model_list.map((d) => d.model_name));
    for (const entry of config.router_settings?.fallbacks ?? []) for (const targets of Object.values(entry)) for (const t of targets) expect(names.has(t)).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['route/empty-capability', 'ref/ambiguous-provider']);
  });

  it('router defaults and router settings pass through', () => {
    const { config } = compileOk({ providers, mappings: yaml`
      router:
        routing_strategy: latency-based-routing
        num_retries: 4
        timeout: 60
        stream_timeout: 30
        max_fallbacks: 3
    ` });
    expect(config.router_settings).toEqual({
      routing_strategy: 'latency-based-routing',
      num_retries: 4,
      allowed_fails: 3,
      cooldown_time: 30,
      timeout: 60,
      stream_timeout: 30,
      max_fallbacks: 3,
    });
    expect(compileOk({ providers }).config.router_settings).toEqual({ routing_strategy: 'simple-shuffle', num_retries: 2, allowed_fails: 3, cooldown_time: 30 });
  });
});

describe('the rainymodel block', () => {
  const providers = providersWith(
    'm',
    yaml`
      router:
        type: openrouter
        api_keys: [OR_KEY]
    `,
  );
  const mappings = yaml`
    aliases:
      rainymodel/auto:
        description: General purpose
        routing_strategy: least-busy
        deployments: [{provider: local, model: m}]
    patterns:
      - pattern: "^meta-llama/"
        provider: router
        description: Llama family via OpenRouter
        fallback: local
    policies:
      local-first: [internal, free]
  `;

  it('policies (defaults and the file\'s own), groups, patterns with {model}, the sources hash', () => {
    const { config, result } = compileOk({ providers, mappings, env: { OR_KEY: 'or-key-value-xyz' } });
    const block = config.rainymodel!;
    expect(block.version).toBe(1);
    expect(block.sources_sha256).toBe(result.sourcesSha256);
    expect(block.sources_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(block.default_policy).toBe('auto');
    expect(block.policies).toEqual({
      auto: ['free', 'internal', 'direct', 'premium'],
      free: ['free', 'internal', 'direct', 'premium'],
      uncensored: ['internal', 'free', 'direct', 'premium'],
      premium: ['direct', 'premium', 'free', 'internal'],
      'local-first': ['internal', 'free'],
    });
    expect(block.groups).toEqual({ 'rainymodel/auto': { description: 'General purpose', routing_strategy: 'least-busy' } });
    expect(block.patterns).toHaveLength(1);
    const pattern = nth(block.patterns, 0);
    expect(pattern.pattern).toBe('^meta-llama/');
    expect(pattern.description).toBe('Llama family via OpenRouter');
    expect(pattern.deployments.map((d) => [d.model_name, d.litellm_params.model, d.litellm_params.order, d.litellm_params.api_key])).toEqual([
      ['{model}', 'openrouter/{model}', 1, 'os.environ/OR_KEY'],
      ['{model}', 'ollama_chat/{model}', 2, undefined],
    ]);
    // Pattern deployments live only in the rainymodel block: a stock LiteLLM never sees `{model}`.
    expect(config.model_list.some((d) => d.litellm_params.model.includes('{model}'))).toBe(false);
  });

  it('the header marks the file generated and names the sources hash', () => {
    const { text, result } = compileOk({ providers, mappings, env: { OR_KEY: 'x' } });
    const lines = text.split('\n');
    expect(lines[0]).toBe(GENERATED_MARKER);
    expect(lines).toContain(`# sources-sha256: ${result.sourcesSha256}`);
  });

  it('is deterministic: the same inputs give the same bytes; another input gives another hash', () => {
    const a = compileOk({ providers, mappings, env: { OR_KEY: 'x' } });
    const b = compileOk({ providers, mappings, env: { OR_KEY: 'different', UNRELATED: '1' } });
    expect(b.text).toBe(a.text);
    const c = compileOk({ providers, mappings: mappings + '\n# a comment changes the hash\n', env: { OR_KEY: 'x' } });
    expect(c.result.sourcesSha256).not.toBe(a.result.sourcesSha256);
  });
});

describe('models nothing routes to', () => {
  it('are served under their own names; one declared by two providers is one group with both deployments', () => {
    const providers = yaml`
      providers:
        a: {type: ollama, base_url: "http://127.0.0.1:11434", models: [shared, only-a]}
        b: {type: ollama, base_url: "http://127.0.0.1:11435", models: [shared]}
    `;
    const { config, result } = compileOk({ providers });
    expect(result.diagnostics).toEqual([]);
    expect(config.model_list.map((d) => [d.model_name, d.model_info?.id])).toEqual([
      ['shared', 'shared@a/shared'],
      ['shared', 'shared@b/shared'],
      ['only-a', 'only-a@a/only-a'],
    ]);
  });

  it('a name an explicit route already uses stays that route\'s', () => {
    const providers = yaml`
      providers:
        a: {type: ollama, base_url: "http://127.0.0.1:11434", models: [shared]}
        b: {type: ollama, base_url: "http://127.0.0.1:11435", models: [shared]}
    `;
    const mappings = yaml`
      exact_matches:
        shared:
          provider: a
    `;
    const { config } = compileOk({ providers, mappings });
    expect(config.model_list.map((d) => d.model_info?.id)).toEqual(['shared@a/shared']);
  });
});

describe('refuses to compile on errors', () => {
  it('returns no config and no text, only diagnostics', () => {
    const r = build({ providers: yaml`
      providers:
        local: {type: ollama}
    ` });
    expect(r.ok).toBe(false);
    expect(r.config).toBeUndefined();
    expect(r.text).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['provider/missing-base-url']);
  });
});
