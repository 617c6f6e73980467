// wrk as the load generator: a generated Lua script sets the POST body and headers and prints one JSON
// line with the figures (wrk's own summary is for people). wrk is C and needs little CPU per request, so
// one thread on one core keeps ahead of any Node target here.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { runCapture } from './procs.mjs';

export function findWrk() {
  const r = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Tries Debian's package once (the benchmark machine is a root container); returns the path or undefined. */
export function installWrk(log) {
  log('wrk not found; trying `apt-get install -y wrk` (Debian package "wrk")');
  let r = spawnSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'ignore', timeout: 300_000 });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'ignore', timeout: 300_000 });
    r = spawnSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'ignore', timeout: 300_000 });
  }
  return findWrk();
}

function luaString(s) {
  // A long bracket with a level no JSON body or header contains.
  if (s.includes(']====]')) throw new Error('body contains the Lua long-bracket terminator');
  return `[====[${s}]====]`;
}

export function writeLua(file, { body, headers }) {
  const lines = ['wrk.method = "POST"', `wrk.body = ${luaString(body)}`];
  for (const [k, v] of Object.entries(headers)) {
    // Header names and values are plain ASCII, for which a JSON string literal is also a Lua one (and a
    // long bracket right after `[` would read as `[[`).
    if (!/^[\x20-\x7e]*$/.test(k + v)) throw new Error(`header ${k} is not printable ASCII`);
    lines.push(`wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`);
  }
  // Counters are wrk's own; latency percentiles are in microseconds.
  lines.push(`
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d}}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9)))
end
`);
  writeFileSync(file, lines.join('\n'));
}

/**
 * One wrk run. Returns the parsed figures; `ok` is false when a request failed in a way the target
 * should not fail (so a figure from a broken target is never reported as a result).
 */
export async function runWrk({ wrk, url, lua, connections, seconds, cpus, expectStatusErrors = false }) {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', lua, url];
  const r = await runCapture(wrk, args, { cpus, timeoutMs: (seconds + 30) * 1000 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCHJSON '));
  if (!line) throw new Error(`wrk gave no result (exit ${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
  const res = JSON.parse(line.slice('BENCHJSON '.length));
  const e = res.errors;
  const socketErrors = e.connect + e.read + e.write + e.timeout;
  const statusOk = expectStatusErrors ? e.status === res.requests : e.status === 0;
  return {
    ...res,
    rps: res.requests / (res.duration_us / 1e6),
    ok: res.requests > 0 && socketErrors === 0 && statusOk,
    problem:
      res.requests === 0
        ? 'no request completed'
        : socketErrors > 0
          ? `socket errors ${JSON.stringify(e)}`
          : !statusOk
            ? `${e.status} of ${res.requests} responses had an unexpected status`
            : undefined,
  };
}
