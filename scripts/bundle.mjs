#!/usr/bin/env node
// Bundles the CLI for start-up time (part of `npm run build`, after tsc). Node 20's ESM loader pays about a
// millisecond for every file it resolves, reads and links (13 more empty modules: +15 ms, this machine), and
// rmctl --version loaded ~12 files and validate ~50. esbuild joins them into dist/bundle/:
//   main.js            the program, commander and what they import: all `--version` and `--help` load;
//   command-<name>.js  one self-contained file per command (src/cli/commands/<name>.ts and all it imports),
//                      loaded by command-list.ts's dynamic import when that command runs;
//   color.js           chalk, loaded by CliContext.loadColor before a command runs.
// So a command loads three files of ours. Code both sides import (shared/errors.ts, cli/context.ts, ...) is
// in both files: that is safe because those modules hold no state and nothing checks class identity across
// the two (the CliContext instance is made by main and only used by the command). Keep it so.
// dist/bundle/ sits two levels under the package root like src/shared/ and dist/shared/, so
// src/shared/package-files.ts finds schemas/ and ui/ from any of them. Of the dependencies only those on the
// start-up path are bundled (commander, chalk, js-yaml: --help and validate); the others (serve's, deploy's,
// `yaml`, which src/shared/yaml-document.ts loads on demand through require) stay packages of their own, so
// the proxy runs the libraries' code as published, and a library loaded two ways is one copy. The banner
// gives bundled CommonJS `require` of Node built-ins a real require. meta.json names each output's inputs
// (test/cli/startup.test.ts reads it to check what a command loads). commander's node:child_process is
// loaded on demand (src/cli/child-process-on-demand.ts).
//   node scripts/bundle.mjs
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const START_UP = new Set(['commander', 'chalk', 'js-yaml']);
const { dependencies } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/**
 * The dynamic imports that stay files of their own: command-list.ts's `import('./commands/<name>.js')`
 * becomes `import('./command-<name>.js')`, context.ts's `import('./color.js')` stays as it is.
 */
const lazyApart = {
  name: 'lazy-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/(commands\/[\w-]+|color)\.js$/ }, (args) => ({ path: args.path.replace('./commands/', './command-'), external: true }));
  },
};

/** commander's `require('node:child_process')` gets src/cli/child-process-on-demand.ts (see there why). */
const childProcessOnDemand = {
  name: 'child-process-on-demand',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: `${root}src/cli/child-process-on-demand.ts` } : undefined,
    );
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.6',
  external: Object.keys(dependencies).filter((name) => !START_UP.has(name)),
  banner: { js: "import { createRequire as __rmctlRequire } from 'node:module'; const require = __rmctlRequire(import.meta.url);" },
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
};

const commands = readdirSync(`${root}src/cli/commands`).filter((f) => f.endsWith('.ts'));
const results = await Promise.all([
  build({ ...common, entryPoints: { main: 'src/cli/main.ts' }, outdir, plugins: [lazyApart, childProcessOnDemand] }),
  build({ ...common, entryPoints: { color: 'src/cli/color.ts' }, outdir }),
  build({ ...common, entryPoints: Object.fromEntries(commands.map((f) => [`command-${f.slice(0, -3)}`, `src/cli/commands/${f}`])), outdir }),
]);
const outputs = Object.assign({}, ...results.map((r) => r.metafile.outputs));
writeFileSync(`${outdir}/meta.json`, JSON.stringify({ outputs }, null, 1) + '\n');
