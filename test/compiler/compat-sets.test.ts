// The four real registries of ../shared/compat/ai-backend-unified (one team's repository at four commits):
// every error validate reports is a real problem in the file (judged by reading the files; listed here
// exactly), and what compiles is what the files declare: the load-balanced splits with all their members
// and weights, capabilities that stand for the right models, fallbacks without self-references.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFromTexts, type BuildResult } from '../../src/compile/index.js';
import type { CompiledConfig } from '../../src/shared/compiled-config.js';
import { MAPPINGS_FILE, PROVIDERS_FILE } from './helpers.js';

const COMPAT = fileURLToPath(new URL('../../../shared/compat/ai-backend-unified', import.meta.url));
const missing = !existsSync(COMPAT);
if (missing) console.warn(`[compat-sets] skipping: ${COMPAT} does not exist (the shared compat inputs are not on this machine)`);

function load(name: string): BuildResult {
  const dir = join(COMPAT, name);
  return buildFromTexts(
    { path: PROVIDERS_FILE, text: readFileSync(join(dir, 'providers.yaml'), 'utf8') },
    { path: MAPPINGS_FILE, text: readFileSync(join(dir, 'model-mappings.yaml'), 'utf8') },
    { env: {} },
  );
}

const errors = (r: BuildResult) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`);

describe.skipIf(missing)('compat sets: only real errors', () => {
  it('main: no error (the team\'s current, valid config)', () => {
    expect(errors(load('main'))).toEqual([]);
  });

  it('v1.7-f50e706: the fallback cycles of its chains, each real (every edge is written in fallback_chains)', () => {
    expect(errors(load('v1.7-f50e706'))).toEqual([
      'model-mappings.yaml:340 route/fallback-cycle fallback cycle: llama3.1:latest -> mythomax-l2-13b-q5_k_m -> llama3.1:latest',
      'model-mappings.yaml:347 route/fallback-cycle fallback cycle: qwen2.5-coder:7b -> qwen-coder-vllm -> qwen2.5-coder:7b',
      'model-mappings.yaml:367 route/fallback-cycle fallback cycle: deepseek-v3.1:671b-cloud -> kimi-k2:1t-cloud -> deepseek-v3.1:671b-cloud',
      'model-mappings.yaml:377 route/fallback-cycle fallback cycle: qwen-coder-vllm -> qwen3-coder:480b-cloud -> qwen-coder-vllm',
      'model-mappings.yaml:378 route/fallback-cycle fallback cycle: qwen2.5-coder:7b -> qwen-coder-vllm -> qwen3-coder:480b-cloud -> qwen2.5-coder:7b',
      'model-mappings.yaml:386 route/fallback-cycle fallback cycle: llama3.1:latest -> mythomax-l2-13b-q5_k_m -> gpt-oss:120b-cloud -> llama3.1:latest',
      'model-mappings.yaml:387 route/fallback-cycle fallback cycle: mythomax-l2-13b-q5_k_m -> gpt-oss:120b-cloud -> mythomax-l2-13b-q5_k_m',
      'model-mappings.yaml:394 route/fallback-cycle fallback cycle: llama3.1:latest -> gpt-oss:20b-cloud -> llama3.1:latest',
      'model-mappings.yaml:400 route/fallback-cycle fallback cycle: llama3.1:latest -> mythomax-l2-13b-q5_k_m -> gpt-oss:120b-cloud -> gpt-oss:20b-cloud -> glm-4.6:cloud -> llama3.1:latest',
      'model-mappings.yaml:401 route/fallback-cycle fallback cycle: mythomax-l2-13b-q5_k_m -> gpt-oss:120b-cloud -> gpt-oss:20b-cloud -> glm-4.6:cloud -> mythomax-l2-13b-q5_k_m',
    ]);
  });

  it('claude-enhance-unified: mutual fallbacks between the OpenAI and Anthropic models it declares', () => {
    expect(errors(load('claude-enhance-unified'))).toEqual([
      'model-mappings.yaml:134 route/fallback-cycle fallback cycle: gpt-4o -> claude-3-5-sonnet-20241022 -> gpt-4o',
      'model-mappings.yaml:140 route/fallback-cycle fallback cycle: gpt-4o-mini -> claude-3-5-haiku-20241022 -> gpt-4o-mini',
      'model-mappings.yaml:146 route/fallback-cycle fallback cycle: gpt-4-turbo -> claude-3-opus-20240229 -> gpt-4-turbo',
      'model-mappings.yaml:437 route/fallback-cycle fallback cycle: gpt-4o -> gpt-4-turbo -> gpt-4o',
      'model-mappings.yaml:472 route/fallback-cycle fallback cycle: gpt-3.5-turbo -> claude-3-5-haiku-20241022 -> gpt-3.5-turbo',
      'model-mappings.yaml:478 route/fallback-cycle fallback cycle: claude-3-5-sonnet-20241022 -> claude-3-opus-20240229 -> claude-3-5-sonnet-20241022',
      'model-mappings.yaml:479 route/fallback-cycle fallback cycle: o1 -> claude-3-opus-20240229 -> o1',
    ]);
  });

  it('initial-4729820: no error; the harmless chain key and the optional model are warnings', () => {
    const r = load('initial-4729820');
    expect(errors(r)).toEqual([]);
    const warned = r.diagnostics.filter((d) => d.code === 'ref/unknown-chain' || d.code === 'ref/unknown-model').map((d) => `${d.severity} ${d.code} ${d.line}`);
    expect(warned).toEqual(['warning ref/unknown-model 73', 'warning ref/unknown-chain 168']);
  });
});

describe.skipIf(missing)('compat set main: compiled as declared', () => {
  const config = () => load('main').config as CompiledConfig;
  const members = (c: CompiledConfig, group: string) =>
    c.model_list.filter((d) => d.model_name === group).map((d) => [d.model_info?.provider, d.litellm_params.model, d.litellm_params.weight, d.litellm_params.order]);

  it('load_balancing: every member, each with the model its specialty names, and the declared weights', () => {
    const c = config();
    expect(members(c, 'general-chat')).toEqual([
      ['ollama', 'ollama_chat/llama3.1:latest', 0.6, undefined],
      ['vllm-qwen', 'hosted_vllm/Qwen/Qwen2.5-Coder-7B-Instruct-AWQ', 0.4, undefined],
    ]);
    expect(members(c, 'code-generation')).toEqual([
      ['vllm-qwen', 'hosted_vllm/Qwen/Qwen2.5-Coder-7B-Instruct-AWQ', 0.5, undefined],
      ['ollama', 'ollama_chat/qwen2.5-coder:7b', 0.3, undefined],
      ['ollama_cloud', 'ollama_chat/qwen3-coder:480b-cloud', 0.2, undefined],
    ]);
    expect(members(c, 'llama3.1:latest')).toEqual([
      ['ollama', 'ollama_chat/llama3.1:latest', 0.7, undefined],
      ['llama_cpp_python', 'openai/llama-cpp-default', 0.3, undefined],
    ]);
  });

  it('capabilities: a provider stands for its model of that capability, never for all its groups', () => {
    const r = config().router_settings ?? {};
    const fallbacksOf = (name: string) => r.fallbacks?.find((f) => name in f)?.[name];
    expect(r.model_group_alias).toMatchObject({ high_throughput: 'qwen-coder-vllm', low_latency: 'llama-cpp-native', code: 'qwen3-coder:480b-cloud' });
    // Before: vllm-qwen stood for every group it serves (general-chat, code-generation too).
    expect(fallbacksOf('high_throughput')).toBeUndefined();
    expect(fallbacksOf('low_latency')).toEqual(['llama-cpp-default']);
    expect(fallbacksOf('code')).toEqual(['qwen-coder-vllm', 'qwen2.5-coder:7b']);
  });

  it('exact_matches.fallback naming a provider: that provider\'s deployment of the same model, after the primary', () => {
    const c = config();
    expect(members(c, 'qwen-coder-vllm').map((m) => m[0])).toEqual(['vllm-qwen']); // ollama lacks the model: warned, no effect
    expect(c.router_settings?.fallbacks?.some((f) => Object.entries(f).some(([from, to]) => to.includes(from)))).toBe(false);
  });
});
