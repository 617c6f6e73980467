// Child processes of the benchmark: spawned (optionally pinned with taskset), read from /proc, and always
// killed when the benchmark exits, however it exits (normal end, error, SIGINT, SIGTERM).
import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import net from 'node:net';
import http from 'node:http';

const children = new Set();
let cleanupInstalled = false;

function killAll(signal) {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      try {
        c.kill(signal);
      } catch {
        // Already gone between the check and the kill.
      }
    }
  }
}

function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  // 'exit' handlers must be synchronous: SIGKILL leaves nothing behind even if a child ignores SIGTERM.
  process.on('exit', () => killAll('SIGKILL'));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      process.stderr.write(`\nbench: ${sig}, stopping children\n`);
      killAll('SIGTERM');
      setTimeout(() => process.exit(130), 300).unref();
    });
  }
}

export function hasTaskset() {
  return spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Pins an already running process (used for the benchmark's own process: it is the stream client). */
export function pinSelf(cpus) {
  const r = spawnSync('taskset', ['-cp', cpus, String(process.pid)], { stdio: 'ignore' });
  return r.status === 0;
}

export function clockTicks() {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number((r.stdout ?? '').trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
}

/**
 * Spawns `cmd args` with stdout/stderr sent to files (a full pipe would stall a chatty child), pinned to
 * `cpus` when given. taskset execs the command, so the pid is the target's own pid.
 */
export function startProcess(name, cmd, args, { cpus, env, cwd, stdoutFile, stderrFile } = {}) {
  installCleanup();
  const out = stdoutFile ? openSync(stdoutFile, 'a') : 'ignore';
  const err = stderrFile ? openSync(stderrFile, 'a') : 'ignore';
  const [file, argv] = cpus ? ['taskset', ['-c', cpus, cmd, ...args]] : [cmd, args];
  const child = spawn(file, argv, { stdio: ['ignore', out, err], env: env ?? process.env, cwd });
  if (typeof out === 'number') closeSync(out);
  if (typeof err === 'number') closeSync(err);
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('exit', () => children.delete(child));
  return { name, child, pid: child.pid, exited, stdoutFile, stderrFile };
}

/** Runs a command to completion, capturing stdout (bounded by the command itself, e.g. wrk -d). */
export function runCapture(cmd, args, { cpus, timeoutMs } = {}) {
  installCleanup();
  const [file, argv] = cpus ? ['taskset', ['-c', cpus, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGKILL'), timeoutMs) : undefined;
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      children.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export async function stopProcess(p, timeoutMs = 5000) {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return p.exited;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
  const r = await p.exited;
  clearTimeout(timer);
  return r;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** utime + stime of the whole process (every thread), in seconds. */
export function cpuSeconds(pid, ticks) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces and parentheses; fields after the last ')' are fixed.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state), so utime (14) and stime (15) are rest[11] and rest[12].
  return (Number(rest[11]) + Number(rest[12])) / ticks;
}

/** Resident memory now and its peak (high-water mark), in MB. */
export function memoryMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => {
    const m = new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  };
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Busy and total jiffies of the listed cpus (e.g. "1" or "0,1"), from /proc/stat. */
export function cpuJiffies(cpus) {
  const want = new Set(
    String(cpus)
      .split(',')
      .flatMap((part) => {
        const [a, b] = part.split('-').map(Number);
        return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
      }),
  );
  let busy = 0;
  let total = 0;
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const m = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (!m || !want.has(Number(m[1]))) continue;
    // user nice system idle iowait irq softirq steal ...; idle and iowait are the only non-busy ones.
    const f = m[2].trim().split(/\s+/).map(Number);
    const sum = f.slice(0, 8).reduce((a, b) => a + b, 0);
    total += sum;
    busy += sum - f[3] - f[4];
  }
  return { busy, total };
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls an HTTP GET until it answers with `status` (bounded by `timeoutMs`). */
export async function waitForHttp(url, { status = 200, timeoutMs = 20000, isAlive } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (isAlive && !isAlive()) throw new Error(`process exited before ${url} answered`);
    try {
      const r = await httpRequest(url, { method: 'GET' });
      if (r.status === status) return r;
      last = `status ${r.status}`;
    } catch (e) {
      last = e.message;
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last})`);
}

/** One small request with a fresh connection; for set-up checks, never for timing. */
export function httpRequest(url, { method = 'POST', headers = {}, body, timeoutMs = 10000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false, timeout: timeoutMs }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
