import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { makePlan, publicModelNames, summarizePlan } from '../../src/deploy/plan.js';
import { unifiedDiff } from '../../src/deploy/text-diff.js';
import type { CompiledConfig, Deployment } from '../../src/shared/compiled-config.js';

const dep = (group: string, model: string, extra: Partial<Deployment['model_info']> = {}, apiBase?: string): Deployment => ({
  model_name: group,
  litellm_params: { model, ...(apiBase ? { api_base: apiBase } : {}) },
  model_info: { id: `${group}@${model}`, tier: 'internal', ...extra },
});

const base: CompiledConfig = {
  model_list: [dep('rainymodel/auto', 'ollama_chat/qwen2.5:7b'), dep('rainymodel/auto', 'openai/gpt-4o-mini', { tier: 'direct' }), dep('rainymodel/code', 'ollama_chat/qwen2.5-coder:7b')],
  router_settings: { num_retries: 2, model_group_alias: { 'gpt-4': 'rainymodel/auto' } },
};

const labels = { before: 'a', after: 'b' };

describe('makePlan', () => {
  it('is unchanged for identical text', () => {
    const text = stringify(base);
    const plan = makePlan(text, text, base, labels);
    expect(plan.unchanged).toBe(true);
    expect(plan.groups).toEqual([]);
    expect(summarizePlan(plan)).toBe('unchanged');
  });

  it('reports groups added, removed and changed, keyed by model_name and model_info.id', () => {
    const after: CompiledConfig = {
      model_list: [
        dep('rainymodel/auto', 'ollama_chat/qwen2.5:7b', {}, 'http://gpu:11434'),
        dep('rainymodel/auto', 'anthropic/claude-haiku-4-5', { tier: 'direct' }),
        dep('rainymodel/chat', 'ollama_chat/qwen2.5:7b'),
      ],
      router_settings: { num_retries: 3, model_group_alias: { 'gpt-4': 'rainymodel/chat', 'gpt-3.5-turbo': 'rainymodel/auto' } },
    };
    const plan = makePlan(stringify(base), stringify(after), after, labels);
    expect(plan.unchanged).toBe(false);
    expect(plan.groups.map((g) => [g.name, g.kind])).toEqual([
      ['rainymodel/auto', 'changed'],
      ['rainymodel/chat', 'added'],
      ['rainymodel/code', 'removed'],
    ]);
    expect(plan.groups[0]?.details).toEqual([
      '~ ollama_chat/qwen2.5:7b [internal]: litellm_params.api_base',
      '+ anthropic/claude-haiku-4-5 [direct]',
      '- openai/gpt-4o-mini [direct]',
    ]);
    expect(plan.aliases).toEqual([
      { alias: 'gpt-3.5-turbo', kind: 'added', after: 'rainymodel/auto' },
      { alias: 'gpt-4', kind: 'changed', before: 'rainymodel/auto', after: 'rainymodel/chat' },
    ]);
    expect(plan.settings).toEqual(['router_settings.num_retries']);
    expect(plan.textDiff).toContain('+      api_base: http://gpu:11434');
  });

  it('counts a pure reorder of deployments as a change (order matters to the router)', () => {
    const after: CompiledConfig = { ...base, model_list: [base.model_list[1] as Deployment, base.model_list[0] as Deployment, base.model_list[2] as Deployment] };
    const plan = makePlan(stringify(base), stringify(after), after, labels);
    expect(plan.groups).toEqual([{ name: 'rainymodel/auto', kind: 'changed', deploymentsBefore: 2, deploymentsAfter: 2, details: ['~ deployment order'] }]);
  });

  it('handles nothing deployed yet and an unreadable deployed file', () => {
    const fresh = makePlan(null, stringify(base), base, labels);
    expect(fresh.beforeSha256).toBeNull();
    expect(fresh.groups.every((g) => g.kind === 'added')).toBe(true);
    const broken = makePlan('model_list: [unclosed', stringify(base), base, labels);
    expect(broken.beforeUnreadable).toMatch(/not valid YAML/);
  });

  it('lists every public model: groups and router aliases', () => {
    expect(publicModelNames(base)).toEqual(['gpt-4', 'rainymodel/auto', 'rainymodel/code']);
  });
});

describe('unifiedDiff', () => {
  it('produces hunks with context and counts', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const b = a.replace('line 3\n', 'line three\n').replace('line 15\n', '');
    const { text, stats } = unifiedDiff(a, b, { before: 'old', after: 'new' });
    expect(stats).toEqual({ added: 1, removed: 2 });
    expect(text).toBe(
      ['--- old', '+++ new', '@@ -1,7 +1,7 @@', ' line 0', ' line 1', ' line 2', '-line 3', '+line three', ' line 4', ' line 5', ' line 6', '@@ -13,7 +13,6 @@', ' line 12', ' line 13', ' line 14', '-line 15', ' line 16', ' line 17', ' line 18', ''].join('\n'),
    );
  });
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', { before: 'x', after: 'y' }).text).toBe('');
  });
  it('a first deploy: every line added, the hunk starts at -0,0', () => {
    const { text, stats } = unifiedDiff('', 'a\nb\n', { before: 'x', after: 'y' });
    expect(stats).toEqual({ added: 2, removed: 0 });
    expect(text).toBe(['--- x', '+++ y', '@@ -0,0 +1,2 @@', '+a', '+b', ''].join('\n'));
  });
  it('gives up on a diff with more edits than it is worth, says so, and still counts lines', () => {
    const a = Array.from({ length: 50 }, (_, i) => `old ${i}`).join('\n') + '\n';
    const b = Array.from({ length: 40 }, (_, i) => `new ${i}`).join('\n') + '\n';
    const { text, stats } = unifiedDiff(a, b, { before: 'x', after: 'y' }, { maxEdits: 10 });
    expect(stats).toEqual({ added: 40, removed: 50 });
    expect(text).toContain('text diff skipped: more than 10 lines differ');
  });
});
