// The size guard rails (eslint.config.js): a file in src/ over 400 lines of code, or a function over 80,
// fails the lint; blank lines and comments do not count.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const eslint = new ESLint({ cwd: ROOT });

async function sizeRules(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: `${ROOT}${file}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? '').filter((id) => id.startsWith('max-lines'));
}

/** A function whose body has `statements` lines of code, each followed by `padding` blank and comment lines. */
function fn(name: string, statements: number, padding = 0): string {
  const body = Array.from({ length: statements }, (_, i) => `  total += ${i};\n${'\n  // note\n'.repeat(padding)}`);
  return `export function ${name}(): number {\n  let total = 0;\n${body.join('')}  return total;\n}\n`;
}

describe('size guard rails', () => {
  it('a function over 80 lines fails', async () => {
    expect(await sizeRules('src/shared/probe.ts', fn('long', 80))).toEqual(['max-lines-per-function']);
  });

  it('a function of 80 lines with comments and blank lines between passes', async () => {
    expect(await sizeRules('src/shared/probe.ts', fn('spaced', 70, 1))).toEqual([]);
  });

  it('a file over 400 lines of code fails', async () => {
    const text = Array.from({ length: 9 }, (_, i) => fn(`part${i}`, 45)).join('\n');
    expect(await sizeRules('src/proxy/http/probe.ts', text)).toEqual(['max-lines']);
  });

  it('the rule applies to src/ only', async () => {
    expect(await sizeRules('test/probe.test.ts', fn('long', 120))).toEqual([]);
  });
});
