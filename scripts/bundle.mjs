#!/usr/bin/env node
// Bundles the CLI for start-up time (part of `npm run build`, after tsc). Node 20's ESM loader pays for every
// module it resolves, reads and links one by one; rmctl --version loaded ~12 and validate ~50 of ours and
// theirs. esbuild joins them into dist/bundle/: main.js (the program and commander) plus one chunk per command
// and chunks for what commands share, so --version still loads no command and validate loads a handful.
// dist/bundle/ sits two levels under the package root like src/shared/ and dist/shared/, so
// src/shared/package-files.ts finds schemas/ and ui/ from any of them. Dependencies are bundled too (but
// `yaml`, see below); the
// banner gives their CommonJS `require` of Node built-ins a real require. meta.json names each output's
// inputs (test/cli/startup.test.ts reads it to check what a command loads).
//   node scripts/bundle.mjs
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });

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
  // `yaml` stays a package of its own: src/shared/yaml-document.ts loads it on demand through require, and
  // the commands that import it (apply, rollback, monitoring) must share that one copy.
  external: ['yaml'],
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile, null, 1) + '\n');
