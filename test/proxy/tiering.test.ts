// Tier inference for configs that state no tiers, on the deployments RainyModel's own configs use
// (orcest-ai/rainymodel, its main file and the shapes of its other versions: ollamafreeapi, DIRECT keys,
// OpenRouter), plus bare model names and the file-order rule.
import { describe, expect, it } from 'vitest';
import { splitModel } from '../../src/proxy/deployments.js';
import { inferTier, isPrivateHost, providerLabel } from '../../src/proxy/tiering.js';

const tier = (prefix: string, upstreamModel: string, apiBase?: string, description?: string): string =>
  inferTier({ prefix, upstreamModel, apiBase, description }).tier;

describe('tier inference', () => {
  it('tiers the RainyModel family as its authors do', () => {
    expect(tier('huggingface', 'Qwen/Qwen2.5-72B-Instruct', 'https://router.huggingface.co/v1', 'Chat - HF Router')).toBe('free');
    expect(tier('openai', 'qwen2.5:14b', 'http://164.92.147.36:11434/v1', 'Auto routing - primary Ollama 16GB (qwen2.5:14b)')).toBe('internal');
    expect(tier('openai', 'qwen2.5:7b', 'https://ollama-2.example.net/v1', 'secondary Ollama 8GB')).toBe('internal');
    expect(tier('openai', 'qwen2.5:latest', 'https://ollamafreeapi.orcest.ai/v1', 'Auto - ollamafreeapi (free distributed Ollama)')).toBe('free');
    expect(tier('openai', 'qwen2.5:latest', 'https://ollamafree.example.org/v1', 'free distributed Ollama')).toBe('free');
    expect(tier('openrouter', 'qwen/qwen-2.5-72b-instruct', 'https://openrouter.ai/api/v1', 'Agent - OpenRouter premium (Claude)')).toBe('premium');
    for (const [prefix, model] of [['deepseek', 'deepseek-chat'], ['gemini', 'gemini-2.0-flash'], ['openai', 'gpt-4o-mini'], ['xai', 'grok-2-latest'], ['anthropic', 'claude-haiku-4-5-20251001']] as const) {
      expect(tier(prefix, model, undefined, 'direct')).toBe('direct');
    }
  });

  it('puts facts before words: the description cannot move a known provider', () => {
    expect(tier('openrouter', 'x', undefined, 'free fallback when Ollama is down')).toBe('premium');
    expect(tier('openrouter', 'meta-llama/llama-3.3-70b-instruct:free')).toBe('free');
    expect(tier('hosted_vllm', 'x', 'https://vllm.example.com/v1')).toBe('internal');
  });

  it('treats private, loopback and single-label hosts as the operator\'s own', () => {
    expect(tier('openai', 'x', 'http://10.0.0.5:8000/v1')).toBe('internal');
    expect(tier('openai', 'x', 'http://gpu.lan:8000/v1')).toBe('internal');
    expect(tier('openai', 'x', 'http://ollama:11434/v1')).toBe('internal');
    expect(isPrivateHost('[::1]')).toBe(true);
    expect(isPrivateHost('172.32.0.1')).toBe(false);
  });

  it('falls back to premium (tried last) for a public endpoint nothing tells about, and says so', () => {
    const t = inferTier({ prefix: 'openai', upstreamModel: 'x', apiBase: 'https://llm.example.com/v1' });
    expect(t).toEqual({ tier: 'premium', because: 'nothing tells its tier (treated as paid: set model_info.rainymodel_tier)' });
    expect(tier('openai', 'gpt-4o', 'https://api.openai.com/v1')).toBe('direct');
    expect(tier('openai', 'gpt-4o')).toBe('direct');
  });

  it('labels the upstream by host, or Ollama by its port or description', () => {
    expect(providerLabel({ prefix: 'huggingface', upstreamModel: 'q', apiBase: 'https://router.huggingface.co/v1' })).toBe('huggingface');
    expect(providerLabel({ prefix: 'openai', upstreamModel: 'q', apiBase: 'http://164.92.147.36:11434/v1' })).toBe('ollama');
    expect(providerLabel({ prefix: 'openai', upstreamModel: 'q', apiBase: 'https://llm.example.com/v1' })).toBe('openai');
  });
});

describe('bare model names', () => {
  it('split to the provider LiteLLM picks', () => {
    expect(splitModel('claude-haiku-4-5-20251001', undefined)).toEqual({ prefix: 'anthropic', upstreamModel: 'claude-haiku-4-5-20251001' });
    expect(splitModel('gemini-2.0-flash', undefined)).toEqual({ prefix: 'gemini', upstreamModel: 'gemini-2.0-flash' });
    expect(splitModel('grok-2-latest', undefined)).toEqual({ prefix: 'xai', upstreamModel: 'grok-2-latest' });
    expect(splitModel('deepseek-chat', undefined)).toEqual({ prefix: 'deepseek', upstreamModel: 'deepseek-chat' });
    expect(splitModel('gpt-4o', undefined)).toEqual({ prefix: 'openai', upstreamModel: 'gpt-4o' });
    expect(splitModel('qwen2.5:14b', undefined, 'http://10.0.0.2:11434/v1')).toEqual({ prefix: 'openai', upstreamModel: 'qwen2.5:14b' });
  });

  it('keep an explicit prefix or custom_llm_provider', () => {
    expect(splitModel('huggingface/together/Qwen/Q', undefined)).toEqual({ prefix: 'huggingface', upstreamModel: 'together/Qwen/Q' });
    expect(splitModel('my-model', 'openai')).toEqual({ prefix: 'openai', upstreamModel: 'my-model' });
    expect(splitModel('claude-3-haiku', 'openai')).toEqual({ prefix: 'openai', upstreamModel: 'claude-3-haiku' });
  });
});
