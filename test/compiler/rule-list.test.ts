// The rule list (src/config/rule-list.ts): every rule is named, says what it checks and its fix, and reports
// only the codes it declares, run one by one over every golden and compat source set.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/config/context.js';
import { loadConfig } from '../../src/config/index.js';
import { RULES } from '../../src/config/rule-list.js';
import { MAPPINGS_FILE, PROVIDERS_FILE } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = [join(ROOT, 'test/fixtures/compiler/golden'), join(ROOT, '../shared/compat/ai-backend-unified')]
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)))
  .filter((dir) => existsSync(join(dir, 'providers.yaml')) && existsSync(join(dir, 'model-mappings.yaml')));

describe('the rule list', () => {
  it('names each rule once and says what it checks, its codes and its fix', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of RULES) {
      expect(rule.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(rule.codes.length, rule.name).toBeGreaterThan(0);
      for (const code of rule.codes) expect(code).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(rule.checks.length, rule.name).toBeGreaterThan(10);
      expect(rule.fix.length, rule.name).toBeGreaterThan(10);
    }
  });

  it('each rule reports only the codes it declares, on every golden and compat source set', () => {
    expect(SOURCE_DIRS.length).toBeGreaterThan(5);
    const reporting = new Set<string>();
    for (const dir of SOURCE_DIRS) {
      const read = (file: string) => ({ path: file, text: readFileSync(join(dir, file), 'utf8') });
      const env = existsSync(join(dir, 'env.json')) ? (JSON.parse(readFileSync(join(dir, 'env.json'), 'utf8')) as Record<string, string>) : {};
      const { model, routing } = loadConfig(read(PROVIDERS_FILE), read(MAPPINGS_FILE), { env });
      if (!model || !routing) continue;
      for (const rule of RULES) {
        const reporter = new Reporter([]);
        rule.run({ model, routing, sources: [], env, strict: false, reporter, flagged: new Set() });
        const undeclared = reporter.diagnostics.map((d) => d.code).filter((code) => !rule.codes.includes(code));
        expect(undeclared, `${rule.name} on ${dir}`).toEqual([]);
        if (reporter.diagnostics.length > 0) reporting.add(rule.name);
      }
    }
    // Not vacuous: most rules find something in these sets.
    expect(reporting.size).toBeGreaterThanOrEqual(RULES.length / 2);
  });
});
