#!/usr/bin/env node
// CLI start-up benchmark: bare `node -e 0`, `rmctl --version`, `rmctl --help` and `rmctl validate` of the
// project's own example, run side by side (interleaved rounds, so machine load hits all alike). Prints
// each median wall time and its ratio to bare node. Targets (issue 12): --version and --help within 1.5x,
// validate within 2.5x. Uses the built CLI (dist/). scripts/bench-compiler.mjs prints the same rows.
//   npm run bench:cli            (builds first)
//   node scripts/bench-cli.mjs [rounds]
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/rmctl', import.meta.url));

const cases = [
  { name: 'node -e 0', args: ['-e', '0'], target: undefined },
  { name: 'rmctl --version', args: [bin, '--version'], target: 1.5 },
  { name: 'rmctl --help', args: [bin, '--help'], target: 1.5 },
  { name: 'rmctl validate (example)', args: [bin, 'validate'], target: 2.5 },
];

function run(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-400)}`);
  return ms;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The side-by-side rows (lines of text) and how many targets were missed. */
export function cliStartup(rounds) {
  for (const c of cases) run(c.args); // warm the file cache
  const times = cases.map(() => []);
  for (let round = 0; round < rounds; round++) cases.forEach((c, i) => times[i].push(run(c.args)));
  const base = median(times[0]);
  const lines = [`node ${process.version}, ${rounds} interleaved rounds, median wall time per command`];
  let missed = 0;
  cases.forEach((c, i) => {
    const m = median(times[i]);
    const ratio = m / base;
    const verdict = c.target === undefined ? '' : ratio <= c.target ? `  (target ${c.target}x: met)` : `  (target ${c.target}x: MISSED)`;
    if (c.target !== undefined && ratio > c.target) missed++;
    lines.push(`${c.name.padEnd(26)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x${verdict}`);
  });
  return { lines, missed };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { lines, missed } = cliStartup(Number(process.argv[2] ?? 15));
  for (const line of lines) console.log(line);
  if (missed > 0) process.exitCode = 1;
}
