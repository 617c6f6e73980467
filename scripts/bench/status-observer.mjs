#!/usr/bin/env node
// What the windowed figures behind `rmctl status` and /ui cost per upstream attempt: the attempt event
// the proxy builds plus WindowedStats.observe, timed in a loop over many deployments and providers.
// Compare with the proxy's CPU per request from `npm run bench:proxy` (a few hundred microseconds).
// Usage: npm run build && node scripts/bench/status-observer.mjs [attempts]
import { WindowedStats } from '../../dist/proxy/status/windows.js';

const attempts = Number(process.argv[2] ?? 2_000_000);
const stats = new WindowedStats();
const ids = Array.from({ length: 200 }, (_, i) => `group-${i % 20}:openai/model-${i}@host-${i % 7}:443`);
const providers = ['openai', 'anthropic', 'gemini', 'ollama', 'openrouter', 'hf', 'deepseek'];
const statuses = [200, 200, 200, 200, 200, 200, 200, 429, 500, 401];

function run(n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const status = statuses[i % statuses.length];
    stats.observe({
      deploymentId: ids[i % ids.length],
      provider: providers[i % providers.length],
      tier: 'free',
      group: 'g',
      outcome: status === 200 ? 'served' : 'failed',
      status,
      reason: status === 200 ? undefined : String(status),
      latencyMs: 5 + (i % 3000),
      at: Date.now(),
    });
  }
  return Number(process.hrtime.bigint() - start) / n;
}

run(200_000); // warm-up (JIT)
const samples = [run(attempts), run(attempts), run(attempts)].sort((a, b) => a - b);
console.log(`WindowedStats.observe: ${samples[1].toFixed(0)} ns per attempt (median of 3 x ${attempts}; min ${samples[0].toFixed(0)}, max ${samples[2].toFixed(0)}), 200 deployments, 7 providers, 30% failures`);
const t = process.hrtime.bigint();
const snap = stats.snapshot({ deployments: [], groups: new Map(), policies: new Map(), builtAt: Date.now(), defaultPolicy: 'auto', authKeys: [] }, { configPath: 'x', startedAt: Date.now(), inFlight: 0 });
console.log(`snapshot (7 providers x 60 minutes): ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(2)} ms, ${JSON.stringify(snap).length} bytes`);
console.log(`memory: ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB heap, ${(process.memoryUsage().arrayBuffers / 1e6).toFixed(2)} MB array buffers`);
