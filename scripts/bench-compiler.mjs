#!/usr/bin/env node
// Compiler benchmark: a generated registry of 10,000 deployments (100 providers x 100 models; 50 aliases
// of 20 deployments take 1,000 of them; fallbacks, capabilities, patterns), timed through the built compiler (dist/). Prints median ms.
// Then the CLI start-up rows (scripts/bench-cli.mjs): --version, --help and validate of the example beside
// bare `node -e 0`, in one run.
//   npm run bench:compiler            (builds first)
//   node scripts/bench-compiler.mjs [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../dist/config/index.js';
import { buildFromTexts } from '../dist/compile/index.js';
import { writeFileAtomic } from '../dist/deploy/atomic-write.js';
import { compile } from '../dist/compile/compile.js';
import { emitYaml } from '../dist/compile/emit.js';
import { ALIASES, MODELS, PROVIDERS, registry } from './bench-registry.mjs';
import { cliStartup } from './bench-cli.mjs';

const RUNS = Number(process.argv[2] ?? 9);
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function time(fn) {
  await fn(); // warm-up: the first run loads the validators and warms the JIT
  const ms = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), last };
}

const { providers, mappings, env } = registry();
const P = { path: 'providers.yaml', text: providers };
const M = { path: 'model-mappings.yaml', text: mappings };

const check = buildFromTexts(P, M, { env });
if (!check.ok) {
  console.error(check.diagnostics.filter((d) => d.severity === 'error').slice(0, 10));
  throw new Error('the generated registry does not compile');
}
const deployments = check.config.model_list.length;
const patternDeployments = check.config.rainymodel.patterns?.reduce((n, p) => n + p.deployments.length, 0) ?? 0;
const groups = new Set(check.config.model_list.map((d) => d.model_name)).size;
if (deployments !== PROVIDERS * MODELS) throw new Error(`expected ${PROVIDERS * MODELS} deployments, got ${deployments}`);

const dir = mkdtempSync(join(tmpdir(), 'rm-bench-'));
const out = join(dir, 'litellm-unified.yaml');
const validate = await time(() => loadConfig(P, M, { env }));
const loaded = loadConfig(P, M, { env });
const compileOnly = await time(() => compile(loaded.model, loaded.routing, check.sourcesSha256));
const emitOnly = await time(() => emitYaml(check.config, check.sourcesSha256));
const validateCmd = await time(() => buildFromTexts(P, M, { env, emit: false }));
const generate = await time(async () => {
  const r = buildFromTexts(P, M, { env });
  await writeFileAtomic(out, r.text);
  return r;
});

// End to end, as a user runs it: a fresh node process (startup and module loading included).
writeFileSync(join(dir, 'providers.yaml'), providers);
writeFileSync(join(dir, 'model-mappings.yaml'), mappings);
const bin = fileURLToPath(new URL('../bin/rmctl', import.meta.url));
const cli = (args) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args, '--providers', join(dir, 'providers.yaml'), '--mappings', join(dir, 'model-mappings.yaml')], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rmctl ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return performance.now() - t0;
};
const cliRuns = Math.max(3, Math.ceil(RUNS / 3));
const cliValidate = median(Array.from({ length: cliRuns }, () => cli(['validate'])));
const cliGenerate = median(Array.from({ length: cliRuns }, () => cli(['generate', '--out', out])));
rmSync(dir, { recursive: true, force: true });

const f = (t) => `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`;
console.log(`registry: ${PROVIDERS} providers x ${MODELS} models, ${ALIASES} aliases, ${(providers.length + mappings.length) / 1024 | 0} KiB of YAML`);
console.log(`output:   ${deployments} deployments in model_list (+${patternDeployments} pattern deployments), ${groups} model groups, ${check.text.length / 1024 | 0} KiB`);
console.log(`runs:     ${RUNS} per step after one warm-up, node ${process.version}`);
console.log(`validate  (read + schema + normalize + rules):     ${f(validate)}`);
console.log(`  compile step alone (model -> config object):      ${f(compileOnly)}`);
console.log(`  emit step alone (config object -> YAML text):     ${f(emitOnly)}`);
console.log(`validate  (the command's work: + compile + check):  ${f(validateCmd)}`);
console.log(`generate  (build + emit + atomic write):           ${f(generate)}`);
console.log(`rmctl validate, fresh process (${cliRuns} runs):         median ${cliValidate.toFixed(1)} ms`);
console.log(`rmctl generate, fresh process (${cliRuns} runs):         median ${cliGenerate.toFixed(1)} ms`);

console.log('');
console.log('CLI start-up (targets: --version and --help within 1.5x of bare node, validate within 2.5x):');
for (const line of cliStartup(Math.max(5, RUNS)).lines) console.log(`  ${line}`);
