// Golden tests: sources -> expected litellm-unified.yaml and expected diagnostics.txt.
// Local cases live in test/fixtures/compiler/golden/<case>/ (inputs and expectations, env.json for the
// environment); the compat cases read their inputs from ../shared/compat/ai-backend-unified/<name>/ and
// keep their expectations in golden/compat-<name>/. `UPDATE_GOLDEN=1 npx vitest run test/compiler`
// rewrites the expectations; review the diff before committing it.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { skipUnless } from '../support/skip.js';
import { buildFromTexts, type BuildResult } from '../../src/compile/index.js';
import type { Diagnostic } from '../../src/shared/diagnostics.js';
import type { Env } from '../../src/shared/env.js';
import { formatDiagnostic, MAPPINGS_FILE, nth, PROVIDERS_FILE } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOLDEN = join(ROOT, 'test/fixtures/compiler/golden');
const COMPAT = join(ROOT, '../shared/compat/ai-backend-unified');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const COMPAT_CASES = ['main', 'v1.7-f50e706', 'claude-enhance-unified', 'initial-4729820'] as const;

const compatMissing = !existsSync(COMPAT);
if (compatMissing) {
  console.warn(`[golden] skipping the compat golden tests: ${COMPAT} does not exist (the shared compat inputs are not on this machine)`);
}

function compileDir(dir: string, env: Env): BuildResult {
  return buildFromTexts(
    { path: PROVIDERS_FILE, text: readFileSync(join(dir, 'providers.yaml'), 'utf8') },
    { path: MAPPINGS_FILE, text: readFileSync(join(dir, 'model-mappings.yaml'), 'utf8') },
    { env },
  );
}

function diagnosticsText(list: readonly Diagnostic[]): string {
  return list.map((d) => formatDiagnostic(d) + '\n').join('');
}

/** Compares (or, with UPDATE_GOLDEN=1, rewrites) the expectations in `expectDir`. */
function checkGolden(expectDir: string, result: BuildResult): void {
  const diagFile = join(expectDir, 'diagnostics.txt');
  const outFile = join(expectDir, 'litellm-unified.yaml');
  const diags = diagnosticsText(result.diagnostics);
  if (UPDATE) {
    mkdirSync(expectDir, { recursive: true });
    writeFileSync(diagFile, diags);
    if (result.text) writeFileSync(outFile, result.text);
    else rmSync(outFile, { force: true });
  }
  expect(diags, `${diagFile} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(diagFile, 'utf8'));
  if (result.text) {
    expect(result.text, `${outFile} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(outFile, 'utf8'));
  } else {
    expect(existsSync(outFile), `${outFile} exists but the sources do not compile`).toBe(false);
  }
}

const localCases = readdirSync(GOLDEN, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(GOLDEN, e.name, 'providers.yaml')))
  .map((e) => e.name)
  .sort();

describe('golden: local cases', () => {
  it('there are local cases to check', () => {
    expect(localCases.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of localCases) {
    it(name, () => {
      const dir = join(GOLDEN, name);
      const envFile = join(dir, 'env.json');
      const env = existsSync(envFile) ? (JSON.parse(readFileSync(envFile, 'utf8')) as Env) : {};
      const result = compileDir(dir, env);
      checkGolden(dir, result);
      // Whatever the case, no environment value reaches the output.
      for (const value of Object.values(env)) if (value && result.text) expect(result.text.includes(value)).toBe(false);
    });
  }

  it('all-types compiles cleanly (no errors or warnings; infos only where LiteLLM differs from rmctl serve)', () => {
    const dir = join(GOLDEN, 'all-types');
    const env = JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8')) as Env;
    const result = compileDir(dir, env);
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['info effect/tier-fallthrough', 'info effect/group-strategy', 'info effect/group-strategy', 'info effect/env-url-as-is']);
    expect(result.ok).toBe(true);
  });

  it('the invalid cases do not compile and say why', () => {
    for (const name of ['invalid-semantics', 'invalid-yaml', 'invalid-schema']) {
      const result = compileDir(join(GOLDEN, name), {});
      expect(result.ok, name).toBe(false);
      expect(result.diagnostics.some((d) => d.severity === 'error'), name).toBe(true);
    }
  });
});

describe('golden: compat (../shared/compat/ai-backend-unified)', skipUnless(!compatMissing, `${COMPAT} does not exist (the shared compat inputs are not on this machine)`), () => {
  const results = new Map<string, BuildResult>();
  const resultFor = (name: string): BuildResult => {
    let r = results.get(name);
    if (!r) {
      r = compileDir(join(COMPAT, name), {});
      results.set(name, r);
    }
    return r;
  };

  for (const name of COMPAT_CASES) {
    it(`${name}: matches golden/compat-${name}`, () => {
      checkGolden(join(GOLDEN, `compat-${name}`), resultFor(name));
    });
  }

  it('main is valid: no errors, and it compiles', () => {
    const r = resultFor('main');
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.config!.model_list.length).toBeGreaterThan(10);
  });

  it('v1.7-f50e706 reports its three fallback cycles with their paths and positions', () => {
    const r = resultFor('v1.7-f50e706');
    expect(r.ok).toBe(false);
    const text = readFileSync(join(COMPAT, 'v1.7-f50e706/model-mappings.yaml'), 'utf8');
    const cycles = r.diagnostics.filter((d) => d.code === 'route/fallback-cycle');
    // Each cycle is reported at the chain entry that closes it: the second group's step back to the first.
    const expected: Array<[string, string, string]> = [
      ['qwen2.5-coder:7b -> qwen-coder-vllm -> qwen2.5-coder:7b', '"qwen-coder-vllm":', 'qwen2.5-coder:7b'],
      ['llama3.1:latest -> mythomax-l2-13b-q5_k_m -> llama3.1:latest', '"mythomax-l2-13b-q5_k_m":\n    description', 'llama3.1:latest'],
      ['deepseek-v3.1:671b-cloud -> kimi-k2:1t-cloud -> deepseek-v3.1:671b-cloud', '"kimi-k2:1t-cloud":', 'deepseek-v3.1:671b-cloud'],
    ];
    for (const [path, chainKey, step] of expected) {
      const found = cycles.filter((d) => d.message === `fallback cycle: ${path}`);
      expect(found, path).toHaveLength(1);
      const d = nth(found, 0);
      expect(d.severity).toBe('error');
      expect(d.file).toBe(MAPPINGS_FILE);
      // The position: the first chain step naming `step` after the chain of `chainKey` starts.
      const chainAt = text.indexOf(`fallback_chains:`);
      const keyAt = text.indexOf(chainKey, chainAt);
      expect(keyAt, chainKey).toBeGreaterThan(0);
      const stepAt = text.indexOf(`- ${step}`, keyAt) + 2;
      const line = text.slice(0, stepAt).split('\n').length;
      const col = stepAt - text.lastIndexOf('\n', stepAt - 1);
      expect({ path, line: d.line, col: d.col }).toEqual({ path, line, col });
      expect(d.pointer).toMatch(/^\/fallback_chains\/[^/]+\/chain\/\d+$/);
    }
  });

  it('claude-enhance-unified and initial-4729820 finish without a crash, each problem at a position', () => {
    for (const name of ['claude-enhance-unified', 'initial-4729820']) {
      const r = resultFor(name);
      expect(r.diagnostics.length, name).toBeGreaterThan(0);
      for (const d of r.diagnostics) {
        expect([PROVIDERS_FILE, MAPPINGS_FILE]).toContain(d.file);
        expect(d.line, formatDiagnostic(d)).toBeGreaterThan(0);
        expect(d.col, formatDiagnostic(d)).toBeGreaterThan(0);
      }
    }
  });

  it('compiling twice gives identical bytes', () => {
    const a = compileDir(join(COMPAT, 'main'), {});
    const b = compileDir(join(COMPAT, 'main'), {});
    expect(a.text).toBeDefined();
    expect(b.text).toBe(a.text);
    expect(diagnosticsText(b.diagnostics)).toBe(diagnosticsText(a.diagnostics));
  });
});

describe('the project\'s own sources', () => {
  it('generated/litellm-unified.yaml is what providers/ and mappings/ compile to (rmctl generate --check)', () => {
    const result = buildFromTexts(
      { path: 'providers/providers.yaml', text: readFileSync(join(ROOT, 'providers/providers.yaml'), 'utf8') },
      { path: 'mappings/model-mappings.yaml', text: readFileSync(join(ROOT, 'mappings/model-mappings.yaml'), 'utf8') },
      { env: {} },
    );
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(result.text).toBe(readFileSync(join(ROOT, 'generated/litellm-unified.yaml'), 'utf8'));
  });

  it('compiling twice gives identical bytes, and the environment does not change them', () => {
    const texts = [{}, { HF_TOKEN: 'hf_x', OLLAMA_BASE_URL: 'http://elsewhere:1' }].map(
      (env) =>
        buildFromTexts(
          { path: 'p', text: readFileSync(join(ROOT, 'providers/providers.yaml'), 'utf8') },
          { path: 'm', text: readFileSync(join(ROOT, 'mappings/model-mappings.yaml'), 'utf8') },
          { env },
        ).text,
    );
    expect(texts[0]).toBeDefined();
    expect(texts[1]).toBe(texts[0]);
  });
});
