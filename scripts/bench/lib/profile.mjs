// Reads a V8 .cpuprofile (node --cpu-prof) and ranks functions by self time, optionally only over a
// time window (the load phase, not start-up). Also usable alone:
//   node scripts/bench/lib/profile.mjs FILE.cpuprofile [TOP]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function place(callFrame, root) {
  let url = callFrame.url || '';
  if (url.startsWith('file://')) url = fileURLToPath(url);
  if (root && url.startsWith(root)) url = url.slice(root.length).replace(/^\//, '');
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) url = url.slice(nm + 'node_modules/'.length);
  return url ? `${url}:${callFrame.lineNumber + 1}` : '';
}

function bucketOf(callFrame, root) {
  const url = callFrame.url || '';
  if (!url) return callFrame.functionName.startsWith('(') ? callFrame.functionName : '(native/builtin)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0].replace(/^internal\//, 'internal/');
  let path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return 'pkg:' + (rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]);
  }
  if (root && path.startsWith(root)) path = path.slice(root.length).replace(/^\//, '');
  return path;
}

/**
 * @param {string} file  .cpuprofile path
 * @param {{ fromUs?: number, toUs?: number, root?: string, top?: number }} opts  window in the profile's
 *   clock (microseconds, CLOCK_MONOTONIC like process.hrtime), repo root to shorten paths
 */
export function summarizeProfile(file, { fromUs, toUs, root, top = 25 } = {}) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const buckets = new Map();
  let t = prof.startTime;
  let total = 0;
  let idle = 0;
  let inWindow = 0;
  const useWindow = fromUs !== undefined && toUs !== undefined;
  const n = prof.samples.length;
  // timeDeltas[i] is the gap before sample i; the sample's own duration is the next gap.
  for (let i = 0; i < n; i++) {
    t += prof.timeDeltas[i];
    const dur = i + 1 < n ? prof.timeDeltas[i + 1] : 0;
    if (useWindow && (t < fromUs || t > toUs)) continue;
    inWindow++;
    const node = byId.get(prof.samples[i]);
    const cf = node.callFrame;
    if (cf.functionName === '(idle)') {
      idle += dur;
      continue;
    }
    total += dur;
    const key = `${cf.functionName || '(anonymous)'}\t${place(cf, root)}`;
    self.set(key, (self.get(key) ?? 0) + dur);
    const b = bucketOf(cf, root);
    buckets.set(b, (buckets.get(b) ?? 0) + dur);
  }
  const rank = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({ key: k, ms: us / 1000, share: total > 0 ? us / total : 0 }));
  return {
    samples: inWindow,
    windowed: useWindow && inWindow > 0,
    busyMs: total / 1000,
    idleMs: idle / 1000,
    functions: rank(self).map((r) => {
      const [fn, where] = r.key.split('\t');
      return { function: fn, where, selfMs: r.ms, share: r.share };
    }),
    buckets: rank(buckets).map((r) => ({ bucket: r.key, selfMs: r.ms, share: r.share })),
  };
}

export function formatProfile(s) {
  const pct = (x) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const lines = [`busy ${s.busyMs.toFixed(0)} ms, idle ${s.idleMs.toFixed(0)} ms, ${s.samples} samples${s.windowed ? ' (load window only)' : ''}`, '', 'top self time by function:'];
  for (const f of s.functions) lines.push(`  ${f.selfMs.toFixed(1).padStart(8)} ms ${pct(f.share)}  ${f.function}  ${f.where}`);
  lines.push('', 'self time by file / package:');
  for (const b of s.buckets) lines.push(`  ${b.selfMs.toFixed(1).padStart(8)} ms ${pct(b.share)}  ${b.bucket}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node scripts/bench/lib/profile.mjs FILE.cpuprofile [TOP]\n');
    process.exit(64);
  }
  process.stdout.write(formatProfile(summarizeProfile(file, { top: Number(process.argv[3] ?? 25), root: process.cwd() })) + '\n');
}
