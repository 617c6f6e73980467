import { describe, expect, it } from 'vitest';
import { keyVariableMismatch, providerForBareModel, providerForHost, providersOfKeyVariable } from '../../src/shared/provider-names.js';

describe('provider of a bare model name (LiteLLM 1.81.13 rules)', () => {
  it.each([
    ['claude-haiku-4-5-20251001', 'anthropic', 'anthropic'],
    ['claude-sonnet-4-20250514', 'anthropic', 'anthropic'],
    ['gemini-2.0-flash', 'gemini', 'vertex_ai'],
    ['grok-2-latest', 'xai', undefined],
    ['deepseek-chat', 'deepseek', undefined],
    ['gpt-4o-mini', 'openai', 'openai'],
    ['o3-mini', 'openai', 'openai'],
    ['o1', 'openai', 'openai'],
    ['text-embedding-3-small', 'openai', 'openai'],
    ['dall-e-3', 'openai', 'openai'],
    ['whisper-1', 'openai', 'openai'],
    ['tts-1-hd', 'openai', 'openai'],
    ['gpt-3.5-turbo-instruct', 'openai', 'text-completion-openai'],
    ['ft:gpt-4o-mini:acme::abc', 'openai', 'openai'],
    ['mistral-large-latest', 'mistral', undefined],
    ['codestral-latest', 'mistral', undefined],
    ['command-r-plus', 'cohere', 'cohere'],
  ])('%s -> %s (LiteLLM: %s)', (model, provider, litellm) => {
    const p = providerForBareModel(model);
    expect(p?.provider).toBe(provider);
    expect(p?.litellmProvider).toBe(litellm);
  });

  it('knows no provider for names of no family (an OpenAI-compatible server decides)', () => {
    expect(providerForBareModel('qwen2.5:14b')).toBeUndefined();
    expect(providerForBareModel('omni')).toBeUndefined();
    expect(providerForBareModel('o')).toBeUndefined();
  });

  it('lets a known api_base host decide before the name, as LiteLLM does', () => {
    expect(providerForBareModel('gpt-4o', 'https://api.groq.com/openai/v1')).toMatchObject({ provider: 'groq', because: 'api_base host api.groq.com' });
    expect(providerForBareModel('deepseek-chat', 'https://api.deepseek.com/v1')?.litellmProvider).toBe('deepseek');
    expect(providerForBareModel('claude-3-haiku', 'http://10.0.0.5:8000/v1')?.provider).toBe('anthropic');
  });
});

describe('provider hosts and key variables', () => {
  it('matches hosts by suffix', () => {
    expect(providerForHost('router.huggingface.co')).toBe('huggingface');
    expect(providerForHost('OpenRouter.ai')).toBe('openrouter');
    expect(providerForHost('acme.openai.azure.com')).toBe('azure');
    expect(providerForHost('notopenrouter.ai')).toBeUndefined();
  });

  it('says whose key a variable conventionally is', () => {
    expect(providersOfKeyVariable('GOOGLE_API_KEY')).toEqual(['gemini']);
    expect(providersOfKeyVariable('MY_KEY')).toEqual([]);
  });

  it('reports a key variable of another provider, and only then', () => {
    expect(keyVariableMismatch('ANTHROPIC_API_KEY', 'anthropic')).toBeUndefined();
    expect(keyVariableMismatch('TEAM_KEY', 'anthropic')).toBeUndefined();
    expect(keyVariableMismatch('OPENAI_API_KEY', 'anthropic')).toBe(
      "its key comes from OPENAI_API_KEY, openai's key variable, but the deployment is sent to anthropic (anthropic's key is conventionally ANTHROPIC_API_KEY)",
    );
  });
});
