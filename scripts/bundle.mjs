#!/usr/bin/env node
// Bundles the CLI for start-up time (part of `npm run build`, after tsc). Node 20's ESM loader pays for every
// module it resolves, reads and links one by one; rmctl --version loaded ~12 and validate ~50 of ours and
// theirs. esbuild joins them into dist/bundle/: main.js (the program and commander) plus one chunk per command
// and chunks for what commands share, so --version still loads no command and validate loads a handful.
// dist/bundle/ sits two levels under the package root like src/shared/ and dist/shared/, so
// src/shared/package-files.ts finds schemas/ and ui/ from any of them. Of the dependencies only those on the
// start-up path are bundled (commander, chalk, js-yaml: --help and validate); the others (serve's, deploy's,
// `yaml`, which src/shared/yaml-document.ts loads on demand through require) stay packages of their own, so
// the proxy runs the libraries' code as published, and a library loaded two ways is one copy. The banner
// gives bundled CommonJS `require` of Node built-ins a real require. meta.json names each output's inputs
// (test/cli/startup.test.ts reads it to check what a command loads).
//   node scripts/bundle.mjs
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });

const START_UP = new Set(['commander', 'chalk', 'js-yaml']);
const { dependencies } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const external = Object.keys(dependencies).filter((name) => !START_UP.has(name));

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.6',
  banner: { js: "import { createRequire as __rmctlRequire } from 'node:module'; const require = __rmctlRequire(import.meta.url);" },
  external,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile, null, 1) + '\n');
