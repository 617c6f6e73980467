// The layer rule (eslint.config.js, ARCHITECTURE.md): an import from a layer above fails the lint.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport const y = x;\n`, { filePath: `${ROOT}${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('imports that break the layers fail the lint', () => {
  it.each([
    ['src/proxy/probe.ts', '../config/index.js'],
    ['src/proxy/http/probe.ts', '../../config/index.js'],
    ['src/proxy/probe.ts', '../compile/index.js'],
    ['src/proxy/probe.ts', '../deploy/apply.js'],
    ['src/deploy/probe.ts', '../proxy/server.js'],
    ['src/deploy/probe.ts', '../cli/output.js'],
    ['src/compile/probe.ts', '../deploy/apply.js'],
    ['src/config/probe.ts', '../compile/index.js'],
    ['src/shared/probe.ts', '../config/index.js'],
    ['src/cli/commands/probe.ts', './validate.js'],
    // No exceptions left: what rollback and backups share with apply lives in src/cli/deploy-flow.ts.
    ['src/cli/commands/rollback.ts', './apply.js'],
    ['src/cli/commands/backups.ts', './apply.js'],
    ['src/config/probe.ts', 'node:child_process'],
    ['src/compile/probe.ts', 'undici'],
  ])('%s importing %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toHaveLength(1);
  });
});

describe('imports down the layers pass', () => {
  it.each([
    ['src/cli/commands/probe.ts', '../../proxy/server.js'],
    ['src/cli/commands/probe.ts', '../output.js'],
    ['src/cli/probe.ts', '../deploy/apply.js'],
    ['src/deploy/probe.ts', '../compile/index.js'],
    ['src/proxy/http/probe.ts', '../../shared/yaml-source.js'],
    ['src/proxy/http/probe.ts', '../stream/pump.js'],
    ['src/compile/probe.ts', '../config/index.js'],
    ['src/config/probe.ts', '../shared/env.js'],
    ['src/deploy/probe.ts', 'execa'],
  ])('%s importing %s', async (file, specifier) => {
    expect(await restricted(file, specifier)).toEqual([]);
  });
});
