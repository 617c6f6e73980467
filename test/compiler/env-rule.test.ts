// Issue 13.12: one env module (src/shared/env.ts) and one rule, an empty variable counts as unset, in every
// place that reads a reference: validate's expansion, generate/apply's concrete values and secrets,
// apply's master key for the health check, serve's loader.
import { describe, expect, it } from 'vitest';
import { concreteValue, secretValue } from '../../src/compile/env-values.js';
import { resolveMasterKey } from '../../src/deploy/transaction-context.js';
import { resolveEnvRefs } from '../../src/proxy/env.js';
import { envValue, expandEnv, soleEnvReference } from '../../src/shared/env.js';

const EMPTY = { URL: '', KEY: '' };

describe('the env rule: empty = unset, everywhere', () => {
  it('shared/env: an empty variable has no value, and a default stands in', () => {
    expect(envValue(EMPTY, 'URL')).toBeUndefined();
    expect(envValue({ URL: 'x' }, 'URL')).toBe('x');
    expect(expandEnv('${URL:-http://d}', EMPTY)).toEqual({ value: 'http://d', missing: [] });
    expect(expandEnv('os.environ/KEY', EMPTY)).toEqual({ value: '', missing: ['KEY'] });
  });

  it('compile: an empty deploy value takes the default (concrete) or stays a reference (whole)', () => {
    expect(concreteValue('${URL:-http://d}/v1', EMPTY)).toEqual({ value: 'http://d/v1', unresolved: [] });
    expect(concreteValue('${URL}', EMPTY)).toEqual({ value: 'os.environ/URL', unresolved: [] });
    expect(concreteValue('http://${URL}/v1', EMPTY)).toEqual({ value: 'http:///v1', unresolved: ['URL'] });
  });

  it('a secret written as exactly one reference becomes os.environ/VAR, default or not', () => {
    for (const text of ['os.environ/KEY', '${KEY}', '${KEY:-sk-none}']) expect(secretValue(text)).toBe('os.environ/KEY');
    expect(secretValue('prefix-${KEY}')).toBe('prefix-${KEY}');
    expect(soleEnvReference('${KEY:-a}')).toEqual({ name: 'KEY', fallback: 'a' });
    expect(soleEnvReference('x${KEY}')).toBeUndefined();
  });

  it("deploy: an empty master key variable is no master key; serve: an empty whole reference is no value", () => {
    const compiled = 'model_list: []\ngeneral_settings:\n  master_key: os.environ/KEY\n';
    expect(resolveMasterKey(compiled, EMPTY)).toBeUndefined();
    expect(resolveMasterKey(compiled, { KEY: 'sk-1' })).toBe('sk-1');
    const loaded = resolveEnvRefs({ api_key: 'os.environ/KEY', api_base: '${URL:-http://d}' }, EMPTY);
    expect(loaded.value).toEqual({ api_key: undefined, api_base: 'http://d' });
    expect(loaded.missing).toEqual([{ pointer: '/api_key', variable: 'KEY' }]);
  });
});
