// One test (at least) per diagnostic code the compiler emits: code, severity, file, line, col (the
// offending node) and the hint where the compiler gives one. Every input is inline and every build has
// an explicit environment.
import { describe, expect, it } from 'vitest';
import { at, BASE_ENV, BASE_PROVIDERS, build, MAPPINGS_FILE, nth, only, PROVIDERS_FILE, providersWith, where, withCode, yaml } from './helpers.js';

const P = PROVIDERS_FILE;
const M = MAPPINGS_FILE;

describe('a clean config', () => {
  it('has no diagnostics at all and compiles', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: local, model: "llama3.1:8b"}
            - {provider: local, model: "qwen2.5:7b"}
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('a group across tiers compiles with one effect/tier-fallthrough note (what a stock LiteLLM does differently), nothing else', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: local, model: "llama3.1:8b"}
            - {provider: api, model: gpt-4o-mini}
        code:
          deployments:
            - {provider: local, model: "qwen2.5:7b"}
            - {provider: api, model: gpt-4o}
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['effect/tier-fallthrough']);
    const d = only(r, 'effect/tier-fallthrough');
    expect(d.severity).toBe('info');
    expect(where(d)).toEqual(at(M, mappings, 'chat:'));
    expect(d.message).toContain('a request for chat, code stays on the group');
    expect(d.message).toContain('allowed_fails: 3 a minute');
    expect(d.hint).toContain('give each tier its own group and chain them with fallbacks');
  });

  it('effect/tier-fallthrough: with cooldowns disabled the next tier never takes over in LiteLLM', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: local, model: "llama3.1:8b"}
            - {provider: api, model: gpt-4o-mini}
      router:
        disable_cooldowns: true
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'effect/tier-fallthrough');
    expect(d.message).toContain('the next tier never takes over (cooldowns are disabled)');
  });

  it('effect/tier-fallthrough: not said for a weighted split, which has no tier order', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: local, model: "llama3.1:8b", weight: 3}
            - {provider: api, model: gpt-4o-mini, weight: 1}
    `;
    expect(withCode(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'effect/tier-fallthrough')).toEqual([]);
  });
});

describe('yaml/*', () => {
  it('yaml/syntax: an unclosed flow sequence is an error at the place the parser stopped, and nothing else runs', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          models: [a, b
    `;
    const r = build({ providers });
    expect(r.ok).toBe(false);
    const d = only(r, 'yaml/syntax');
    expect(d.severity).toBe('error');
    expect(d.file).toBe(P);
    // The parser reports the flow sequence that never closes, at its `[`.
    expect(d.line).toBeGreaterThanOrEqual(4);
    expect(r.diagnostics.every((x) => x.code.startsWith('yaml/'))).toBe(true);
  });

  it('yaml/syntax: a tab-indented block is reported in the mappings file, with the providers file untouched', () => {
    const mappings = 'aliases:\n  chat:\n\tdeployments: []\n';
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const list = withCode(r, 'yaml/syntax');
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((d) => d.file === M && d.severity === 'error')).toBe(true);
    expect(nth(list, 0).line).toBe(3);
  });

  it('yaml/syntax: only the first syntax error, with a fix line (one tab, one stray [ used to give a cascade)', () => {
    const tab = build({ providers: 'providers:\n  local:\n\ttype: ollama\n    base_url: http://127.0.0.1:11434\n    models: [m]\n' });
    expect(tab.diagnostics.map((d) => [d.code, d.line, d.col, d.hint])).toEqual([['yaml/syntax', 3, 1, 'indent with spaces: YAML does not allow a tab there']]);
    const providers = 'providers:\n  local:\n    type: ollama\n    base_url: [http://127.0.0.1:11434\n    models: [m]\n';
    const stray = build({ providers });
    expect(stray.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['yaml/syntax', 4, 15]]);
    expect(nth(stray.diagnostics, 0).hint).toContain('never closed');
  });

  it('yaml/duplicate-key: points at the second key, with a hint', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: http://127.0.0.1:11434
          base_url: http://127.0.0.1:11435
    `;
    const r = build({ providers });
    const d = only(r, 'yaml/duplicate-key');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(P, providers, 'base_url', 2));
    expect(d.hint).toBe('merge the two entries or rename one of them');
    expect(r.ok).toBe(false);
  });

  it('yaml/duplicate-key: a provider defined twice', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: http://127.0.0.1:11434
        local:
          type: vllm
          base_url: http://127.0.0.1:8000
    `;
    const d = only(build({ providers }), 'yaml/duplicate-key');
    expect(where(d)).toEqual(at(P, providers, 'local:', 2));
  });
});

describe('schema/*', () => {
  it('schema/unknown-key: a warning at the key, with did-you-mean; the build still succeeds', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: http://127.0.0.1:11434
          base_ulr: http://127.0.0.1:11435
          models: [m]
    `;
    const r = build({ providers });
    const d = only(r, 'schema/unknown-key');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(P, providers, 'base_ulr'));
    expect(d.hint).toBe('did you mean "base_url"?');
    expect(d.message).toContain('"base_ulr"');
    expect(d.pointer).toBe('/providers/local/base_ulr');
    expect(r.ok).toBe(true);
  });

  it('schema/unknown-key: an error under strict, and the build fails', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: http://127.0.0.1:11434
          modles: [m]
    `;
    const r = build({ providers, strict: true });
    const d = only(r, 'schema/unknown-key');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(P, providers, 'modles'));
    expect(d.hint).toBe('did you mean "models"?');
    expect(r.ok).toBe(false);
  });

  it('schema/unknown-key: a key far from every known key lists the known keys instead', () => {
    const mappings = yaml`
      router:
        num_retries: 2
        zzzzzzzzzzzz: 1
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'schema/unknown-key');
    expect(where(d)).toEqual(at(M, mappings, 'zzzzzzzzzzzz'));
    expect(d.hint).toMatch(/^known keys: routing_strategy, num_retries, /);
  });

  it('schema/unknown-key: an unknown top-level section of the mappings file', () => {
    const mappings = yaml`
      aliass:
        chat:
          deployments: [{provider: local, model: "llama3.1:8b"}]
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const d = only(r, 'schema/unknown-section');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, 'aliass'));
    expect(d.hint).toBe('did you mean "aliases"?');
    expect(r.ok).toBe(false); // generate would otherwise drop every alias silently
  });

  it('schema/unknown-section in the providers file too; tpye: for type: names the typo', () => {
    const providers = yaml`
      providers:
        local:
          tpye: ollama
          base_url: http://127.0.0.1:11434
          models: [m]
      helth_checks: x
    `;
    const r = build({ providers });
    expect(only(r, 'schema/unknown-section').hint).toBe('did you mean "health_checks"?');
    expect(only(r, 'schema/required').hint).toBe('"tpye" is written: did you mean "type"?');
    expect(only(r, 'schema/unknown-key').hint).toBe('did you mean "type"?');
  });

  it('schema/type: a string where a number belongs, at the value\'s key', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: http://127.0.0.1:11434
          timeout: slow
    `;
    const r = build({ providers });
    const d = only(r, 'schema/type');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(P, providers, 'timeout'));
    expect(d.message).toBe('"providers/local/timeout" must be number, not string "slow"');
    expect(r.ok).toBe(false);
  });

  it('schema/type: a list where a map belongs', () => {
    const mappings = yaml`
      router: [simple-shuffle]
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'schema/type');
    expect(where(d)).toEqual(at(M, mappings, 'router'));
    expect(d.message).toContain('not a list');
  });

  it('schema/enum: a misspelt provider type, with did-you-mean', () => {
    const providers = yaml`
      providers:
        local:
          type: olama
          base_url: http://127.0.0.1:11434
    `;
    const r = build({ providers });
    const d = only(r, 'schema/enum');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(P, providers, 'type'));
    expect(d.hint).toBe('did you mean "ollama"?');
    expect(d.message).toContain('"olama"');
  });

  it('schema/enum: a tier, with did-you-mean; a value far from all gives no hint', () => {
    const providers = yaml`
      providers:
        a:
          type: ollama
          tier: interal
          base_url: http://127.0.0.1:11434
        b:
          type: ollama
          tier: gold
          base_url: http://127.0.0.1:11435
    `;
    const list = withCode(build({ providers }), 'schema/enum');
    expect(list.map(where)).toEqual([at(P, providers, 'tier'), at(P, providers, 'tier', 2)]);
    expect(nth(list, 0).hint).toBe('did you mean "internal"?');
    expect(nth(list, 1).hint).toBeUndefined();
  });

  it('schema/required: a provider without a type, at the provider', () => {
    const providers = yaml`
      providers:
        local:
          base_url: http://127.0.0.1:11434
    `;
    const d = only(build({ providers }), 'schema/required');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(P, providers, 'local'));
    expect(d.hint).toBe('add "type"');
  });

  it('schema/required: an empty providers file is reported at 1:1', () => {
    const r = build({ providers: '' });
    const d = only(r, 'schema/required');
    expect(where(d)).toEqual({ file: P, line: 1, col: 1 });
    expect(r.ok).toBe(false);
  });

  it('schema/required: an alias without deployments', () => {
    const mappings = yaml`
      aliases:
        chat:
          description: nothing here
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'schema/required');
    expect(where(d)).toEqual(at(M, mappings, 'chat'));
    expect(d.hint).toBe('add "deployments"');
  });

  it('schema/pattern: a provider name that cannot be a name', () => {
    const providers = yaml`
      providers:
        "-bad name":
          type: ollama
          base_url: http://127.0.0.1:11434
    `;
    const d = only(build({ providers }), 'schema/pattern');
    expect(where(d)).toEqual(at(P, providers, '"-bad name"'));
  });

  it('schema/minimum: a non-positive rpm', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: http://127.0.0.1:11434
          rate_limits: {rpm: 0}
    `;
    const d = only(build({ providers }), 'schema/minimum');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(P, providers, 'rpm'));
  });
});

describe('ref/*', () => {
  it('ref/unknown-provider: at the deployment, with did-you-mean', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: locl, model: "llama3.1:8b"}
            - {provider: api, model: gpt-4o}
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const d = only(r, 'ref/unknown-provider');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, '{provider: locl'));
    expect(d.hint).toBe('did you mean "local"?');
    expect(r.ok).toBe(false);
  });

  it('ref/unknown-provider: an exact match names a provider nobody declared (at its provider key); no guess lists the known', () => {
    const mappings = yaml`
      exact_matches:
        gpt-4o:
          provider: azure_east
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'ref/unknown-provider');
    expect(where(d)).toEqual(at(M, mappings, 'provider'));
    expect(d.hint).toBe('known providers: local, api');
  });

  it('ref/unknown-provider: a pattern\'s provider', () => {
    const mappings = yaml`
      patterns:
        - pattern: "^gpt-"
          provider: opnai
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'ref/unknown-provider');
    expect(where(d)).toEqual(at(M, mappings, 'provider'));
  });

  it('ref/inactive-provider: a warning at the deployment; the route is left out', () => {
    const providers = providersWith(
      'm1',
      yaml`
        old:
          type: vllm
          status: disabled
          base_url: http://127.0.0.1:8000
          models: [m1]
      `,
    );
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: local, model: m1}
            - {provider: old, model: m1}
    `;
    const r = build({ providers, mappings });
    const d = only(r, 'ref/inactive-provider');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, '{provider: old'));
    expect(d.hint).toBe('set providers.old.status to active to serve them');
    expect(d.message).toContain('disabled');
    expect(r.ok).toBe(true);
    expect(r.config!.model_list.filter((x) => x.model_name === 'chat').map((x) => x.model_info?.provider)).toEqual(['local']);
  });

  it('ref/inactive-provider: a fallback chain step naming a pending provider', () => {
    const providers = providersWith(
      'm1',
      yaml`
        later:
          type: vllm
          status: pending_integration
          base_url: http://127.0.0.1:8000
          models: [m2]
      `,
    );
    const mappings = yaml`
      fallback_chains:
        m1:
          chain: [later]
    `;
    const d = only(build({ providers, mappings }), 'ref/inactive-provider');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, 'later'));
    expect(d.message).toContain('pending_integration');
  });

  it('ref/undeclared-model: a warning at the deployment, with did-you-mean', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: local, model: "llama3.1:7b"}
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const d = only(r, 'ref/undeclared-model');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, '{provider: local'));
    expect(d.hint).toBe('did you mean "llama3.1:8b"?');
    expect(r.ok).toBe(true);
  });

  it('ref/undeclared-model: without a close name the hint lists the models', () => {
    const mappings = yaml`
      exact_matches:
        mistral-large:
          provider: api
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'ref/undeclared-model');
    expect(where(d)).toEqual(at(M, mappings, 'provider'));
    expect(d.hint).toBe('add it to providers.api.models, or route to one of: gpt-4o-mini, gpt-4o');
  });

  it('ref/unknown-model: an alias falls back to a name that does not exist, with did-you-mean', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments: [{provider: local, model: "llama3.1:8b"}]
          fallbacks: [gpt-4o-mni]
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const d = only(r, 'ref/unknown-model');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, 'gpt-4o-mni'));
    expect(d.hint).toBe('did you mean "gpt-4o-mini"?');
  });

  it('ref/unknown-chain: a fallback chain for a group nobody defined is harmless: a warning at the chain', () => {
    const mappings = yaml`
      fallback_chains:
        ghost-model:
          chain: [gpt-4o]
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const d = only(r, 'ref/unknown-chain');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, 'ghost-model'));
    expect(d.message).toContain('"ghost-model"');
    expect(r.ok).toBe(true);
  });

  it('ref/unknown-model: a capability that prefers an unknown model', () => {
    const mappings = yaml`
      capabilities:
        coding:
          preferred_models: [gpt-4o, deepseek-coder-v2]
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'ref/unknown-model');
    expect(where(d)).toEqual(at(M, mappings, 'deepseek-coder-v2'));
    expect(d.message).toContain('capability "coding"');
  });

  it('ref/inactive-target: a fallback to a group with no active deployment', () => {
    const providers = providersWith(
      'm1',
      yaml`
        old:
          type: vllm
          status: disabled
          base_url: http://127.0.0.1:8000
          models: [m2]
      `,
    );
    const mappings = yaml`
      exact_matches:
        m2:
          provider: old
      fallback_chains:
        m1:
          chain: [m2]
    `;
    const d = only(build({ providers, mappings }), 'ref/inactive-target');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, 'm2]'));
  });

  it('a provider step in a chain: its own provider is route/self-fallback; one that lists no models serves the same model', () => {
    const providers = providersWith(
      'm1',
      yaml`
        empty:
          type: openai_compatible
          base_url: http://127.0.0.1:9000
      `,
    );
    const mappings = yaml`
      exact_matches:
        m0:
          provider: local
          backend_model: m1
      fallback_chains:
        m0:
          chain: [local, empty]
    `;
    const r = build({ providers, mappings });
    const self = only(r, 'route/self-fallback');
    expect(where(self)).toEqual(at(M, mappings, 'local,'));
    const r2 = build({ providers, mappings: mappings.replace('[local, empty]', '[empty]') });
    expect(r2.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r2.config?.model_list.filter((d) => d.model_name === 'm0').map((d) => [d.model_info?.provider, d.litellm_params.model])).toEqual([
      ['local', 'ollama_chat/m1'],
      ['empty', 'openai/m1'],
    ]);
  });

  it('a provider in an alias\'s fallbacks serves the alias\'s model there, after its own deployments', () => {
    const providers = providersWith(
      'm1',
      yaml`
        backup:
          type: openai_compatible
          base_url: http://127.0.0.1:9000/v1
          models: [m1]
      `,
    );
    const mappings = yaml`
      aliases:
        main:
          deployments:
            - {provider: local, model: m1}
            - {provider: backup, model: m1}
        other:
          deployments:
            - {provider: local, model: m1}
          fallbacks: [backup]
    `;
    const r = build({ providers, mappings });
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.config?.model_list.filter((d) => d.model_name === 'other').map((d) => [d.model_info?.provider, d.litellm_params.order])).toEqual([
      ['local', 1],
      ['backup', 2],
    ]);
    expect(r.config?.router_settings?.fallbacks).toBeUndefined();
  });

  it('ref/capability-as-model (info): a fallback to a capability goes to the model group it aliases', () => {
    const providers = providersWith('m1, m2');
    const mappings = yaml`
      exact_matches:
        m1: {provider: local}
        m2: {provider: local}
      capabilities:
        coding:
          preferred_models: [gone, m2]
      fallback_chains:
        m1:
          chain: [coding]
    `;
    const r = build({ providers, mappings });
    expect(r.diagnostics.map((d) => d.code).filter((c) => c.startsWith('ref/unknown'))).toEqual(['ref/unknown-model']);
    const info = only(r, 'ref/capability-as-model');
    expect(info.severity).toBe('info');
    expect(info.message).toContain('stands for "m2"');
    expect(where(info)).toEqual(at(M, mappings, 'coding]'));
  });
});

describe('route/*', () => {
  const providers = providersWith('a, b, c');

  it('route/fallback-cycle: a -> b -> a, with the whole path, at the edge that closes it', () => {
    const mappings = yaml`
      fallback_chains:
        a:
          chain: [b]
        b:
          chain: [a]
    `;
    const r = build({ providers, mappings });
    const d = only(r, 'route/fallback-cycle');
    expect(d.severity).toBe('error');
    expect(d.message).toBe('fallback cycle: a -> b -> a');
    expect(where(d)).toEqual(at(M, mappings, 'a]'));
    expect(d.hint).toBe('remove "a" from the fallbacks of "b" (or break the cycle elsewhere)');
    expect(r.ok).toBe(false);
  });

  it('route/fallback-cycle: a longer cycle is reported once with every step', () => {
    const mappings = yaml`
      fallback_chains:
        a:
          chain: [b]
        b:
          chain: [c]
        c:
          chain: [a]
    `;
    const d = only(build({ providers, mappings }), 'route/fallback-cycle');
    expect(d.message).toBe('fallback cycle: a -> b -> c -> a');
    expect(where(d)).toEqual(at(M, mappings, 'a]'));
  });

  it('route/fallback-cycle: no cycle, no report (a chain that only goes forward)', () => {
    const mappings = yaml`
      fallback_chains:
        a:
          chain: [b, c]
        b:
          chain: [c]
    `;
    expect(withCode(build({ providers, mappings }), 'route/fallback-cycle')).toEqual([]);
  });

  it('route/fallback-cycle: across sources (an alias\'s fallbacks and an exact match\'s fallback)', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments: [{provider: local, model: a}]
          fallbacks: [b]
      exact_matches:
        b:
          provider: local
          fallback: chat
    `;
    const d = only(build({ providers, mappings }), 'route/fallback-cycle');
    expect(d.message).toBe('fallback cycle: chat -> b -> chat');
    expect(where(d)).toEqual(at(M, mappings, 'fallback: chat', 1));
  });

  it('route/fallback-cycle: each mutual pair is reported on its own, in a graph with a longer cycle too', () => {
    const mappings = yaml`
      fallback_chains:
        a:
          chain: [b]
        b:
          chain: [a, c]
        c:
          chain: [a]
    `;
    // Removing the edge the first report names (a from b's chain) must not reveal a cycle reported only then.
    const list = withCode(build({ providers, mappings }), 'route/fallback-cycle');
    expect(list.map((d) => [d.message, where(d)])).toEqual([
      ['fallback cycle: a -> b -> a', at(M, mappings, 'a, c')],
      ['fallback cycle: a -> b -> c -> a', at(M, mappings, 'a]')],
    ]);
  });

  it('route/self-fallback: a chain naming its own group', () => {
    const mappings = yaml`
      fallback_chains:
        a:
          chain: [b, a]
    `;
    const r = build({ providers, mappings });
    const d = only(r, 'route/self-fallback');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, 'a]'));
    expect(d.hint).toBe('remove this entry');
  });

  it('route/self-fallback: an exact match falling back to its own provider', () => {
    const mappings = yaml`
      exact_matches:
        a:
          provider: local
          fallback: local
    `;
    const d = only(build({ providers, mappings }), 'route/self-fallback');
    expect(where(d)).toEqual(at(M, mappings, 'fallback'));
    expect(d.message).toBe('"a" falls back to its own provider "local"');
  });

  it('route/duplicate-fallback: the same target twice is a warning at the repeat', () => {
    const mappings = yaml`
      fallback_chains:
        a:
          chain: [b, c, b]
    `;
    const r = build({ providers, mappings });
    const d = only(r, 'route/duplicate-fallback');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, 'b]'));
    expect(d.hint).toBe('remove the repeated entry');
    expect(r.config!.router_settings!.fallbacks).toEqual([{ a: ['b', 'c'] }]);
  });

  it('route/duplicate-fallback: in the default chain', () => {
    const mappings = yaml`
      fallback_chains:
        default:
          chain: [a, a]
    `;
    const d = only(build({ providers, mappings }), 'route/duplicate-fallback');
    expect(where(d)).toEqual(at(M, mappings, 'a]'));
  });

  it('route/duplicate-name: an alias and an exact match with the same name, at the second', () => {
    const mappings = yaml`
      aliases:
        a:
          deployments: [{provider: local, model: a}]
      exact_matches:
        a:
          provider: local
    `;
    const r = build({ providers, mappings });
    const d = only(r, 'route/duplicate-name');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, 'a:', 2));
    expect(d.message).toBe('the public name "a" is defined twice (also as an alias)');
    expect(d.hint).toBe('rename one of them: clients could not tell them apart');
  });

  it('route/duplicate-name: a capability named like a model group', () => {
    const mappings = yaml`
      capabilities:
        b:
          preferred_models: [a]
    `;
    const d = only(build({ providers, mappings }), 'route/duplicate-name');
    expect(where(d)).toEqual(at(M, mappings, 'b:'));
    expect(d.hint).toBe('rename the capability');
  });

  it('route/duplicate-name: a load-balancing group named like an alias', () => {
    const mappings = yaml`
      aliases:
        a:
          deployments: [{provider: local, model: a}]
      load_balancing:
        a:
          providers: [{provider: local, model: b}]
    `;
    const d = only(build({ providers, mappings }), 'route/duplicate-name');
    expect(where(d)).toEqual(at(M, mappings, 'a:', 2));
  });

  it('route/duplicate-deployment: the same provider/model twice in one alias, at the second', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: local, model: a}
            - {provider: local, model: a}
    `;
    const r = build({ providers, mappings });
    const d = only(r, 'route/duplicate-deployment');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, '{provider: local', 2));
    expect(d.message).toBe('the deployment "chat@local/a" is listed twice');
  });

  it('route/no-active-deployment: an error for an alias, at the alias', () => {
    const p = yaml`
      providers:
        off:
          type: ollama
          status: disabled
          base_url: http://127.0.0.1:11434
          models: [a]
        on:
          type: ollama
          base_url: http://127.0.0.1:11435
          models: [b]
    `;
    const mappings = yaml`
      aliases:
        chat:
          deployments: [{provider: off, model: a}]
    `;
    const r = build({ providers: p, mappings });
    const d = only(r, 'route/no-active-deployment');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, 'chat'));
    expect(d.hint).toBe('point it at an active provider, or set the provider active');
    expect(r.ok).toBe(false);
  });

  it('route/no-active-deployment: a warning for an exact match, which is left out', () => {
    const p = yaml`
      providers:
        off:
          type: ollama
          status: template
          base_url: http://127.0.0.1:11434
          models: [a]
        on:
          type: ollama
          base_url: http://127.0.0.1:11435
          models: [b]
    `;
    const mappings = yaml`
      exact_matches:
        a:
          provider: off
    `;
    const r = build({ providers: p, mappings });
    const d = only(r, 'route/no-active-deployment');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, 'a:'));
    expect(r.ok).toBe(true);
    expect(r.config!.model_list.map((x) => x.model_name)).toEqual(['b']);
  });

  it('route/no-active-deployment: a warning for a pattern without an active provider', () => {
    const p = yaml`
      providers:
        off:
          type: ollama
          status: disabled
          base_url: http://127.0.0.1:11434
        on:
          type: ollama
          base_url: http://127.0.0.1:11435
          models: [b]
    `;
    const mappings = yaml`
      patterns:
        - pattern: "^llama"
          provider: off
    `;
    const d = only(build({ providers: p, mappings }), 'route/no-active-deployment');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, 'pattern:'));
  });

  it('route/bad-pattern: a Python named group does not compile in JavaScript', () => {
    const mappings = yaml`
      patterns:
        - pattern: "^(?P<family>llama).*"
          provider: local
    `;
    const r = build({ providers, mappings });
    const d = only(r, 'route/bad-pattern');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, 'pattern:'));
    expect(d.hint).toBe('use JavaScript regular expression syntax (no (?P<name>...) groups)');
  });

  it('route/empty-fallback-step: a legacy step with only a condition', () => {
    const mappings = yaml`
      fallback_chains:
        a:
          chain:
            - {condition: always}
    `;
    const d = only(build({ providers, mappings }), 'route/empty-fallback-step');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, '{condition'));
  });

  it('route/fallback-provider-lacks-model: an exact match falls back to a provider without that model', () => {
    const p = yaml`
      providers:
        one:
          type: ollama
          base_url: http://127.0.0.1:11434
          models: [a]
        two:
          type: ollama
          base_url: http://127.0.0.1:11435
          models: [z]
    `;
    const mappings = yaml`
      exact_matches:
        a:
          provider: one
          fallback: two
    `;
    const d = only(build({ providers: p, mappings }), 'route/fallback-provider-lacks-model');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, 'fallback'));
  });

  it('route/empty-capability, route/implied-model and route/ambiguous-model', () => {
    const p = yaml`
      providers:
        one:
          type: ollama
          base_url: http://127.0.0.1:11434
          models: [only-one]
        many:
          type: ollama
          base_url: http://127.0.0.1:11435
          models: [x, y]
    `;
    const mappings = yaml`
      capabilities:
        nothing:
          preferred_models: []
      load_balancing:
        pool:
          providers:
            - {provider: one}
            - {provider: many}
    `;
    const r = build({ providers: p, mappings });
    expect(where(only(r, 'route/empty-capability'))).toEqual(at(M, mappings, 'nothing'));
    const implied = only(r, 'route/implied-model');
    expect(implied.severity).toBe('info');
    expect(where(implied)).toEqual(at(M, mappings, '{provider: one'));
    const ambiguous = only(r, 'route/ambiguous-model');
    expect(ambiguous.severity).toBe('error');
    expect(where(ambiguous)).toEqual(at(M, mappings, '{provider: many'));
    expect(ambiguous.hint).toBe('add `model:` naming one of: x, y');
  });
});

describe('lb/*', () => {
  const providers = yaml`
    providers:
      one:
        type: ollama
        base_url: http://127.0.0.1:11434
        models: [m]
      two:
        type: ollama
        base_url: http://127.0.0.1:11435
        models: [m]
      three:
        type: ollama
        base_url: http://127.0.0.1:11436
        models: [m]
  `;

  it('lb/bad-weight: a zero weight is an error at the deployment', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: one, model: m, weight: 2}
            - {provider: two, model: m, weight: 0}
    `;
    const r = build({ providers, mappings });
    const d = only(r, 'lb/bad-weight');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, '{provider: two'));
    expect(d.message).toBe('weight 0 of "chat@two/m" must be greater than 0');
    expect(d.hint).toBe('remove the member instead of giving it no weight');
    expect(r.ok).toBe(false);
  });

  it('lb/bad-weight: a negative weight in a load-balancing group', () => {
    const mappings = yaml`
      load_balancing:
        pool:
          providers:
            - {provider: one, model: m, weight: -1}
    `;
    const d = only(build({ providers, mappings }), 'lb/bad-weight');
    expect(where(d)).toEqual(at(M, mappings, '{provider: one'));
  });

  it('lb/partial-weights: some deployments of a tier weighted, others not: a warning at the group', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: one, model: m, weight: 3}
            - {provider: two, model: m}
    `;
    const r = build({ providers, mappings });
    const d = only(r, 'lb/partial-weights');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, 'chat'));
    expect(d.message).toBe('only 1 of the 2 internal deployments of "chat" have a weight; the others count as weight 1');
    expect(r.ok).toBe(true);
  });

  it('lb/partial-weights: weights on every deployment of the tier are fine; different tiers are judged apart', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: one, model: m, weight: 3}
            - {provider: two, model: m, weight: 1}
            - {provider: three, model: m, tier: premium}
    `;
    expect(withCode(build({ providers, mappings }), 'lb/partial-weights')).toEqual([]);
  });

  it('lb/weights-sum: weights that are neither fractions nor percentages are an info', () => {
    const mappings = yaml`
      aliases:
        chat:
          deployments:
            - {provider: one, model: m, weight: 3}
            - {provider: two, model: m, weight: 4}
    `;
    const d = only(build({ providers, mappings }), 'lb/weights-sum');
    expect(d.severity).toBe('info');
    expect(where(d)).toEqual(at(M, mappings, 'chat'));
  });
});

describe('provider/*', () => {
  it('provider/ollama-v1-suffix: a warning at base_url, and the compiled api_base drops /v1', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: http://127.0.0.1:11434/v1
          models: [m]
    `;
    const r = build({ providers });
    const d = only(r, 'provider/ollama-v1-suffix');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(P, providers, 'base_url'));
    expect(d.hint).toBe('remove the /v1 suffix (the compiled api_base drops it)');
    expect(nth(r.config!.model_list, 0).litellm_params.api_base).toBe('http://127.0.0.1:11434');
  });

  it('provider/ollama-v1-suffix: also seen through a ${VAR:-default}', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: \${OLLAMA_URL:-http://127.0.0.1:11434/v1}
          models: [m]
    `;
    const d = only(build({ providers }), 'provider/ollama-v1-suffix');
    expect(where(d)).toEqual(at(P, providers, 'base_url'));
  });

  it('provider/ollama-v1-suffix: not for vllm, where /v1 belongs', () => {
    const providers = yaml`
      providers:
        v:
          type: vllm
          base_url: http://127.0.0.1:8000/v1
          models: [m]
    `;
    expect(build({ providers }).diagnostics).toEqual([]);
  });

  it('provider/bad-url: not a URL', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: "localhost 11434"
          models: [m]
    `;
    const r = build({ providers });
    const d = only(r, 'provider/bad-url');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(P, providers, 'base_url'));
    expect(d.hint).toBe('write it as http://host:port');
  });

  it('provider/bad-url: a scheme other than http(s)', () => {
    const providers = yaml`
      providers:
        local:
          type: vllm
          base_url: ftp://127.0.0.1:8000
          models: [m]
    `;
    const d = only(build({ providers }), 'provider/bad-url');
    expect(where(d)).toEqual(at(P, providers, 'base_url'));
    expect(d.message).toContain('ftp:');
  });

  it('provider/bad-url: a bare ${VAR} cannot be checked; an info says what its value must look like', () => {
    const providers = yaml`
      providers:
        local:
          type: vllm
          base_url: \${VLLM_URL}
          models: [m]
    `;
    const r = build({ providers, env: { VLLM_URL: 'http://10.0.0.1:8000' } });
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['info effect/env-url-as-is']);
    expect(nth(r.diagnostics, 0).message).toContain('must end in /v1');
  });

  it('provider/https-loopback: https:// on a loopback host is a warning with the http:// fix', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: https://127.0.0.1:11434
          models: [m]
        named:
          type: vllm
          base_url: \${VLLM_URL:-https://localhost:8000/v1}
          models: [n]
        remote:
          type: ollama
          base_url: https://ollama.example.com
          models: [o]
    `;
    const list = withCode(build({ providers }), 'provider/https-loopback');
    expect(list.map((d) => [d.severity, d.hint])).toEqual([
      ['warning', 'write http://127.0.0.1:11434'],
      ['warning', 'write http://localhost:8000/v1'],
    ]);
    expect(list.map(where)).toEqual([at(P, providers, 'base_url'), at(P, providers, 'base_url', 2)]);
  });

  it('effect/env-in-text: a reference with no default inside a URL cannot be written for LiteLLM (error)', () => {
    const providers = yaml`
      providers:
        local:
          type: vllm
          base_url: http://\${GPU_HOST}:8000
          models: [m]
    `;
    const r = build({ providers, env: { GPU_HOST: 'gpu' } });
    const d = only(r, 'effect/env-in-text');
    expect(d.severity).toBe('error');
    expect(d.hint).toBe('give it a default (${GPU_HOST:-...}) or make the variable the whole value');
    expect(where(d)).toEqual(at(P, providers, 'base_url'));
    expect(r.ok).toBe(false);
  });

  it('provider/missing-base-url: a local server type without base_url, at the provider', () => {
    const providers = yaml`
      providers:
        gpu:
          type: llama_cpp
          models: [m]
    `;
    const r = build({ providers });
    const d = only(r, 'provider/missing-base-url');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(P, providers, 'gpu'));
    expect(d.hint).toContain('base_url: ');
  });

  it('provider/missing-base-url: not for API providers, nor for an inactive local one', () => {
    const providers = yaml`
      providers:
        ds:
          type: deepseek
          models: [deepseek-chat]
        later:
          type: ollama
          status: template
    `;
    const r = build({ providers, env: { DEEPSEEK_API_KEY: 'x' } });
    expect(withCode(r, 'provider/missing-base-url')).toEqual([]);
  });
});

describe('env/unset', () => {
  const providers = yaml`
    providers:
      api:
        type: openai
        api_keys: [OPENAI_KEY, OPENAI_KEY_2]
        models: [gpt-4o]
      local:
        type: vllm
        base_url: \${VLLM_URL}
        models: [m]
      withdefault:
        type: ollama
        base_url: \${OLLAMA_URL:-http://127.0.0.1:11434}
        models: [o]
  `;

  it('is a warning for each unset variable, at the node that names it', () => {
    const r = build({ providers, env: {} });
    const list = withCode(r, 'env/unset');
    expect(list.map((d) => d.message)).toEqual([
      'environment variable OPENAI_KEY (key of provider "api") is not set',
      'environment variable OPENAI_KEY_2 (key of provider "api") is not set',
      'environment variable VLLM_URL (base_url of provider "local") is not set',
    ]);
    expect(list.every((d) => d.severity === 'warning')).toBe(true);
    expect(list.map(where)).toEqual([
      at(P, providers, 'OPENAI_KEY,'),
      at(P, providers, 'OPENAI_KEY_2'),
      at(P, providers, 'base_url'),
    ]);
    expect(nth(list, 0).hint).toBe('export OPENAI_KEY=... where the proxy runs');
    expect(nth(list, 2).hint).toBe('export VLLM_URL=... where the proxy runs, or give a default: ${VLLM_URL:-value}');
    expect(r.ok).toBe(true);
  });

  it('is an error under strict', () => {
    const r = build({ providers, env: { OPENAI_KEY: 'a', OPENAI_KEY_2: 'b' }, strict: true });
    const d = only(r, 'env/unset');
    expect(d.severity).toBe('error');
    expect(d.message).toContain('VLLM_URL');
    expect(r.ok).toBe(false);
  });

  it('is not reported when every variable is set, nor for ${VAR:-default}', () => {
    const r = build({ providers, env: { OPENAI_KEY: 'a', OPENAI_KEY_2: 'b', VLLM_URL: 'http://x:1' }, strict: true });
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('an empty value counts as unset (the one rule apply and serve follow too)', () => {
    const r = build({ providers, env: { OPENAI_KEY: '', OPENAI_KEY_2: '', VLLM_URL: '' } });
    expect(withCode(r, 'env/unset').map((d) => d.message)).toEqual([
      'environment variable OPENAI_KEY (key of provider "api") is not set (it is empty, which counts as unset)',
      'environment variable OPENAI_KEY_2 (key of provider "api") is not set (it is empty, which counts as unset)',
      'environment variable VLLM_URL (base_url of provider "local") is not set (it is empty, which counts as unset)',
    ]);
  });

  it('the key a provider type reads by default (none written) is reported at the provider', () => {
    const p = yaml`
      providers:
        claude:
          type: anthropic
          models: [claude-haiku-4-5]
    `;
    const d = only(build({ providers: p }), 'env/unset');
    expect(d.message).toContain('ANTHROPIC_API_KEY');
    expect(where(d)).toEqual(at(P, p, 'claude'));
  });

  it('is not reported for a provider nothing routes to', () => {
    const p = yaml`
      providers:
        local:
          type: ollama
          base_url: http://127.0.0.1:11434
          models: [m]
        idle:
          type: openai
          status: disabled
          api_keys: [IDLE_KEY]
    `;
    expect(withCode(build({ providers: p }), 'env/unset')).toEqual([]);
  });

  it('auth/master-key-unset: an unset (or empty) master key variable means no authentication in LiteLLM', () => {
    const mappings = yaml`
      server:
        master_key: \${RM_MASTER_KEY}
    `;
    for (const env of [BASE_ENV, { ...BASE_ENV, RM_MASTER_KEY: '' }]) {
      const r = build({ providers: BASE_PROVIDERS, mappings, env });
      expect(withCode(r, 'env/unset')).toEqual([]);
      const d = only(r, 'auth/master-key-unset');
      expect(d.severity).toBe('warning');
      expect(d.message).toContain('without authentication');
      expect(where(d)).toEqual(at(M, mappings, 'master_key'));
    }
    expect(only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV, strict: true }), 'auth/master-key-unset').severity).toBe('error');
    expect(withCode(build({ providers: BASE_PROVIDERS, mappings, env: { ...BASE_ENV, RM_MASTER_KEY: 'sk-x' } }), 'auth/master-key-unset')).toEqual([]);
  });
});

describe('secret/literal', () => {
  it('a literal api_key with a key shape is an error at the value\'s key, with the hint', () => {
    const providers = yaml`
      providers:
        api:
          type: openai
          api_key: sk-proj-abcdefghijklmnopqrstuvwxyz0123
          models: [gpt-4o]
    `;
    const r = build({ providers });
    const d = only(r, 'secret/literal');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(P, providers, 'api_key'));
    expect(d.hint).toBe('put the key in an environment variable and reference it by name (api_keys: [NAME], or os.environ/NAME)');
    expect(r.ok).toBe(false);
    expect(r.text).toBeUndefined();
  });

  it('a short literal api_key that is not a placeholder is reported by the rule, once', () => {
    const providers = yaml`
      providers:
        api:
          type: openai_compatible
          base_url: http://127.0.0.1:9000
          api_key: hunter2
          models: [m]
    `;
    const d = only(build({ providers }), 'secret/literal');
    expect(where(d)).toEqual(at(P, providers, 'api_key'));
    expect(d.message).toContain('api_key of provider "api"');
  });

  it('a placeholder such as not-needed is not a secret', () => {
    const providers = yaml`
      providers:
        api:
          type: openai_compatible
          base_url: http://127.0.0.1:9000
          api_key: not-needed
          models: [m]
    `;
    expect(build({ providers }).diagnostics).toEqual([]);
  });

  it('an sk-... value anywhere (even in a free-form section) is reported where it is', () => {
    const mappings = yaml`
      metadata:
        owner: platform
        example:
          - note: copied from the dashboard
            value: sk-ant-abcdefghijklmnopqrstuvwxyz012345
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const d = only(r, 'secret/literal');
    expect(where(d)).toEqual(at(M, mappings, 'value'));
    expect(d.pointer).toBe('/metadata/example/0/value');
  });

  it('a key in a file with schema errors is still reported', () => {
    const providers = yaml`
      providers:
        api:
          type: opena
          api_key: sk-abcdefghijklmnopqrstuvwxyz0123
    `;
    const r = build({ providers });
    expect(where(only(r, 'secret/literal'))).toEqual(at(P, providers, 'api_key'));
    expect(only(r, 'schema/enum').severity).toBe('error');
  });

  it('a literal master_key (scan for a long one; rule for a short one); os.environ/VAR is fine', () => {
    const long = yaml`
      server:
        master_key: Rm0123456789abcdefXYZ
    `;
    const d1 = only(build({ providers: BASE_PROVIDERS, mappings: long, env: BASE_ENV }), 'secret/literal');
    expect(where(d1)).toEqual(at(M, long, 'master_key'));
    const short = yaml`
      server:
        master_key: letmein
    `;
    const d2 = only(build({ providers: BASE_PROVIDERS, mappings: short, env: BASE_ENV }), 'secret/literal');
    expect(where(d2)).toEqual(at(M, short, 'master_key'));
    expect(d2.message).toContain('client key');
    const ok = yaml`
      server:
        master_key: os.environ/RM_MASTER_KEY
    `;
    expect(build({ providers: BASE_PROVIDERS, mappings: ok, env: { ...BASE_ENV, RM_MASTER_KEY: 'x' } }).diagnostics).toEqual([]);
  });
});

describe('effect/*', () => {
  it('effect/unsupported-section: routing_rules and special_cases, at the section', () => {
    const mappings = yaml`
      routing_rules:
        by_size: {small: local}
      special_cases:
        on_error: retry
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const list = withCode(r, 'effect/unsupported-section');
    expect(list.map(where)).toEqual([at(M, mappings, 'routing_rules'), at(M, mappings, 'special_cases')]);
    expect(list.every((d) => d.severity === 'warning')).toBe(true);
    expect(nth(list, 1).hint).toContain('router.allowed_fails');
  });

  it('effect/unsupported-strategy: an unknown strategy, with did-you-mean', () => {
    const mappings = yaml`
      router:
        routing_strategy: least-bussy
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const d = only(r, 'effect/unsupported-strategy');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, 'routing_strategy'));
    expect(d.hint).toBe('did you mean "least-busy"?');
    expect(r.config!.router_settings!.routing_strategy).toBe('simple-shuffle');
  });

  it('effect/unsupported-strategy: a synonym found in the wild is mapped, not reported', () => {
    const mappings = yaml`
      router:
        routing_strategy: round_robin
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    expect(r.diagnostics).toEqual([]);
    expect(r.config!.router_settings!.routing_strategy).toBe('simple-shuffle');
  });

  it('effect/none: each field without effect is reported at the field', () => {
    const providers = yaml`
      providers:
        local:
          type: ollama
          base_url: http://127.0.0.1:11434
          rate_limits: {rpm: 10, hourly: 100}
          models: [a, b]
    `;
    // `pool` routes local/a, so `a` is no public name of its own: the capability prefers `b`, the chain hangs off `pool`.
    const mappings = yaml`
      capabilities:
        coding:
          preferred_models: [b]
          min_context: 8000
      load_balancing:
        strategies: {weighted: docs}
        pool:
          parameters: {alpha: 1}
          providers:
            - {provider: local, model: a, condition: "load > 3"}
      fallback_chains:
        pool:
          retry_attempts: 3
          chain:
            - {primary: b, condition: on_error}
    `;
    const r = build({ providers, mappings });
    const list = withCode(r, 'effect/none');
    const byPlace = list.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity}`);
    const places: Array<[string, string, string]> = [
      [M, 'min_context', 'warning'],
      [M, 'strategies', 'info'],
      [M, 'parameters', 'warning'],
      [M, 'condition: "load', 'warning'],
      [M, 'retry_attempts', 'warning'],
      [M, 'condition: on_error', 'warning'],
      [P, 'hourly', 'info'],
    ];
    const expected = places.map(([file, needle, sev]) => {
      const p = at(file, file === M ? mappings : providers, needle);
      return `${p.file}:${p.line}:${p.col} ${sev}`;
    });
    expect(byPlace.sort()).toEqual(expected.sort());
    expect(r.ok).toBe(true);
  });

  it('effect/none: load_balancing disabled says none of its groups take effect', () => {
    const mappings = yaml`
      load_balancing:
        enabled: false
        pool:
          providers: [{provider: local, model: "llama3.1:8b"}]
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const d = only(r, 'effect/none');
    expect(d.severity).toBe('info');
    expect(where(d)).toEqual(at(M, mappings, 'enabled'));
    expect(r.config!.model_list.some((x) => x.model_name === 'pool')).toBe(false);
  });
});

describe('policy/*', () => {
  it('policy/unknown: default_policy that is not a policy, at default_policy, listing the policies', () => {
    const mappings = yaml`
      default_policy: cheapest
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const d = only(r, 'policy/unknown');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, 'default_policy'));
    expect(d.hint).toBe('one of: auto, free, uncensored, premium');
    expect(r.ok).toBe(false);
  });

  it('policy/unknown: a policy defined in the file is accepted as default', () => {
    const mappings = yaml`
      policies:
        cheapest: [free, internal]
      default_policy: cheapest
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    expect(withCode(r, 'policy/unknown')).toEqual([]);
  });

  it('policy/unreachable: a group none of whose tiers a policy uses', () => {
    const mappings = yaml`
      policies:
        local-only: [internal]
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const list = withCode(r, 'policy/unreachable');
    expect(list.map((d) => d.message)).toEqual([
      'under the "local-only" policy (internal), "gpt-4o-mini" has no deployment: such requests get 503',
      'under the "local-only" policy (internal), "gpt-4o" has no deployment: such requests get 503',
    ]);
    expect(list.map(where)).toEqual([at(P, BASE_PROVIDERS, 'gpt-4o-mini'), at(P, BASE_PROVIDERS, 'gpt-4o]')]);
  });
});

describe('router and cache', () => {
  it('router/stream-timeout: stream_timeout longer than timeout', () => {
    const mappings = yaml`
      router:
        timeout: 30
        stream_timeout: 60
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'router/stream-timeout');
    expect(d.severity).toBe('warning');
    expect(where(d)).toEqual(at(M, mappings, 'stream_timeout'));
  });

  it('cache/no-redis: a redis cache without a host', () => {
    const mappings = yaml`
      cache:
        type: redis
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'cache/no-redis');
    expect(d.severity).toBe('error');
    expect(where(d)).toEqual(at(M, mappings, 'cache'));
  });

  it('effect/none: fleet settings without any Redis', () => {
    const mappings = yaml`
      fleet:
        namespace: team-a
    `;
    const d = only(build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV }), 'effect/none');
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('fleet has no effect without Redis');
    expect(where(d)).toEqual(at(M, mappings, 'fleet'));
    const withRedis = yaml`
      router:
        redis_host: 127.0.0.1
      fleet:
        namespace: team-a
    `;
    expect(build({ providers: BASE_PROVIDERS, mappings: withRedis, env: BASE_ENV }).diagnostics).toEqual([]);
  });
});

describe('diagnostics order', () => {
  it('is sorted by file, line, col: the same list for the same input, whatever the rule order', () => {
    const mappings = yaml`
      default_policy: nope
      aliases:
        chat:
          deployments: [{provider: ghost}]
    `;
    const r = build({ providers: BASE_PROVIDERS, mappings, env: BASE_ENV });
    const keys = r.diagnostics.map((d) => [d.file, d.line, d.col] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['policy/unknown', 'route/no-active-deployment', 'ref/unknown-provider']);
  });
});

describe('registries as teams keep them', () => {
  it('provider/not-llm: tool_server and web_ui entries are accepted, left out, said as info; a route to one is a warning', () => {
    const providers = providersWith(
      'm',
      yaml`
        mcp:
          type: tool_server
          base_url: http://127.0.0.1:9000
          description: MCP tools
        webui:
          type: web_ui
          base_url: http://127.0.0.1:3000
      `,
    );
    const mappings = yaml`
      fallback_chains:
        m:
          chain: [webui]
    `;
    const r = build({ providers, mappings });
    expect(r.ok).toBe(true);
    expect(withCode(r, 'provider/not-llm').map((d) => [d.severity, where(d)])).toEqual([
      ['info', at(P, providers, 'mcp:')],
      ['info', at(P, providers, 'webui:')],
    ]);
    expect(only(r, 'ref/not-llm-provider').severity).toBe('warning');
    expect(r.config?.model_list.map((d) => d.model_info?.provider)).toEqual(['local']);
  });

  it('a provider step in a group\'s fallback chain is that provider\'s deployment of the same model, not its groups', () => {
    const providers = yaml`
      providers:
        one: {type: ollama, base_url: "http://127.0.0.1:11434", models: [m, roleplay]}
        two: {type: ollama, base_url: "http://127.0.0.1:11435", models: [m, other]}
    `;
    const mappings = yaml`
      exact_matches:
        m: {provider: one}
      fallback_chains:
        m:
          chain: [two]
    `;
    const r = build({ providers, mappings });
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const m = r.config?.model_list.filter((d) => d.model_name === 'm').map((d) => [d.model_info?.provider, d.litellm_params.model, d.litellm_params.order]);
    expect(m).toEqual([
      ['one', 'ollama_chat/m', 1],
      ['two', 'ollama_chat/m', 2],
    ]);
    expect(r.config?.router_settings?.fallbacks ?? []).toEqual([]);
  });

  it('a provider in a capability stands for its model with the matching specialty, not every group it serves', () => {
    const providers = yaml`
      providers:
        ollama:
          type: ollama
          base_url: http://127.0.0.1:11434
          models:
            - {name: chat-model, specialty: general_chat}
            - {name: coder, specialty: code_generation}
            - {name: roleplay, specialty: creative_writing}
    `;
    const mappings = yaml`
      capabilities:
        code:
          provider: ollama
    `;
    const r = build({ providers, mappings });
    expect(r.config?.router_settings?.model_group_alias).toEqual({ code: 'coder' });
    expect(r.config?.router_settings?.fallbacks).toBeUndefined();
  });
});

describe('provider/key-mismatch', () => {
  it('a key from another provider\'s variable is a warning at the variable; the right one or an unknown name is not', () => {
    const providers = yaml`
      providers:
        claude:
          type: anthropic
          api_keys: [OPENAI_API_KEY, ANTHROPIC_API_KEY, MY_TEAM_KEY]
          models: [claude-haiku-4-5]
        groq:
          type: openai_compatible
          base_url: https://api.groq.com/openai/v1
          api_key_env: XAI_API_KEY
          models: [llama-3.1-8b-instant]
    `;
    const list = withCode(build({ providers, env: { OPENAI_API_KEY: 'a', ANTHROPIC_API_KEY: 'b', MY_TEAM_KEY: 'c', XAI_API_KEY: 'd' } }), 'provider/key-mismatch');
    expect(list.map((d) => [d.severity, where(d)])).toEqual([
      ['warning', at(P, providers, 'OPENAI_API_KEY')],
      ['warning', at(P, providers, 'api_key_env')],
    ]);
    expect(nth(list, 0).message).toContain('sent to anthropic');
    expect(nth(list, 1).message).toContain('sent to groq');
  });
});
