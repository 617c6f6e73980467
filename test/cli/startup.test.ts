// What `rmctl --version`, `--help` and `validate` load at start-up (the real launcher, the bundled CLI in
// dist/bundle/): the start path is the program and commander; colour (chalk), YAML and the command modules
// load only with the command that needs them, validate parses YAML with js-yaml alone (the `yaml` library
// never loads), it hashes nothing and checks no output, and no schema is compiled at run time (ajv's
// compiler never loads). A loaded bundle file is mapped to the modules it was built from through esbuild's
// metafile (dist/bundle/meta.json).
// Timings are for scripts/bench-cli.mjs; this checks the module lists, which do not depend on the machine.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RMCTL, ROOT } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rmctl-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// An ESM loader hook that names every module it loads on stderr, and a preload that names every CommonJS
// module required (the precompiled validators, and `yaml` if anything asked for it) when the process ends.
// The hook runs on its own thread, where console.error is forwarded to the main thread asynchronously and
// lines can be lost when the process ends quickly (--version, --help); a synchronous write to fd 2 reaches
// the pipe before the module loads.
const hook = join(dir, 'hook.mjs');
writeFileSync(
  hook,
  "import { writeSync } from 'node:fs';\nexport async function load(url, context, next) { writeSync(2, 'LOADED ' + url + '\\n'); return next(url, context); }\n",
);
const register = join(dir, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
const required = join(dir, 'required.cjs');
writeFileSync(
  required,
  "process.on('exit', () => {\n" +
    "  for (const f of Object.keys(require.cache)) require('node:fs').writeSync(2, 'LOADED file://' + f + '\\n');\n" +
    "  for (const m of process.moduleLoadList) if (m.startsWith('NativeModule ')) require('node:fs').writeSync(2, 'LOADED node:' + m.slice(13) + '\\n');\n" +
    '});\n',
);

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** The files a command loads: package-relative paths, a bundle file replaced by the modules it was built from. */
function loadedBy(args: string[]): string[] {
  const r = spawnSync(process.execPath, ['--require', required, '--import', register, RMCTL, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(r.status, r.stderr).toBe(0);
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/meta.json'), 'utf8')) as Metafile;
  const files = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length).replace(pathToFileURL(ROOT).href, ''));
  expect(files).toContain('dist/bundle/main.js');
  return files.flatMap((f) => (meta.outputs[f] ? [f, ...Object.keys(meta.outputs[f].inputs)] : [f]));
}

describe('start-up', () => {
  it.each([['--version'], ['--help']])('rmctl %s loads commander and no command, colour or YAML module', (arg) => {
    const loaded = loadedBy([arg]);
    expect(loaded).toContain('node_modules/commander/index.js');
    expect(loaded.filter((u) => /chalk|yaml|ajv|cli\/commands\//.test(u))).toEqual([]);
    // commander's node:child_process (for executable subcommands rmctl does not have) loads on demand.
    expect(loaded).toContain('src/cli/child-process-on-demand.ts');
    expect(loaded.filter((u) => /^node:(child_process|dgram)$/.test(u))).toEqual([]);
  });

  it("commander uses nothing of node:child_process but spawn (all that src/cli/child-process-on-demand.ts provides)", () => {
    const source = readFileSync(join(ROOT, 'node_modules/commander/lib/command.js'), 'utf8');
    const used = new Set([...source.matchAll(/childProcess\.(\w+)/g)].map((m) => m[1]));
    expect([...used]).toEqual(['spawn']);
    expect([...source.matchAll(/require\('node:child_process'\)/g)]).toHaveLength(1);
    expect(source).toMatch(/const childProcess = require\('node:child_process'\);/);
  });

  it('rmctl validate uses the precompiled validators (ajv itself is never loaded) and reads YAML with js-yaml alone', () => {
    const loaded = loadedBy(['validate']);
    expect(loaded).toContain('src/cli/commands/validate.ts');
    expect(loaded).toContain('schemas/validators/providers.cjs');
    expect(loaded.filter((u) => /node_modules\/ajv\/(?!dist\/runtime\/)/.test(u))).toEqual([]);
    expect(loaded.filter((u) => u.includes('node_modules/js-yaml/')).length).toBeGreaterThan(0);
    expect(loaded.filter((u) => u.includes('node_modules/yaml/'))).toEqual([]);
    // validate writes nothing: no hash of the sources (node:crypto) and no check of the output against its schema.
    expect(loaded).not.toContain('schemas/validators/litellm-config.cjs');
    expect(loaded).not.toContain('node:crypto');
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
