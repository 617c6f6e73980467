// Shared helpers for the compiler tests: inline YAML, a build with a controlled environment, and
// positions computed from the text itself (so a test names the node it means, not a line number
// that silently drifts when the fixture is edited).
import { buildFromTexts, type BuildResult } from '../../src/compile/index.js';
import type { Diagnostic } from '../../src/shared/diagnostics.js';
import type { Env } from '../../src/shared/env.js';

export const PROVIDERS_FILE = 'providers.yaml';
export const MAPPINGS_FILE = 'model-mappings.yaml';

/** Template tag: strips the common leading indentation and the first/last blank lines. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

export interface BuildInput {
  providers: string;
  mappings?: string;
  env?: Env;
  strict?: boolean;
}

/** buildFromTexts with an explicit environment: results never depend on the machine. */
export function build(input: BuildInput): BuildResult {
  return buildFromTexts(
    { path: PROVIDERS_FILE, text: input.providers },
    { path: MAPPINGS_FILE, text: input.mappings ?? '' },
    { env: input.env ?? {}, strict: input.strict ?? false },
  );
}

export function withCode(result: BuildResult, code: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.code === code);
}

/** The one diagnostic with this code; fails (with the whole list) when there are none or several. */
export function only(result: BuildResult, code: string): Diagnostic {
  const list = withCode(result, code);
  const [first] = list;
  if (list.length !== 1 || !first) {
    throw new Error(`expected exactly one ${code}, got ${list.length}:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  }
  return first;
}

/** The item at `index`; fails the test when there is none (test/support/must.ts's `at`; `at` here is a position). */
export { at as nth } from '../support/must.js';

/**
 * 1-based line/col of the `occurrence`-th match of `needle` in `text` (plus `offset` characters).
 * Throws when the needle is missing, so a fixture edit cannot turn an assertion vacuous.
 */
export function pos(text: string, needle: string, occurrence = 1, offset = 0): { line: number; col: number } {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found in fixture`);
  }
  at += offset;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const col = at - before.lastIndexOf('\n');
  return { line, col };
}

/** The shape a position assertion compares. */
export function where(d: Diagnostic): { file: string; line: number; col: number } {
  return { file: d.file, line: d.line, col: d.col };
}

export function at(file: string, text: string, needle: string, occurrence = 1, offset = 0): { file: string; line: number; col: number } {
  return { file, ...pos(text, needle, occurrence, offset) };
}

/** One line per diagnostic, as in diagnostics.txt goldens (no colour, hint inline). */
export function formatDiagnostic(d: Diagnostic): string {
  const line = `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}`;
  return d.hint ? `${line} (fix: ${d.hint})` : line;
}

export function codes(result: BuildResult): string[] {
  return result.diagnostics.map((d) => d.code);
}

/** A small valid registry most tests start from. */
export const BASE_PROVIDERS = yaml`
  providers:
    local:
      type: ollama
      tier: internal
      base_url: http://127.0.0.1:11434
      models: [llama3.1:8b, qwen2.5:7b]
    api:
      type: openai
      tier: direct
      api_keys: [OPENAI_KEY]
      models: [gpt-4o-mini, gpt-4o]
`;

export const BASE_ENV: Env = { OPENAI_KEY: 'sk-test-value-never-in-output-0001' };

/**
 * A registry whose first provider is `local` (ollama on 127.0.0.1:11434 serving `models`), followed by
 * the providers in `more` (YAML written at the level of `local`): a test states only what differs.
 */
export function providersWith(models: string, more = ''): string {
  const others = more
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `  ${l}\n`)
    .join('');
  return `providers:\n  local:\n    type: ollama\n    base_url: http://127.0.0.1:11434\n    models: [${models}]\n${others}`;
}
