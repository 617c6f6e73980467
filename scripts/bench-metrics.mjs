#!/usr/bin/env node
// Micro-benchmark of the metric calls one served, non-streaming request makes (request count, upstream
// success and latency, request duration, prompt and completion tokens, proxy overhead, provider summary),
// run N times against a built ProxyMetrics. Give several builds to compare them in one sitting, rounds
// interleaved so a busy machine slows each the same:
//   npm run build && node scripts/bench-metrics.mjs [dist/proxy/metrics.js ...] [--n 1000000] [--rounds 5]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  args.splice(i, 2);
  return value;
};
const n = option('--n', 1_000_000);
const rounds = option('--rounds', 5);
const modules = args.length > 0 ? args : ['dist/proxy/metrics.js'];

const table = { deployments: [] };
const deployment = { id: 'g:openai/m@127.0.0.1:1', provider: 'openai', tier: 'direct', modelName: 'g', state: { forgotten: false } };

async function setup(path) {
  const { ProxyMetrics } = await import(pathToFileURL(resolve(path)).href);
  const metrics = new ProxyMetrics(() => table);
  return () => {
    for (let i = 0; i < n; i++) {
      const ms = 20 + (i % 50);
      metrics.upstreamSuccess(deployment.provider, ms);
      const m = metrics.forDeployment(deployment, 'g');
      m.success.inc();
      m.latency.observe(ms / 1000);
      m.duration.observe((ms + 1) / 1000);
      const t = metrics.forDeployment(deployment, 'g');
      t.promptTokens.inc(5);
      t.completionTokens.inc(7);
      metrics.overhead.observe(0.0003);
      metrics.countRequest('g', 200);
    }
    return metrics;
  };
}

const runs = [];
for (const path of modules) runs.push({ path, run: await setup(path), best: Infinity });
for (let round = 0; round < rounds; round++) {
  for (const r of runs) {
    const started = process.hrtime.bigint();
    r.run();
    const ns = Number(process.hrtime.bigint() - started) / n;
    r.best = Math.min(r.best, ns);
  }
}
for (const r of runs) console.log(`${r.path}: ${(r.best / 1000).toFixed(3)} µs per request (best of ${rounds} rounds of ${n})`);
