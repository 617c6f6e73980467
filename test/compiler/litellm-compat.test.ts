// The compiled output against the LiteLLM facts (src/compile/litellm-facts.ts): the project's example
// (generated/), every compat set of ../shared/compat/ai-backend-unified that compiles, and the
// 10,000-deployment benchmark registry. Each fact is also shown to catch the defect it is about.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildFromTexts } from '../../src/compile/index.js';
import { checkLitellmFacts } from '../../src/compile/litellm-facts.js';
import type { CompiledConfig } from '../../src/shared/compiled-config.js';
// @ts-expect-error: a plain .mjs script without types (the benchmark's registry generator)
import { registry } from '../../scripts/bench-registry.mjs';
import { MAPPINGS_FILE, nth, PROVIDERS_FILE } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPAT = join(ROOT, '../shared/compat/ai-backend-unified');
const compatMissing = !existsSync(COMPAT);
if (compatMissing) console.warn(`[litellm-compat] skipping the compat sets: ${COMPAT} does not exist`);

function compileTexts(providers: string, mappings: string, env: Record<string, string>) {
  return buildFromTexts({ path: PROVIDERS_FILE, text: providers }, { path: MAPPINGS_FILE, text: mappings }, { env });
}

describe('the compiled output holds every LiteLLM fact', () => {
  it('generated/litellm-unified.yaml (the example)', () => {
    const config = parse(readFileSync(join(ROOT, 'generated/litellm-unified.yaml'), 'utf8')) as CompiledConfig;
    expect(checkLitellmFacts(config)).toEqual([]);
    expect(config.model_list.length).toBeGreaterThan(20);
  });

  it.skipIf(compatMissing)('every compat set that compiles', () => {
    const sets = readdirSync(COMPAT).sort();
    expect(sets.length).toBeGreaterThanOrEqual(4);
    let compiled = 0;
    for (const name of sets) {
      const dir = join(COMPAT, name);
      const r = compileTexts(readFileSync(join(dir, 'providers.yaml'), 'utf8'), readFileSync(join(dir, 'model-mappings.yaml'), 'utf8'), {});
      if (!r.config) continue; // their real errors are asserted in compat-sets.test.ts
      compiled++;
      expect(checkLitellmFacts(r.config), name).toEqual([]);
      expect(r.text, name).not.toContain('${');
    }
    expect(compiled).toBeGreaterThanOrEqual(2);
  });

  it('the 10,000-deployment benchmark registry', () => {
    const { providers, mappings, env } = registry() as { providers: string; mappings: string; env: Record<string, string> };
    const r = compileTexts(providers, mappings, env);
    expect(r.ok).toBe(true);
    const config = r.config as CompiledConfig;
    expect(config.model_list.length).toBe(10_000);
    expect(checkLitellmFacts(config)).toEqual([]);
  }, 120_000);
});

describe('each fact catches what it is about', () => {
  const base = (): CompiledConfig => ({
    model_list: [
      { model_name: 'g', litellm_params: { model: 'openai/m', api_base: 'http://127.0.0.1:8000/v1', weight: 2, order: 1 }, model_info: { id: 'a', rainymodel_tier: 'internal' } },
      { model_name: 'g', litellm_params: { model: 'openai/m', api_base: 'http://127.0.0.1:8001/v1', weight: 1, order: 2 }, model_info: { id: 'b' } },
      { model_name: 'h', litellm_params: { model: 'anthropic/claude-haiku-4-5', api_key: 'os.environ/ANTHROPIC_API_KEY' }, model_info: { id: 'c' } },
    ],
    router_settings: { routing_strategy: 'simple-shuffle', enable_pre_call_checks: true, fallbacks: [{ g: ['h'] }] },
    general_settings: { master_key: 'os.environ/MK' },
  });
  const facts = (c: CompiledConfig, env?: Record<string, string>) => checkLitellmFacts(c, env).map((f) => f.fact);

  it('a clean config has no findings', () => {
    expect(facts(base(), { MK: 'sk-1' })).toEqual([]);
  });

  it('model_info.tier other than free|paid (LiteLLM drops the deployment)', () => {
    const c = base();
    nth(c.model_list, 0).model_info = { id: 'a', tier: 'internal' };
    expect(facts(c)).toEqual(['accepted-shape']);
  });

  it('${...} anywhere, an api_base that is not a callable URL', () => {
    const c = base();
    nth(c.model_list, 0).litellm_params.api_base = '${OLLAMA_URL:-http://127.0.0.1:11434}';
    expect(facts(c)).toEqual(['accepted-shape', 'no-braced-env']);
    nth(c.model_list, 0).litellm_params.api_base = 'localhost:11434';
    expect(facts(c)).toEqual(['accepted-shape']);
  });

  it('order without enable_pre_call_checks', () => {
    const c = base();
    delete c.router_settings?.enable_pre_call_checks;
    expect(facts(c)).toEqual(['order-needs-pre-call-checks']);
  });

  it('a weight on some deployments of a group only; rpm on the first only', () => {
    const c = base();
    delete nth(c.model_list, 1).litellm_params.weight;
    expect(facts(c)).toEqual(['weights-consistent']);
    delete nth(c.model_list, 0).litellm_params.weight;
    nth(c.model_list, 0).litellm_params.rpm = 60;
    expect(facts(c)).toEqual(['weights-consistent']);
  });

  it('a fallback to a name that does not exist; an id twice', () => {
    const c = base();
    c.router_settings!.fallbacks = [{ g: ['nope'] }];
    nth(c.model_list, 2).model_info = { id: 'a' };
    expect(facts(c).sort()).toEqual(['fallback-targets-exist', 'unique-ids']);
  });

  it('set_verbose, an unknown routing strategy, an unset master key', () => {
    const c = base();
    c.litellm_settings = { set_verbose: true };
    c.router_settings!.routing_strategy = 'round_robin' as never;
    expect(facts(c, {})).toEqual(['accepted-shape', 'accepted-shape', 'master-key-set']);
  });
});
