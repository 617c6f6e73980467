#!/usr/bin/env node
// The fleet scenario of the proxy benchmark (issue 16): what fleet mode costs per request, measured in the
// same interleaved run as a single replica without Redis, on the benchmark's own config (the generated
// route table, a key rate limit, and rpm/tpm on the benchmark deployments so the fleet path reserves in
// Redis on every attempt). Then how long a cooldown opened on one replica takes to reach another.
//
//   npm run build && node scripts/bench/bench-fleet.mjs [--reps 3] [--duration 5] [--conns 1,16] [--trials 30]
//
// Needs wrk and redis-server on PATH. Timings on a shared 2-core machine are noise unless paired and
// repeated: each repetition measures both targets back to back, and the report gives paired ratios.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { parse, stringify } from 'yaml';
import { BENCH_GROUP, writeBenchConfig } from './lib/config.mjs';
import { clockTicks, cpuSeconds, freePort, httpRequest, sleep, startProcess, stopProcess, waitForHttp } from './lib/procs.mjs';
import { fmt, median, pairedRatio, percentile, table } from './lib/stats.mjs';
import { findWrk, runWrk, writeLua } from './lib/wrk.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const RMCTL = join(ROOT, 'bin', 'rmctl');
const MASTER = 'sk-rainymodel-bench-master-0123456789';

const { values: opt } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    conns: { type: 'string', default: '1,16' },
    trials: { type: 'string', default: '30' },
    keep: { type: 'boolean', default: false },
  },
});
const reps = Number(opt.reps);
const duration = Number(opt.duration);
const warmup = Number(opt.warmup);
const conns = opt.conns.split(',').map(Number);
const trials = Number(opt.trials);
const log = (s) => process.stderr.write(`bench-fleet: ${s}\n`);

const wrk = findWrk();
if (!wrk) {
  log('wrk is required: apt-get install -y wrk');
  process.exit(2);
}
const tmp = mkdtempSync(join(os.tmpdir(), 'rainymodel-bench-fleet-'));
process.on('exit', () => opt.keep || rmSync(tmp, { recursive: true, force: true }));
const ticks = clockTicks();

async function startRedis() {
  const port = await freePort();
  const p = startProcess('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdoutFile: join(tmp, 'redis.out') });
  for (let i = 0; ; i++) {
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return { ...p, port, client };
    } catch (err) {
      client.disconnect();
      if (i > 100) throw err;
      await sleep(100);
    }
  }
}

async function startMock() {
  const port = await freePort();
  const failPort = await freePort();
  const p = startProcess('mock', process.execPath, [join(HERE, 'mock-upstream.mjs'), '--port', String(port), '--fail-port', String(failPort)], { stdoutFile: join(tmp, 'mock.out') });
  await waitForHttp(`http://127.0.0.1:${port}/health`);
  return { ...p, port, base: `http://127.0.0.1:${port}/v1`, failBase: `http://127.0.0.1:${failPort}/v1` };
}

async function startRmctl(name, configFile, env) {
  const port = await freePort();
  const p = startProcess(name, process.execPath, [RMCTL, 'serve', '--config', configFile, '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, ...env },
    stdoutFile: join(tmp, `${name}.log`),
    stderrFile: join(tmp, `${name}.err`),
  });
  await waitForHttp(`http://127.0.0.1:${port}/health/liveliness`, { timeoutMs: 60000, isAlive: () => p.child.exitCode === null });
  return { ...p, port, url: `http://127.0.0.1:${port}` };
}

/** The benchmark config, with rpm/tpm on the benchmark deployments, and Redis when `redisPort` is given. */
function loadConfig(name, mock, redisPort) {
  const file = join(tmp, `${name}.yaml`);
  const env = writeBenchConfig({ source: join(ROOT, 'generated', 'litellm-unified.yaml'), file, mockBase: mock.base, failBase: mock.failBase, masterKey: MASTER });
  const cfg = parse(readFileSync(file, 'utf8'));
  for (const d of cfg.model_list) if (d.model_name === BENCH_GROUP) Object.assign(d.litellm_params, { rpm: 1_000_000_000, tpm: 1_000_000_000_000 });
  if (redisPort !== undefined) {
    cfg.router_settings = { ...cfg.router_settings, redis_host: '127.0.0.1', redis_port: redisPort };
    cfg.rainymodel.fleet = { namespace: `bench-${name}` };
  }
  writeFileSync(file, stringify(cfg));
  return { file, env };
}

const body = JSON.stringify({ model: BENCH_GROUP, messages: [{ role: 'user', content: 'Our proxy restarted twice last night under load. Where do I look first?' }], max_tokens: 256 });
const lua = join(tmp, 'chat.lua');
writeLua(lua, { body, headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER}` } });

/** Round trips the replicas made: top-level script calls (commands a script runs are not counted). */
async function redisCommands(client) {
  const info = await client.info('commandstats');
  let calls = 0;
  for (const m of info.matchAll(/^cmdstat_(evalsha|eval|set|get):calls=(\d+)/gm)) calls += Number(m[2]);
  return calls;
}

async function measure(target, c, redis) {
  const url = `${target.url}/v1/chat/completions`;
  if (warmup > 0) await runWrk({ wrk, url, lua, connections: c, seconds: warmup });
  const cpu0 = cpuSeconds(target.pid, ticks);
  const rcpu0 = redis ? cpuSeconds(redis.pid, ticks) : 0;
  const cmds0 = redis ? await redisCommands(redis.client) : 0;
  const r = await runWrk({ wrk, url, lua, connections: c, seconds: duration });
  if (!r.ok) throw new Error(`${target.name} c=${c}: ${r.problem}`);
  const cmds = redis ? (await redisCommands(redis.client)) - cmds0 : 0;
  return {
    rps: r.rps,
    p50: r.latency_us.p50 / 1000,
    p99: r.latency_us.p99 / 1000,
    cpuUs: ((cpuSeconds(target.pid, ticks) - cpu0) * 1e6) / r.requests,
    redisCpuUs: redis ? ((cpuSeconds(redis.pid, ticks) - rcpu0) * 1e6) / r.requests : 0,
    redisCmds: cmds / r.requests,
  };
}

async function costRun(mock, redis) {
  const single = await startRmctl('single', ...Object.values(loadConfig('single', mock)));
  const fleet = await startRmctl('fleet', ...Object.values(loadConfig('fleet', mock, redis.port)));
  const results = { single: {}, fleet: {} };
  for (let rep = 1; rep <= reps; rep++) {
    for (const c of conns) {
      for (const [name, target] of rep % 2 ? [['single', single], ['fleet', fleet]] : [['fleet', fleet], ['single', single]]) {
        const m = await measure(target, c, name === 'fleet' ? redis : undefined);
        (results[name][c] ??= []).push(m);
        log(`rep ${rep} c=${c} ${name}: ${fmt(m.rps)} req/s, p50 ${fmt(m.p50)} ms, ${fmt(m.cpuUs)} us CPU/request`);
      }
    }
  }
  await stopProcess(single);
  await stopProcess(fleet);
  const rows = [['connections', 'target', 'req/s', 'p50 ms', 'p99 ms', 'proxy CPU us/req', 'redis CPU us/req', 'redis round trips/req', 'req/s vs single', 'p50 vs single']];
  for (const c of conns) {
    for (const name of ['single', 'fleet']) {
      const ms = results[name][c];
      const pick = (k) => ms.map((m) => m[k]);
      const ref = (k) => results.single[c].map((m) => m[k]);
      rows.push([c, name, fmt(median(pick('rps'))), fmt(median(pick('p50'))), fmt(median(pick('p99'))), fmt(median(pick('cpuUs'))), name === 'fleet' ? fmt(median(pick('redisCpuUs'))) : '-', name === 'fleet' ? fmt(median(pick('redisCmds'))) : '-', fmt(pairedRatio(pick('rps'), ref('rps'))), fmt(pairedRatio(pick('p50'), ref('p50')))]);
    }
  }
  return table(rows);
}

/** Cooldown propagation: replica A opens a cooldown; how long until replica B's /health shows it. */
async function propagationRun(mock, redis) {
  const file = join(tmp, 'propagation.yaml');
  writeFileSync(
    file,
    `model_list:
  - { model_name: p, litellm_params: { model: openai/m, api_base: ${mock.failBase}, order: 1 }, model_info: { id: flaky } }
  - { model_name: p, litellm_params: { model: openai/m, api_base: ${mock.base}, order: 2 }, model_info: { id: fine } }
router_settings: { redis_host: 127.0.0.1, redis_port: ${redis.port}, allowed_fails: 0, cooldown_time: 1, num_retries: 1 }
general_settings: { master_key: ${MASTER} }
`,
  );
  const [a, b] = await Promise.all([startRmctl('prop_a', file, {}), startRmctl('prop_b', file, {})]);
  const headers = { authorization: `Bearer ${MASTER}` };
  const circuitOnB = async () => JSON.parse((await httpRequest(`${b.url}/health`, { method: 'GET', headers })).body).deployments.find((d) => d.id === 'flaky').circuit;
  const samples = [];
  for (let t = 0; t < trials; t++) {
    // Wait until both replicas would try flaky again (cooldown over), then open it through A.
    while ((await circuitOnB()) === 'open') await sleep(20);
    await sleep(1100);
    await httpRequest(`${a.url}/v1/chat/completions`, { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'p', messages: [{ role: 'user', content: `t${t}` }] }) });
    const t0 = performance.now();
    while ((await circuitOnB()) !== 'open') if (performance.now() - t0 > 5000) break;
    samples.push(performance.now() - t0);
  }
  await stopProcess(a);
  await stopProcess(b);
  return `cooldown propagation A -> B over ${trials} trials (from A's answer to B's /health showing it; includes the polling): p50 ${fmt(median(samples))} ms, p90 ${fmt(percentile(samples, 90))} ms, max ${fmt(Math.max(...samples))} ms`;
}

const redis = await startRedis();
const mock = await startMock();
try {
  const cost = await costRun(mock, redis);
  const propagation = await propagationRun(mock, redis);
  const report = `# fleet scenario (${new Date().toISOString()}, ${os.availableParallelism()} cpus, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})\n\n${cost}\n\n${propagation}\n`;
  process.stdout.write(report);
} finally {
  redis.client.disconnect();
  await stopProcess(mock);
  await stopProcess(redis);
}
