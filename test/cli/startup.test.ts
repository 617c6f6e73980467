// What `rmctl --version`, `--help` and `validate` load at start-up (the real launcher, built dist/): the
// start path is commander and a few small modules; colour (chalk), YAML and the command modules load only
// with the command that needs them, and no schema is compiled at run time (ajv's compiler never loads).
// Timings are for scripts/bench-cli.mjs; this checks the module lists, which do not depend on the machine.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RMCTL, ROOT } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rmctl-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// An ESM loader hook that names every module it loads on stderr. The hook runs on its own thread, where
// console.error is forwarded to the main thread asynchronously and lines can be lost when the process ends
// quickly (--version, --help); a synchronous write to fd 2 reaches the pipe before the module loads.
const hook = join(dir, 'hook.mjs');
writeFileSync(
  hook,
  "import { writeSync } from 'node:fs';\nexport async function load(url, context, next) { writeSync(2, 'LOADED ' + url + '\\n'); return next(url, context); }\n",
);
const register = join(dir, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);

function loadedBy(args: string[]): string[] {
  const r = spawnSync(process.execPath, ['--import', register, RMCTL, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length).replace(pathToFileURL(ROOT).href, ''));
}

describe('start-up', () => {
  it.each([['--version'], ['--help']])('rmctl %s loads commander and no command, colour or YAML module', (arg) => {
    const loaded = loadedBy([arg]);
    expect(loaded).toContain('node_modules/commander/index.js');
    expect(loaded.filter((u) => /chalk|yaml|ajv|dist\/cli\/commands\//.test(u))).toEqual([]);
  });

  it('rmctl validate uses the precompiled validators: ajv itself is never loaded', () => {
    const loaded = loadedBy(['validate']);
    expect(loaded).toContain('dist/cli/commands/validate.js');
    expect(loaded.filter((u) => u.includes('node_modules/ajv/'))).toEqual([]);
  });

  it('a launcher without a build says how to build it (exit 2)', () => {
    const bin = join(dir, 'pkg', 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(dir, 'pkg', 'package.json'), '{ "type": "module" }\n');
    copyFileSync(RMCTL, join(bin, 'rmctl'));
    const r = spawnSync(process.execPath, [join(bin, 'rmctl'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the CLI is not built yet; run `npm install`');
  });
});
