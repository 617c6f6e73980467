#!/usr/bin/env node
// Deploy plan benchmark: the text diff apply shows (and counts lines with) for a first deploy of a
// 3,000-line and a 10,000-line compiled config (nothing deployed before: every line is added), and for a
// small edit of the 10,000-line one. Each case runs in a fresh node process, through the built code (dist/),
// so the memory figure is that case's alone: wall time of makePlan and the process's peak RSS above its
// RSS just before the call. Not a test: timings live here.
//   npm run build && node scripts/bench-deploy-diff.mjs [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';

/** A compiled config of about `lines` lines: deployments of 9 lines each, like generate writes them. */
function compiledText(lines) {
  const n = Math.ceil(lines / 9);
  const model_list = [];
  for (let i = 0; i < n; i++) {
    model_list.push({
      model_name: `group-${i % 50}`,
      litellm_params: { model: `ollama_chat/model-${i}`, api_base: `http://10.0.${i >> 8}.${i & 255}:11434`, rpm: 60 },
      model_info: { id: `p${i}/model-${i}`, tier: 'internal', provider: `p${i}` },
    });
  }
  return stringify({ model_list, router_settings: { num_retries: 2 } });
}

async function child(kind, lines) {
  const { makePlan, parseConfigText } = await import('../dist/deploy/plan.js');
  const { unifiedDiff } = await import('../dist/deploy/text-diff.js');
  const after = compiledText(lines);
  const config = parseConfigText(after).config;
  let before = null;
  if (kind === 'edit') {
    before = after.replace(/rpm: 60/g, (m, offset) => (offset % 97 === 0 ? 'rpm: 61' : m));
    before = before.replace('model-17\n', 'model-17b\n');
  }
  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const plan = makePlan(before, after, config, { before: 'a', after: 'b' });
  const ms = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(timer);
  // The text diff alone, once more (the plan also compares model groups, which no diff library does).
  const t1 = performance.now();
  unifiedDiff(before ?? '', after, { before: 'a', after: 'b' });
  const diffMs = performance.now() - t1;
  const actual = after.split('\n').length - 1;
  process.stdout.write(JSON.stringify({ lines: actual, ms, diffMs, peakMb: (peak - rss0) / 1048576, added: plan.lineStats.added, removed: plan.lineStats.removed }));
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], Number(process.argv[4]));
} else {
  const runs = Number(process.argv[2] ?? 3);
  const self = fileURLToPath(import.meta.url);
  const cases = [['first', 3000], ['first', 10000], ['edit', 10000]];
  console.log('case                 lines   plan ms   text diff ms   peak +RSS MB   +lines/-lines   (medians)');
  for (const [kind, lines] of cases) {
    const results = [];
    for (let r = 0; r < runs; r++) {
      const out = spawnSync(process.execPath, ['--expose-gc', self, '--child', kind, String(lines)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (out.status !== 0) {
        console.log(`${kind} ${lines}: failed (exit ${out.status ?? out.signal}): ${out.stderr.trim().split('\n').slice(-1)[0]}`);
        break;
      }
      results.push(JSON.parse(out.stdout));
    }
    if (results.length === 0) continue;
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const label = `${kind === 'first' ? 'first deploy' : 'small edit'} ${lines}`.padEnd(20);
    const first = results[0];
    const col = (key, width) => median(results.map((x) => x[key])).toFixed(1).padStart(width);
    console.log(`${label} ${String(first.lines).padStart(6)}   ${col('ms', 7)}   ${col('diffMs', 12)}   ${col('peakMb', 12)}   +${first.added}/-${first.removed}`);
  }
}
