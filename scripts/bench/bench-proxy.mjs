#!/usr/bin/env node
// Issue 6's benchmark: what `rmctl serve` adds to every request, measured side by side with a client
// talking straight to a mock upstream (the floor), a bare Node pass-through (the limit for a Node proxy)
// and, when it installs, the Portkey gateway (a TypeScript peer). Run with `npm run bench:proxy`.
// Not part of the test run: timings on a shared 2-core machine are noise unless paired and repeated,
// which is what this script does.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  clockTicks,
  cpuJiffies,
  cpuSeconds,
  freePort,
  hasTaskset,
  httpRequest,
  memoryMB,
  pinSelf,
  startProcess,
  stopProcess,
  waitForHttp,
} from './lib/procs.mjs';
import { findWrk, installWrk, runWrk, writeLua } from './lib/wrk.mjs';
import { measureStreams, pacedLoad } from './lib/client.mjs';
import { BENCH_GROUP, FALLBACK_GROUP, writeBenchConfig } from './lib/config.mjs';
import { ensurePortkey, portkeyCommand, portkeyHeaders } from './lib/portkey.mjs';
import { fmt, median, pairedDiff, pairedRatio, percentile, slope, table } from './lib/stats.mjs';
import { formatProfile, summarizeProfile } from './lib/profile.mjs';
import { AGENT_APIS, agentApiRows } from './lib/agent-apis.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

const USAGE = `usage: node scripts/bench/bench-proxy.mjs [options]        (npm run bench:proxy -- [options])

comparison run (default):
  --reps N              alternating repetitions (default 3)
  --duration S          seconds per wrk measurement (default 5)
  --warmup S            untimed wrk seconds before each measurement (default 1)
  --initial-warmup S    untimed load per target before the first repetition, so JIT warm-up does
                        not land in repetition 1 (default 5)
  --conns LIST          connection counts (default 1,16,64)
  --stream-samples N    timed streams per target and repetition (default 100)
  --stream-chunks N     SSE chunks per mock stream (default 20)
  --stream-gap MS       gap between the mock's chunks (default 2)
  --targets LIST        of direct,passthrough,rmctl,messages,responses,portkey,fallback (default: all;
                        messages and responses are rmctl serve's agent APIs, compared with its chat path)
  --no-portkey          skip the peer (no npm install)
  --rmctl-log-level L   rmctl serve's --log-level (default info, as in production; "warn" drops the
                        per-request line, to measure what logging costs)
  --rmctl FILE          the rmctl launcher to benchmark (default bin/rmctl)
  --rmctl-b FILE        a second rmctl launcher (another build: a change under test), measured in the
                        same interleaved run as target "rmctl_b" with ratios against "rmctl"
  --portkey-dir DIR     where the peer is installed (default: $TMPDIR/rainymodel-bench-portkey)
modes:
  --soak [S]            soak only: rmctl serve at moderate paced load for S seconds (default 600),
                        RSS sampled every --soak-sample seconds (default 5); --soak-rps (default 200)
  --profile [S]         profile only: rmctl serve under node --cpu-prof for S seconds of load (default 20)
common:
  --out DIR             results directory (default: $TMPDIR/rainymodel-bench-out-XXXX/bench-results)
  --client-cpus LIST    cpus for the load generator and this script (default 0)
  --server-cpus LIST    cpus for every target and the mock upstream (default 1)
  --no-pin              no taskset pinning
  --keep                keep the temp dir (configs, logs)
`;

// ---------------------------------------------------------------- options

function normalizeArgv(argv) {
  // --soak and --profile take an optional number; parseArgs has no optional values.
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    out.push(argv[i]);
    const def = { '--soak': '600', '--profile': '20' }[argv[i]];
    if (def && !(i + 1 < argv.length && /^\d+(\.\d+)?$/.test(argv[i + 1]))) out.push(def);
  }
  return out;
}

const { values: opt } = parseArgs({
  args: normalizeArgv(process.argv.slice(2)),
  options: {
    reps: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    'initial-warmup': { type: 'string', default: '5' },
    conns: { type: 'string', default: '1,16,64' },
    'stream-samples': { type: 'string', default: '100' },
    'stream-chunks': { type: 'string', default: '20' },
    'stream-gap': { type: 'string', default: '2' },
    targets: { type: 'string', default: 'direct,passthrough,rmctl,messages,responses,portkey,fallback' },
    'no-portkey': { type: 'boolean', default: false },
    rmctl: { type: 'string', default: join(ROOT, 'bin', 'rmctl') },
    'rmctl-log-level': { type: 'string', default: 'info' },
    'rmctl-b': { type: 'string' },
    'portkey-dir': { type: 'string', default: join(os.tmpdir(), 'rainymodel-bench-portkey') },
    soak: { type: 'string' },
    'soak-rps': { type: 'string', default: '200' },
    'soak-sample': { type: 'string', default: '5' },
    profile: { type: 'string' },
    out: { type: 'string' },
    'client-cpus': { type: 'string', default: '0' },
    'server-cpus': { type: 'string', default: '1' },
    'no-pin': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (opt.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function num(name, { min = 0, max = Infinity, int = true } = {}) {
  const v = Number(opt[name]);
  if (!Number.isFinite(v) || v < min || v > max || (int && !Number.isInteger(v))) {
    process.stderr.write(`bench: --${name} must be ${int ? 'an integer' : 'a number'} in [${min}, ${max}], got "${opt[name]}"\n${USAGE}`);
    process.exit(64);
  }
  return v;
}

const cfg = {
  reps: num('reps', { min: 1, max: 50 }),
  duration: num('duration', { min: 1, max: 600 }),
  warmup: num('warmup', { min: 0, max: 60 }),
  initialWarmup: num('initial-warmup', { min: 0, max: 600 }),
  conns: opt.conns.split(',').map((c) => Number(c)),
  streamSamples: num('stream-samples', { min: 1, max: 100000 }),
  streamChunks: num('stream-chunks', { min: 1, max: 10000 }),
  streamGap: num('stream-gap', { min: 0, max: 1000, int: false }),
  targets: new Set(opt.targets.split(',').map((s) => s.trim())),
  soak: opt.soak !== undefined ? num('soak', { min: 10, max: 86400 }) : undefined,
  soakRps: num('soak-rps', { min: 1, max: 100000 }),
  soakSample: num('soak-sample', { min: 1, max: 600 }),
  profile: opt.profile !== undefined ? num('profile', { min: 2, max: 600 }) : undefined,
};
if (cfg.conns.some((c) => !Number.isInteger(c) || c < 1 || c > 1024)) {
  process.stderr.write(`bench: --conns must be integers 1-1024, got "${opt.conns}"\n`);
  process.exit(64);
}
for (const t of cfg.targets) {
  if (!['direct', 'passthrough', 'rmctl', 'messages', 'responses', 'portkey', 'fallback'].includes(t)) {
    process.stderr.write(`bench: unknown target "${t}" (direct, passthrough, rmctl, messages, responses, portkey, fallback)\n`);
    process.exit(64);
  }
}
if (opt['no-portkey']) cfg.targets.delete('portkey');
// Ratios need the floor; the agent APIs are compared with rmctl's own chat path.
cfg.targets.add('direct');
if (cfg.targets.has('messages') || cfg.targets.has('responses')) cfg.targets.add('rmctl');

const log = (s) => process.stderr.write(`bench: ${s}\n`);

// ---------------------------------------------------------------- environment

const tmp = mkdtempSync(join(os.tmpdir(), 'rainymodel-bench-'));
// Results live apart from the work dir, which is removed on exit (configs, Lua scripts, logs).
const outDir = resolve(opt.out ?? join(mkdtempSync(join(os.tmpdir(), 'rainymodel-bench-out-')), 'bench-results'));
mkdirSync(outDir, { recursive: true });
process.on('exit', () => {
  if (!opt.keep) rmSync(tmp, { recursive: true, force: true });
});

const cores = os.availableParallelism();
let clientCpus;
let serverCpus;
let pinning;
if (opt['no-pin']) pinning = 'off (--no-pin)';
else if (!hasTaskset()) pinning = 'off (taskset not found: install util-linux)';
else if (cores < 2) pinning = 'off (one core: nothing to separate)';
else {
  clientCpus = opt['client-cpus'];
  serverCpus = opt['server-cpus'];
  // The streams client and the soak loader run in this process: it belongs with the load generator.
  pinSelf(clientCpus);
  pinning = `load generator (wrk) and stream client on cpu ${clientCpus}; every target and the mock upstream on cpu ${serverCpus} (one target loaded at a time, idle ones stay resident)`;
}
log(`pinning: ${pinning}`);

const ticks = clockTicks();
const MASTER_KEY = 'sk-rainymodel-bench-master-0123456789';
const UPSTREAM_AUTH = 'Bearer sk-mock-upstream';

// A realistic chat request: a system prompt, a short history and the usual parameters (~1.3 KB).
function chatBody(model, stream) {
  return JSON.stringify({
    model,
    messages: [
      { role: 'system', content: 'You are a careful assistant for an operations team. Answer briefly, cite the runbook section when one applies, and never invent commands. If a question is ambiguous, ask one clarifying question first.' },
      { role: 'user', content: 'Our LiteLLM proxy restarted twice last night. Where do I look first?' },
      { role: 'assistant', content: 'Start with the service journal around the restart times (journalctl -u litellm --since yesterday), then the health endpoint history. Restarts right after a config change usually point at a bad deploy; restarts under load point at memory.' },
      { role: 'user', content: 'It was under load. The box has 2 cores and 24 GB. What limits should I check, and how do I tell whether the proxy or an upstream was the bottleneck? Keep it to a short list please.' },
    ],
    temperature: 0.2,
    top_p: 0.95,
    max_tokens: 512,
    user: 'bench-user-42',
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  });
}

// ---------------------------------------------------------------- processes

let wrk = findWrk();
async function ensureWrk() {
  if (wrk) return;
  wrk = installWrk(log);
  if (!wrk) {
    log('wrk is required: install it with `apt-get install -y wrk` (Debian package "wrk") and run again');
    process.exit(2);
  }
}

const node = process.execPath;
const logsDir = join(tmp, 'logs');
mkdirSync(logsDir, { recursive: true });

async function startMock() {
  const port = await freePort();
  const failPort = await freePort();
  const p = startProcess('mock', node, [join(HERE, 'mock-upstream.mjs'), '--port', String(port), '--fail-port', String(failPort)], {
    cpus: serverCpus,
    env: { ...process.env, MOCK_STREAM_CHUNKS: String(cfg.streamChunks), MOCK_STREAM_GAP_MS: String(cfg.streamGap) },
    stdoutFile: join(logsDir, 'mock.out'),
    stderrFile: join(logsDir, 'mock.err'),
  });
  await waitForHttp(`http://127.0.0.1:${port}/health`, { isAlive: () => p.child.exitCode === null });
  return { ...p, port, failPort, base: `http://127.0.0.1:${port}/v1`, failBase: `http://127.0.0.1:${failPort}/v1` };
}

async function startPassthrough(mock, { nodeFlags = [] } = {}) {
  const port = await freePort();
  const p = startProcess('passthrough', node, [...nodeFlags, join(HERE, 'passthrough.mjs'), '--port', String(port), '--upstream', `http://127.0.0.1:${mock.port}`], {
    cpus: serverCpus,
    stdoutFile: join(logsDir, 'passthrough.out'),
    stderrFile: join(logsDir, 'passthrough.err'),
  });
  // Through the proxy to the mock: proves the whole path, not just the listener.
  await waitForHttp(`http://127.0.0.1:${port}/health`, { isAlive: () => p.child.exitCode === null });
  return { ...p, port };
}

const RMCTL = resolve(opt.rmctl);
const RMCTL_ROOT = resolve(dirname(RMCTL), '..');

function rmctlAvailable() {
  return existsSync(RMCTL) && existsSync(join(RMCTL_ROOT, 'dist', 'cli', 'commands', 'serve.js')) && existsSync(join(RMCTL_ROOT, 'dist', 'proxy', 'server.js'));
}

async function startRmctl(mock, name, { fallback = false, nodeFlags = [], launcher = RMCTL } = {}) {
  const port = await freePort();
  const configFile = join(tmp, `${name}.yaml`);
  const env = writeBenchConfig({
    source: join(ROOT, 'generated', 'litellm-unified.yaml'),
    file: configFile,
    mockBase: mock.base,
    failBase: mock.failBase,
    masterKey: MASTER_KEY,
    fallback,
  });
  const logFile = join(logsDir, `${name}.log`);
  // Logs as in production: the normal logger (pino, JSON lines, level info) to stdout, which a service
  // manager would hand to the journal; here a file on disk.
  const p = startProcess(name, node, [...nodeFlags, launcher, 'serve', '--config', configFile, '--host', '127.0.0.1', '--port', String(port), '--log-level', opt['rmctl-log-level']], {
    cpus: serverCpus,
    // Started as the systemd unit starts it (src/deploy/systemd-unit.ts: the heap flag lives there).
    env: { ...process.env, ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=8`.trim() },
    cwd: resolve(dirname(launcher), '..'),
    stdoutFile: logFile,
    stderrFile: join(logsDir, `${name}.err`),
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/health/liveliness`, { isAlive: () => p.child.exitCode === null, timeoutMs: 30000 });
  } catch (e) {
    const err = existsSync(p.stderrFile) ? readFileSync(p.stderrFile, 'utf8').trim().split('\n').slice(-10).join('\n') : '';
    const out = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
    throw new Error(`rmctl serve (${name}) did not start: ${e.message}\n${err}\n${out}`);
  }
  return { ...p, port, configFile, logFile };
}

async function startPortkey(mock) {
  const inst = ensurePortkey(opt['portkey-dir'], log);
  if (inst.error) return { error: inst.error };
  const port = await freePort();
  const { args, env } = portkeyCommand(inst.entry, port);
  const p = startProcess('portkey', node, args, { cpus: serverCpus, env, stdoutFile: join(logsDir, 'portkey.out'), stderrFile: join(logsDir, 'portkey.err') });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, { isAlive: () => p.child.exitCode === null, timeoutMs: 30000 });
  } catch (e) {
    await stopProcess(p);
    return { error: `did not start: ${e.message}` };
  }
  return { ...p, port, version: inst.version, mockBase: mock.base };
}

// ---------------------------------------------------------------- targets

/** A load target: where wrk and the stream client send, and whose process CPU and memory are read. */
function makeTarget(key, label, proc, port, path, model, headers, extra = {}) {
  const url = `http://127.0.0.1:${port}${path}`;
  const makeBody = extra.makeBody ?? chatBody;
  const jsonBody = makeBody(model, false);
  const streamBody = makeBody(model, true);
  const allHeaders = { 'content-type': 'application/json', ...headers };
  const lua = join(tmp, `${key}.lua`);
  writeLua(lua, { body: jsonBody, headers: allHeaders });
  return { key, label, proc, url, headers: allHeaders, jsonBody, streamBody, lua, ...extra };
}

async function verifyTarget(t) {
  const r = await httpRequest(t.url, { headers: { ...t.headers, 'content-length': String(Buffer.byteLength(t.jsonBody)) }, body: t.jsonBody });
  const want = t.expectStatus ?? 200;
  if (r.status !== want) throw new Error(`${t.label}: POST answered ${r.status}, expected ${want}: ${r.body.slice(0, 300)}`);
  const mark = t.answerMark ?? '"choices"';
  if (want === 200 && !r.body.includes(mark)) throw new Error(`${t.label}: answer has no ${mark}: ${r.body.slice(0, 300)}`);
  if (t.checkHeaders) t.checkHeaders(r.headers);
  if (t.noStream) return r;
  const s = await measureStreams({ url: t.url, headers: t.headers, body: t.streamBody, samples: 1, warmup: 0, endMarker: t.streamEnd });
  if (s.errors.length) throw new Error(`${t.label}: stream failed: ${s.errors[0]}`);
  return r;
}

// ---------------------------------------------------------------- measurements

async function mockStats(port) {
  const r = await httpRequest(`http://127.0.0.1:${port}/stats`, { method: 'GET' });
  return JSON.parse(r.body);
}

async function mockCount(port) {
  return (await mockStats(port)).requests;
}

async function measureLoad(t, conns, mock) {
  if (cfg.warmup > 0) {
    const w = await runWrk({ wrk, url: t.url, lua: t.lua, connections: conns, seconds: cfg.warmup, cpus: clientCpus, expectStatusErrors: t.expectStatus !== undefined && t.expectStatus !== 200 });
    if (!w.ok) return { ok: false, problem: `warm-up: ${w.problem}` };
  }
  const c0 = cpuSeconds(t.proc.pid, ticks);
  const u0 = cpuSeconds(mock.pid, ticks);
  const j0 = serverCpus ? cpuJiffies(serverCpus) : undefined;
  const f0 = t.countFailPort ? await mockCount(mock.failPort) : 0;
  const k0 = (await mockStats(mock.port)).connections;
  const r = await runWrk({ wrk, url: t.url, lua: t.lua, connections: conns, seconds: cfg.duration, cpus: clientCpus, expectStatusErrors: t.expectStatus !== undefined && t.expectStatus !== 200 });
  const c1 = cpuSeconds(t.proc.pid, ticks);
  const u1 = cpuSeconds(mock.pid, ticks);
  const j1 = serverCpus ? cpuJiffies(serverCpus) : undefined;
  const failedAttempts = t.countFailPort ? ((await mockCount(mock.failPort)) - f0) / r.requests : undefined;
  // Includes the one connection of the stats request itself, hence the -1.
  const upstreamConnsPer1k = (((await mockStats(mock.port)).connections - k0 - 1) / r.requests) * 1000;
  const mem = memoryMB(t.proc.pid);
  // Noise gauge: the share of the server cpus used by anything but the target and the mock (other
  // processes on a shared machine). Not subtracted from anything; reported so a noisy run shows.
  const own = (c1 - c0 + (t.proc.pid === mock.pid ? 0 : u1 - u0)) * ticks;
  const foreignPct = j0 && j1 && j1.total > j0.total ? Math.max(0, ((j1.busy - j0.busy - own) / (j1.total - j0.total)) * 100) : NaN;
  return {
    foreignPct,
    failedAttempts,
    upstreamConnsPer1k,
    ok: r.ok,
    problem: r.problem,
    requests: r.requests,
    rps: r.rps,
    p50: r.latency_us.p50 / 1000,
    p90: r.latency_us.p90 / 1000,
    p99: r.latency_us.p99 / 1000,
    // For the direct target the process is the mock itself.
    cpuUs: ((c1 - c0) / r.requests) * 1e6,
    upstreamCpuUs: ((u1 - u0) / r.requests) * 1e6,
    rss: mem.rss,
  };
}

async function measureStream(t) {
  const s = await measureStreams({ url: t.url, headers: t.headers, body: t.streamBody, samples: cfg.streamSamples, endMarker: t.streamEnd });
  return {
    ok: s.errors.length === 0,
    problem: s.errors.length ? `${s.errors.length} stream errors, first: ${s.errors[0]}` : undefined,
    samples: s.firsts.length,
    firstP50: median(s.firsts),
    firstP90: percentile(s.firsts, 90),
    totalP50: median(s.totals),
    totalP90: percentile(s.totals, 90),
  };
}

function rotate(list, by) {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

// ---------------------------------------------------------------- report helpers

const LABELS = { direct: 'direct', passthrough: 'bare pass-through', rmctl: 'rmctl serve', portkey: 'portkey (peer)' };

function series(reps, key, get) {
  return reps.map((r) => {
    const x = r[key];
    if (!x) return NaN;
    const v = get(x);
    return v && v.ok !== false ? v.value : NaN;
  });
}

function loadMetric(c, field) {
  return (x) => {
    const m = x.load?.[c];
    return m ? { ok: m.ok, value: m[field] } : undefined;
  };
}

function streamMetric(field) {
  return (x) => (x.stream ? { ok: x.stream.ok, value: x.stream[field] } : undefined);
}

// ---------------------------------------------------------------- comparison run

async function comparison() {
  await ensureWrk();
  const procs = [];
  const mock = await startMock();
  procs.push(mock);
  const targets = [];
  const skipped = {};
  const meta = {};

  targets.push(makeTarget('direct', LABELS.direct, mock, mock.port, '/v1/chat/completions', 'gpt-4o-mini', { authorization: UPSTREAM_AUTH }));

  if (cfg.targets.has('passthrough')) {
    const pt = await startPassthrough(mock);
    procs.push(pt);
    targets.push(makeTarget('passthrough', LABELS.passthrough, pt, pt.port, '/v1/chat/completions', 'gpt-4o-mini', { authorization: UPSTREAM_AUTH }));
  }

  const wantRmctl = cfg.targets.has('rmctl') || cfg.targets.has('fallback');
  if (wantRmctl && !rmctlAvailable()) {
    const why = 'dist/cli/commands/serve.js or dist/proxy/server.js missing: run `npm run build` (the proxy may not be written yet)';
    log(`skipping rmctl serve: ${why}`);
    if (cfg.targets.has('rmctl')) skipped.rmctl = why;
    if (cfg.targets.has('fallback')) skipped.fallback = why;
  }
  const rmHeaders = { authorization: `Bearer ${MASTER_KEY}`, 'x-rainymodel-policy': 'auto' };
  let rm;
  if (cfg.targets.has('rmctl') && rmctlAvailable()) {
    rm = await startRmctl(mock, 'rmctl');
    procs.push(rm);
    targets.push(
      makeTarget('rmctl', LABELS.rmctl, rm, rm.port, '/v1/chat/completions', BENCH_GROUP, rmHeaders, {
        checkHeaders: (h) => {
          for (const k of ['x-rainymodel-route', 'x-rainymodel-upstream', 'x-request-id']) if (!h[k]) throw new Error(`rmctl serve: response lacks ${k}`);
          meta.rmctlHeaders = Object.fromEntries(Object.entries(h).filter(([k]) => k.startsWith('x-rainymodel') || k === 'x-request-id'));
        },
      }),
    );
  }

  for (const key of ['messages', 'responses']) {
    if (!cfg.targets.has(key) || !rm) continue;
    const api = AGENT_APIS[key];
    targets.push(makeTarget(key, api.label, rm, rm.port, api.path, BENCH_GROUP, rmHeaders, { makeBody: api.body, answerMark: api.answerMark, streamEnd: api.streamEnd }));
  }

  if (opt['rmctl-b'] && rm) {
    const launcher = resolve(opt['rmctl-b']);
    const rb = await startRmctl(mock, 'rmctl-b', { launcher });
    procs.push(rb);
    targets.push(makeTarget('rmctl_b', `rmctl serve B`, rb, rb.port, '/v1/chat/completions', BENCH_GROUP, rmHeaders));
    meta.rmctlB = launcher;
  }

  if (cfg.targets.has('portkey')) {
    const pk = await startPortkey(mock);
    if (pk.error) {
      skipped.portkey = pk.error;
      log(`skipping the Portkey peer: ${pk.error}`);
    } else {
      procs.push(pk);
      meta.portkeyVersion = pk.version;
      targets.push(makeTarget('portkey', `${LABELS.portkey} ${pk.version}`, pk, pk.port, '/v1/chat/completions', 'gpt-4o-mini', { authorization: UPSTREAM_AUTH, ...portkeyHeaders(mock.base) }));
    }
  }

  // Fallback case: its own rmctl instance (cooldowns off, so every request makes the failed attempt),
  // measured against the same instance's normal route and the failing upstream's own answer time.
  let fbTargets = [];
  if (cfg.targets.has('fallback') && rmctlAvailable()) {
    const fb = await startRmctl(mock, 'rmctl-fallback', { fallback: true });
    procs.push(fb);
    fbTargets = [
      makeTarget('fb_normal', 'rmctl (fallback instance), normal route', fb, fb.port, '/v1/chat/completions', BENCH_GROUP, rmHeaders, { noStream: true }),
      makeTarget('fb_fallback', 'rmctl, first deployment 503 -> second', fb, fb.port, '/v1/chat/completions', FALLBACK_GROUP, rmHeaders, {
        noStream: true,
        countFailPort: true,
        checkHeaders: (h) => {
          if (!h['x-rainymodel-fallback-reason']) throw new Error(`fallback route: no x-rainymodel-fallback-reason header (got ${JSON.stringify(h)})`);
          meta.fallbackHeaders = Object.fromEntries(Object.entries(h).filter(([k]) => k.startsWith('x-rainymodel')));
        },
      }),
      makeTarget('fb_failed_attempt', 'direct to the failing upstream (503)', mock, mock.failPort, '/v1/chat/completions', 'gpt-4o-mini', { authorization: UPSTREAM_AUTH }, { noStream: true, expectStatus: 503 }),
    ];
  }

  for (const t of [...targets, ...fbTargets]) {
    await verifyTarget(t);
    log(`verified ${t.label} (${t.url})`);
  }

  // Memory right after start-up and verification, before any load: the floor of each process.
  const startMemory = {};
  for (const t of targets) startMemory[t.key] = memoryMB(t.proc.pid);
  if (fbTargets.length) startMemory.rmctl_fallback = memoryMB(fbTargets[0].proc.pid);

  if (cfg.initialWarmup > 0) {
    for (const t of [...targets, ...fbTargets]) {
      const w = await runWrk({ wrk, url: t.url, lua: t.lua, connections: 16, seconds: cfg.initialWarmup, cpus: clientCpus, expectStatusErrors: t.expectStatus !== undefined && t.expectStatus !== 200 });
      if (!t.noStream) await measureStreams({ url: t.url, headers: t.headers, body: t.streamBody, samples: 20, warmup: 0, endMarker: t.streamEnd });
      log(`warmed up ${t.label}${w.ok ? '' : ` (warm-up problem: ${w.problem})`}`);
    }
  }

  const reps = [];
  const fbReps = [];
  const started = Date.now();
  for (let rep = 0; rep < cfg.reps; rep++) {
    const res = {};
    for (const t of targets) res[t.key] = { load: {} };
    // Interleaved: for each connection count every target in turn, the order rotated per repetition, so
    // drift on the shared machine spreads over all targets instead of biasing one.
    for (const c of cfg.conns) {
      for (const t of rotate(targets, rep)) {
        const m = await measureLoad(t, c, mock);
        res[t.key].load[c] = m;
        log(`rep ${rep + 1}/${cfg.reps} c=${c} ${t.label}: ${m.ok ? `${fmt(m.rps, 0)} req/s p50 ${fmt(m.p50, 3)} ms p99 ${fmt(m.p99, 3)} ms cpu ${fmt(m.cpuUs, 0)} us/req` : `FAILED ${m.problem}`}`);
      }
    }
    for (const t of rotate(targets, rep)) {
      const s = await measureStream(t);
      res[t.key].stream = s;
      log(`rep ${rep + 1}/${cfg.reps} stream ${t.label}: ${s.ok ? `first event p50 ${fmt(s.firstP50, 3)} ms, total p50 ${fmt(s.totalP50, 2)} ms (${s.samples} samples)` : `FAILED ${s.problem}`}`);
    }
    if (fbTargets.length) {
      const fr = {};
      for (const t of rotate(fbTargets, rep)) {
        fr[t.key] = await measureLoad(t, 1, mock);
        const m = fr[t.key];
        log(`rep ${rep + 1}/${cfg.reps} fallback c=1 ${t.label}: ${m.ok ? `p50 ${fmt(m.p50, 3)} ms cpu ${fmt(m.cpuUs, 0)} us/req${m.failedAttempts !== undefined ? `, ${fmt(m.failedAttempts)} failed attempts/request` : ''}` : `FAILED ${m.problem}`}`);
      }
      fbReps.push(fr);
    }
    reps.push(res);
  }

  // Memory after the whole run: peak (VmHWM) and where it ended (VmRSS).
  const memory = {};
  for (const t of targets) memory[t.key] = memoryMB(t.proc.pid);
  if (meta.rmctlB) log(`rmctl_b is ${meta.rmctlB}`);
  if (fbTargets.length) memory.rmctl_fallback = memoryMB(fbTargets[0].proc.pid);

  // Evidence that logs and metrics were on while measured.
  if (rm) {
    meta.rmctlLogLines = readFileSync(rm.logFile, 'utf8').split('\n').filter(Boolean).length;
    meta.rmctlLogBytes = statSync(rm.logFile).size;
    try {
      const m = await httpRequest(`http://127.0.0.1:${rm.port}/metrics`, { method: 'GET', headers: { authorization: `Bearer ${MASTER_KEY}` } });
      meta.rmctlMetricsStatus = m.status;
      meta.rmctlMetricsLines = m.body.split('\n').filter((l) => l && !l.startsWith('#')).length;
    } catch (e) {
      meta.rmctlMetricsStatus = `error: ${e.message}`;
    }
  }

  for (const p of procs) await stopProcess(p);

  const result = analyse({ targets, reps, fbReps, memory, startMemory, skipped, meta, seconds: (Date.now() - started) / 1000 });
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(result, null, 2));
  process.stdout.write(render(result));
  process.stdout.write(`\nJSON: ${join(outDir, 'results.json')}\n`);
}

function analyse({ targets, reps, fbReps, memory, startMemory, skipped, meta, seconds }) {
  const keys = targets.map((t) => t.key);
  const metrics = [];
  for (const c of cfg.conns) {
    metrics.push({ name: `req/s @${c}`, unit: 'req/s', get: loadMetric(c, 'rps'), better: 'higher' });
  }
  for (const c of cfg.conns) {
    metrics.push({ name: `p50 ms @${c}`, unit: 'ms', get: loadMetric(c, 'p50'), latency: true });
    metrics.push({ name: `p99 ms @${c}`, unit: 'ms', get: loadMetric(c, 'p99'), latency: true });
  }
  for (const c of cfg.conns) metrics.push({ name: `CPU us/req @${c}`, unit: 'us', get: loadMetric(c, 'cpuUs') });
  for (const c of cfg.conns) metrics.push({ name: `mock CPU us/req @${c}`, unit: 'us', get: loadMetric(c, 'upstreamCpuUs') });
  for (const c of cfg.conns) metrics.push({ name: `new upstream conns per 1k req @${c}`, unit: 'n', get: loadMetric(c, 'upstreamConnsPer1k'), noise: true });
  for (const c of cfg.conns) metrics.push({ name: `other load on server cpu % @${c}`, unit: '%', get: loadMetric(c, 'foreignPct'), noise: true });
  metrics.push({ name: 'stream first event p50 ms', unit: 'ms', get: streamMetric('firstP50'), latency: true });
  metrics.push({ name: 'stream total p50 ms', unit: 'ms', get: streamMetric('totalP50'), latency: true });

  const rows = [];
  for (const m of metrics) {
    const row = { metric: m.name, unit: m.unit, median: {}, perRep: {}, vsDirect: {}, vsPassthrough: {}, vsPeer: {}, vsRmctl: {}, addedVsDirect: {}, addedVsPassthrough: {}, addedVsRmctl: {} };
    const rmctlA = keys.includes('rmctl') ? series(reps, 'rmctl', m.get) : undefined;
    const direct = series(reps, 'direct', m.get);
    const pass = keys.includes('passthrough') ? series(reps, 'passthrough', m.get) : undefined;
    const peer = keys.includes('portkey') ? series(reps, 'portkey', m.get) : undefined;
    for (const k of keys) {
      const v = series(reps, k, m.get);
      row.perRep[k] = v;
      row.median[k] = median(v);
      if (k !== 'direct') row.vsDirect[k] = pairedRatio(v, direct);
      if (pass && k !== 'passthrough') row.vsPassthrough[k] = pairedRatio(v, pass);
      if (peer && k !== 'portkey') row.vsPeer[k] = pairedRatio(v, peer);
      if (m.latency && k !== 'direct') row.addedVsDirect[k] = pairedDiff(v, direct);
      if (m.latency && pass && k !== 'passthrough') row.addedVsPassthrough[k] = pairedDiff(v, pass);
      if (rmctlA && k === 'rmctl_b') {
        row.vsRmctl[k] = pairedRatio(v, rmctlA);
        if (m.latency) row.addedVsRmctl[k] = pairedDiff(v, rmctlA);
      }
      if (rmctlA && k in AGENT_APIS) {
        // The agent APIs against the chat path of the same process: added CPU and latency, paired.
        row.vsRmctl[k] = pairedRatio(v, rmctlA);
        row.addedVsRmctl[k] = pairedDiff(v, rmctlA);
      }
    }
    rows.push(row);
  }

  const failures = [];
  reps.forEach((r, i) => {
    for (const [k, x] of Object.entries(r)) {
      for (const [c, m] of Object.entries(x.load)) if (!m.ok) failures.push(`rep ${i + 1} ${k} c=${c}: ${m.problem}`);
      if (x.stream && !x.stream.ok) failures.push(`rep ${i + 1} ${k} stream: ${x.stream.problem}`);
    }
  });

  let fallback;
  if (fbReps.length) {
    const get = (k, f) => fbReps.map((r) => (r[k]?.ok ? r[k][f] : NaN));
    fbReps.forEach((r, i) => {
      for (const [k, m] of Object.entries(r)) if (!m.ok) failures.push(`rep ${i + 1} ${k}: ${m.problem}`);
    });
    const normal = get('fb_normal', 'p50');
    const fbp = get('fb_fallback', 'p50');
    const failed = get('fb_failed_attempt', 'p50');
    const extra = fbp.map((v, i) => v - normal[i]);
    const budget = failed.map((v) => v + 1);
    fallback = {
      p50NormalMs: median(normal),
      p50FallbackMs: median(fbp),
      p50FailedAttemptMs: median(failed),
      extraMs: median(extra),
      // Paired within a repetition: fallback extra minus (failed attempt + 1 ms); <= 0 passes.
      marginMs: pairedDiff(extra, budget),
      cpuNormalUs: median(get('fb_normal', 'cpuUs')),
      cpuFallbackUs: median(get('fb_fallback', 'cpuUs')),
      // Counted at the failing upstream: 1.0 means every request really made the failed attempt.
      failedAttemptsPerRequest: median(get('fb_fallback', 'failedAttempts')),
      perRep: fbReps,
    };
  }

  const pick = (name, k, field = 'median') => rows.find((r) => r.metric === name)?.[field]?.[k];
  const checks = [];
  const has = (k) => keys.includes(k);
  const c16 = cfg.conns.includes(16) ? 16 : cfg.conns[Math.min(1, cfg.conns.length - 1)];
  const c1 = cfg.conns.includes(1) ? 1 : cfg.conns[0];
  if (has('rmctl') && has('passthrough')) {
    const r = pick(`CPU us/req @${c16}`, 'rmctl', 'vsPassthrough');
    checks.push({ target: `CPU per request within 1.3x of the bare pass-through (@${c16} connections)`, value: `${fmt(r)}x (rmctl ${fmt(pick(`CPU us/req @${c16}`, 'rmctl'), 0)} us, pass-through ${fmt(pick(`CPU us/req @${c16}`, 'passthrough'), 0)} us)`, pass: r <= 1.3 });
  }
  if (has('rmctl') && has('portkey')) {
    const r = pick(`req/s @${c16}`, 'rmctl', 'vsPeer');
    checks.push({ target: `throughput at least 10x the peer's at ${c16} connections`, value: `${fmt(r)}x`, pass: r >= 10 });
  }
  if (has('rmctl')) {
    const a = pick(`p50 ms @${c1}`, 'rmctl', 'addedVsDirect');
    checks.push({ target: `added p50 latency at ${c1} connection < 0.5 ms`, value: `${signed(a)} ms`, pass: a < 0.5 });
    const f = pick('stream first event p50 ms', 'rmctl', 'addedVsDirect');
    checks.push({ target: 'added time to first streamed event < 1 ms', value: `${signed(f)} ms`, pass: f < 1 });
    checks.push({ target: 'peak memory (VmHWM) < 120 MB', value: `${fmt(memory.rmctl.hwm, 1)} MB (end RSS ${fmt(memory.rmctl.rss, 1)} MB)`, pass: memory.rmctl.hwm < 120 });
  }
  if (fallback) {
    checks.push({
      target: 'fallback costs <= the failed attempt + 1 ms',
      value: `extra ${fmt(fallback.extraMs, 3)} ms vs failed attempt ${fmt(fallback.p50FailedAttemptMs, 3)} ms + 1 ms`,
      pass: fallback.marginMs <= 0 && fallback.failedAttemptsPerRequest >= 0.99,
    });
  }
  for (const [k, why] of Object.entries(skipped)) checks.push({ target: `${k}: not measured`, value: why, pass: null });
  if (failures.length) checks.push({ target: 'every request answered as expected', value: `${failures.length} failed measurements (excluded)`, pass: false });

  return {
    when: new Date().toISOString(),
    command: `node scripts/bench/bench-proxy.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    machine: { cpus: cores, model: os.cpus()[0]?.model, node: process.version, kernel: os.release(), load: os.loadavg() },
    settings: { ...cfg, targets: [...cfg.targets], rmctl: RMCTL, rmctlLogLevel: opt['rmctl-log-level'], pinning, clientCpus, serverCpus, clockTicks: ticks, wrk },
    seconds,
    targets: targets.map((t) => ({ key: t.key, label: t.label, url: t.url })),
    rows,
    memory,
    startMemory,
    fallback,
    checks,
    failures,
    meta,
    agentApis: agentApiRows(rows, keys),
  };
}

function signed(x) {
  return Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${fmt(x, 3)}` : '-';
}

function render(res) {
  const keys = res.targets.map((t) => t.key);
  const labels = res.targets.map((t) => t.label);
  const out = [];
  out.push('', `== Proxy overhead, medians over ${res.settings.reps} interleaved repetitions (${res.settings.duration} s per measurement) ==`);
  out.push(`machine: ${res.machine.cpus} cpus, ${res.machine.model}, node ${res.machine.node}; pinning: ${res.settings.pinning}`);
  const head = ['metric', ...labels];
  const body = res.rows.map((r) => [r.metric, ...keys.map((k) => fmt(r.median[k], r.unit === 'ms' ? 3 : 1))]);
  body.push(['RSS MB after start-up', ...keys.map((k) => fmt(res.startMemory[k]?.rss, 1))]);
  body.push(['peak RSS MB (VmHWM)', ...keys.map((k) => fmt(res.memory[k]?.hwm, 1))]);
  body.push(['end RSS MB', ...keys.map((k) => fmt(res.memory[k]?.rss, 1))]);
  out.push('', table([head, ...body]));

  const cmp = keys.filter((k) => k !== 'direct');
  if (cmp.length) {
    out.push('', '== Paired ratios (median over repetitions of the per-repetition ratio) and added latency ==');
    const h2 = ['metric'];
    for (const k of cmp) {
      h2.push(`${k} /direct`);
      if (keys.includes('passthrough') && k !== 'passthrough') h2.push(`${k} /pass`);
      if (keys.includes('portkey') && k !== 'portkey') h2.push(`${k} /peer`);
      if (k === 'rmctl_b') h2.push('rmctl_b /rmctl');
    }
    const b2 = [];
    for (const r of res.rows) {
      if (r.metric.startsWith('mock CPU') || r.metric.startsWith('other load') || r.metric.startsWith('new upstream')) continue;
      const line = [r.metric];
      for (const k of cmp) {
        const added = r.addedVsDirect[k];
        line.push(Number.isFinite(added) ? `${signed(added)} ms` : `${fmt(r.vsDirect[k])}x`);
        if (keys.includes('passthrough') && k !== 'passthrough') line.push(Number.isFinite(r.addedVsPassthrough[k]) ? `${signed(r.addedVsPassthrough[k])} ms` : `${fmt(r.vsPassthrough[k])}x`);
        if (keys.includes('portkey') && k !== 'portkey') line.push(`${fmt(r.vsPeer[k])}x`);
        if (k === 'rmctl_b') line.push(Number.isFinite(r.addedVsRmctl[k]) ? `${signed(r.addedVsRmctl[k])} ms` : `${fmt(r.vsRmctl[k])}x`);
      }
      b2.push(line);
    }
    out.push(table([h2, ...b2]));
    out.push('(CPU us/req of "direct" is the mock upstream\'s own; for the proxies it is the proxy process alone. Added latency = target - reference, paired per repetition.)');
  }

  if (res.agentApis?.length) {
    out.push('', '== Agent APIs vs chat completions on the same rmctl serve (translated to the mock\'s chat; added = API - chat, paired per repetition) ==');
    const rowsOut = res.agentApis.map((a) => [a.api, a.metric, fmt(a.chat, a.metric.includes('ms') ? 3 : 1), fmt(a.api_value, a.metric.includes('ms') ? 3 : 1), signed(a.added), `${fmt(a.ratio)}x`]);
    out.push(table([['api', 'metric', 'chat', 'api', 'added', 'ratio'], ...rowsOut]));
  }

  if (res.fallback) {
    const f = res.fallback;
    out.push('', '== Fallback (first deployment answers 503, second answers; 1 connection) ==');
    out.push(
      table([
        ['', 'p50 ms', 'CPU us/req'],
        ['rmctl, normal route', fmt(f.p50NormalMs, 3), fmt(f.cpuNormalUs, 0)],
        ['rmctl, fallback route', fmt(f.p50FallbackMs, 3), fmt(f.cpuFallbackUs, 0)],
        ['failing upstream alone (the failed attempt)', fmt(f.p50FailedAttemptMs, 3), '-'],
        ['fallback extra (fallback - normal)', fmt(f.extraMs, 3), fmt(f.cpuFallbackUs - f.cpuNormalUs, 0)],
      ]),
    );
    out.push(`failed attempts per request, counted at the failing upstream: ${fmt(f.failedAttemptsPerRequest)}`);
  }

  if (res.meta.rmctlLogLines !== undefined) {
    out.push('', `rmctl serve wrote ${res.meta.rmctlLogLines} log lines (${(res.meta.rmctlLogBytes / 1e6).toFixed(1)} MB) during the run; /metrics answered ${res.meta.rmctlMetricsStatus} with ${res.meta.rmctlMetricsLines ?? '?'} samples`);
  }
  const noise = res.rows.filter((r) => r.metric.startsWith('other load')).flatMap((r) => Object.values(r.perRep).flat()).filter(Number.isFinite);
  if (noise.length) {
    const worst = Math.max(...noise);
    out.push('', `other processes used a median ${fmt(median(noise), 1)}% (worst ${fmt(worst, 1)}%) of the server cpu during measurements${worst > 10 ? ': a noisy run, trust the paired ratios more than the absolute figures' : ''}`);
  }
  if (res.failures.length) out.push('', 'FAILED measurements (excluded from the medians):', ...res.failures.map((f) => `  ${f}`));

  out.push('', '== Issue 6 targets for rmctl serve ==');
  for (const c of res.checks) out.push(`  ${c.pass === null ? 'SKIP' : c.pass ? 'PASS' : 'FAIL'}  ${c.target}: ${c.value}`);
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- soak

async function soak() {
  if (!rmctlAvailable()) {
    log('soak needs rmctl serve: run `npm run build` first');
    process.exit(2);
  }
  const mock = await startMock();
  const rm = await startRmctl(mock, 'rmctl-soak');
  const t = makeTarget('rmctl', LABELS.rmctl, rm, rm.port, '/v1/chat/completions', BENCH_GROUP, { authorization: `Bearer ${MASTER_KEY}`, 'x-rainymodel-policy': 'auto' });
  await verifyTarget(t);
  log(`soak: ${cfg.soak} s at ${cfg.soakRps} req/s (10% streams), RSS every ${cfg.soakSample} s`);
  const samples = [];
  let nextSample = 0;
  const c0 = cpuSeconds(rm.pid, ticks);
  const load = await pacedLoad({
    url: t.url,
    headers: t.headers,
    jsonBody: t.jsonBody,
    streamBody: t.streamBody,
    seconds: cfg.soak,
    rps: cfg.soakRps,
    streamShare: 0.1,
    onTick: (s) => {
      if (s < nextSample) return;
      nextSample += cfg.soakSample;
      const m = memoryMB(rm.pid);
      samples.push({ s: Math.round(s), rss: m.rss, hwm: m.hwm });
      if (samples.length % 12 === 1) log(`soak ${Math.round(s)} s: RSS ${fmt(m.rss, 1)} MB, peak ${fmt(m.hwm, 1)} MB`);
    },
  });
  const cpu = cpuSeconds(rm.pid, ticks) - c0;
  const end = memoryMB(rm.pid);
  await stopProcess(rm);
  await stopProcess(mock);
  // Growth is judged after warm-up (JIT, pools, first GC cycles): from the first 10% of the soak on.
  const warmIdx = samples.findIndex((x) => x.s >= Math.max(30, cfg.soak * 0.1));
  const after = warmIdx >= 0 ? samples.slice(warmIdx) : samples;
  const baseline = median(after.slice(0, Math.max(1, Math.min(6, after.length))).map((x) => x.rss));
  const tail = median(after.slice(-Math.max(1, Math.min(6, after.length))).map((x) => x.rss));
  const half = after.slice(Math.floor(after.length / 2));
  const slopeMBperMin = slope(half.map((x) => x.s / 60), half.map((x) => x.rss));
  const growth = tail - baseline;
  // Flat: at most 10 MB (or 10%) above the post-warm-up level, and no upward trend over the second half
  // beyond 0.5 MB/min (GC sawtooth alone stays well inside both).
  const flat = growth <= Math.max(10, baseline * 0.1) && !(slopeMBperMin > 0.5);
  const res = {
    when: new Date().toISOString(),
    command: `node scripts/bench/bench-proxy.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    settings: { soakSeconds: cfg.soak, rps: cfg.soakRps, streamShare: 0.1, sampleSeconds: cfg.soakSample, pinning },
    load,
    cpuUsPerRequest: (cpu / Math.max(1, load.ok + load.failed)) * 1e6,
    rss: { baselineMB: baseline, endMedianMB: tail, growthMB: growth, slopeMBperMinSecondHalf: slopeMBperMin, peakMB: end.hwm, endMB: end.rss },
    flat,
    samples,
  };
  writeFileSync(join(outDir, 'soak.json'), JSON.stringify(res, null, 2));
  const out = [
    '',
    `== Soak: rmctl serve, ${cfg.soak} s at ${cfg.soakRps} req/s (10% streams) ==`,
    `requests ok ${load.ok}, failed ${load.failed}, skipped (over ${64} in flight) ${load.skipped}${load.failed ? ` errors ${JSON.stringify(load.errors)}` : ''}`,
    `RSS after warm-up ${fmt(baseline, 1)} MB -> end ${fmt(tail, 1)} MB (growth ${fmt(growth, 1)} MB, second-half slope ${fmt(slopeMBperMin, 2)} MB/min); peak ${fmt(end.hwm, 1)} MB`,
    `  ${flat ? 'PASS' : 'FAIL'}  memory flat over the soak`,
    `  ${end.hwm < 120 ? 'PASS' : 'FAIL'}  peak memory < 120 MB`,
    `JSON: ${join(outDir, 'soak.json')}`,
    '',
  ];
  process.stdout.write(out.join('\n'));
}

// ---------------------------------------------------------------- profile

async function profileOne(mock, which, profDir) {
  mkdirSync(profDir, { recursive: true });
  const nodeFlags = ['--cpu-prof', '--cpu-prof-dir', profDir];
  let proc;
  let t;
  if (which === 'rmctl') {
    proc = await startRmctl(mock, 'rmctl-profile', { nodeFlags });
    t = makeTarget('rmctl', LABELS.rmctl, proc, proc.port, '/v1/chat/completions', BENCH_GROUP, { authorization: `Bearer ${MASTER_KEY}`, 'x-rainymodel-policy': 'auto' });
  } else {
    proc = await startPassthrough(mock, { nodeFlags });
    t = makeTarget('passthrough', LABELS.passthrough, proc, proc.port, '/v1/chat/completions', 'gpt-4o-mini', { authorization: UPSTREAM_AUTH });
  }
  await verifyTarget(t);
  // Warm the JIT first so the profile shows the steady state, then mark the load window.
  await runWrk({ wrk, url: t.url, lua: t.lua, connections: 16, seconds: 2, cpus: clientCpus });
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const r = await runWrk({ wrk, url: t.url, lua: t.lua, connections: 16, seconds: cfg.profile, cpus: clientCpus });
  const s = await measureStreams({ url: t.url, headers: t.headers, body: t.streamBody, samples: 200, warmup: 0 });
  const toUs = Number(process.hrtime.bigint() / 1000n);
  log(`profile ${t.label}: ${fmt(r.rps, 0)} req/s at 16 connections for ${cfg.profile} s${r.ok ? '' : ` (FAILED: ${r.problem})`}, then ${s.firsts.length} streams`);
  // SIGTERM: both drain and exit normally, which is when node writes the profile.
  await stopProcess(proc, 15000);
  const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) throw new Error(`no .cpuprofile written in ${profDir} (did ${t.label} exit normally on SIGTERM?)`);
  const file = join(profDir, files[0]);
  const summary = summarizeProfile(file, { fromUs, toUs, root: which === 'rmctl' ? RMCTL_ROOT : ROOT, top: 30 });
  const perReq = r.requests > 0 ? (summary.busyMs * 1000) / (r.requests + s.firsts.length) : NaN;
  return { label: t.label, file, requests: r.requests, rps: r.rps, streams: s.firsts.length, busyUsPerRequest: perReq, ...summary };
}

async function profile() {
  await ensureWrk();
  if (!rmctlAvailable()) {
    log('profiling needs rmctl serve: run `npm run build` first');
    process.exit(2);
  }
  const mock = await startMock();
  // The bare pass-through under the same load is the reference: what it spends is the floor, so only
  // what rmctl spends beyond it is a candidate for removal.
  const results = {};
  for (const which of ['rmctl', 'passthrough']) results[which] = await profileOne(mock, which, join(outDir, `cpu-profile-${which}`));
  await stopProcess(mock);
  writeFileSync(join(outDir, 'profile-summary.json'), JSON.stringify(results, null, 2));
  for (const p of Object.values(results)) {
    process.stdout.write(`\n== CPU profile of ${p.label} under load (${p.requests} requests at 16 connections + ${p.streams} streams; ~${fmt(p.busyUsPerRequest, 0)} us busy per request, profiler on) ==\n${formatProfile(p)}\n\nprofile: ${p.file}\n`);
  }
  process.stdout.write(`\nJSON: ${join(outDir, 'profile-summary.json')}\n`);
}

// ---------------------------------------------------------------- main

try {
  if (cfg.profile !== undefined) await profile();
  else if (cfg.soak !== undefined) await soak();
  else await comparison();
  process.exit(0);
} catch (e) {
  log(`failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
