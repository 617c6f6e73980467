// Timing client for streams (time to the first SSE event and to the end) and the paced load of the soak.
// Plain node:http with a keep-alive agent: the client's own overhead is the same for every target and
// small next to a stream's length. It runs in the benchmark process, which is pinned to the client core.
import http from 'node:http';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * One streamed request. Resolves with first-event and total milliseconds, or an error description.
 * First event = the first body bytes that carry `data:` (the first SSE event), not the headers.
 */
function oneStream(agent, url, headers, body, endMarker = '[DONE]') {
  return new Promise((resolve) => {
    const t0 = now();
    let first;
    let text = '';
    const req = http.request(url, { method: 'POST', headers, agent, timeout: 30000 }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (d) => {
        if (first === undefined && d.includes('data:')) first = now() - t0;
        // Only the tail matters for the end check; bounded so a long stream costs no memory. A Responses
        // stream ends with response.completed carrying the whole response, hence the longer tail then.
        text = (text + d).slice(endMarker === '[DONE]' ? -256 : -16384);
      });
      res.on('end', () => {
        const total = now() - t0;
        if (res.statusCode !== 200) resolve({ error: `status ${res.statusCode}` });
        else if (!text.includes(endMarker)) resolve({ error: `stream ended without ${endMarker}` });
        else if (first === undefined) resolve({ error: 'no data event' });
        else resolve({ first, total });
      });
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ error: e.message }));
    req.end(body);
  });
}

/** `samples` sequential streams over one keep-alive connection, after `warmup` untimed ones. */
export async function measureStreams({ url, headers, body, samples, warmup = 10, endMarker }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const h = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  const firsts = [];
  const totals = [];
  const errors = [];
  try {
    for (let i = 0; i < warmup + samples; i++) {
      const r = await oneStream(agent, url, h, body, endMarker);
      if (r.error) {
        errors.push(r.error);
        // A target that fails streams is reported as failing, not timed.
        if (errors.length >= 5) break;
        continue;
      }
      if (i >= warmup) {
        firsts.push(r.first);
        totals.push(r.total);
      }
    }
  } finally {
    agent.destroy();
  }
  return { firsts, totals, errors };
}

/**
 * Paced open-loop load for `seconds`: `rps` requests per second spread evenly, a share of them streams,
 * at most `maxInFlight` at once (requests over that are counted as skipped, never queued without bound).
 */
export async function pacedLoad({ url, headers, jsonBody, streamBody, seconds, rps, streamShare, maxInFlight = 64, onTick }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight });
  const hJson = { ...headers, 'content-length': String(Buffer.byteLength(jsonBody)) };
  const hStream = { ...headers, 'content-length': String(Buffer.byteLength(streamBody)) };
  const stats = { sent: 0, ok: 0, failed: 0, skipped: 0, errors: new Map() };
  let inFlight = 0;
  const start = now();
  const end = start + seconds * 1000;
  const interval = 1000 / rps;
  let next = start;
  let i = 0;
  const record = (err) => {
    inFlight--;
    if (!err) stats.ok++;
    else {
      stats.failed++;
      if (stats.errors.size < 20) stats.errors.set(err, (stats.errors.get(err) ?? 0) + 1);
    }
  };
  let lastTick = start;
  while (now() < end) {
    const t = now();
    if (onTick && t - lastTick >= 1000) {
      lastTick = t;
      onTick((t - start) / 1000);
    }
    if (t < next) {
      await new Promise((r) => setTimeout(r, Math.max(0, Math.min(next - t, 50))));
      continue;
    }
    next += interval;
    if (inFlight >= maxInFlight) {
      stats.skipped++;
      continue;
    }
    stats.sent++;
    inFlight++;
    const isStream = streamShare > 0 && i++ % Math.round(1 / streamShare) === 0;
    if (isStream) {
      oneStream(agent, url, hStream, streamBody).then((r) => record(r.error));
    } else {
      const req = http.request(url, { method: 'POST', headers: hJson, agent, timeout: 30000 }, (res) => {
        res.resume();
        res.on('end', () => record(res.statusCode === 200 ? undefined : `status ${res.statusCode}`));
        res.on('error', (e) => record(e.message));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => record(e.message));
      req.end(jsonBody);
    }
  }
  // Bounded drain of what is still in flight.
  const drainEnd = now() + 30000;
  while (inFlight > 0 && now() < drainEnd) await new Promise((r) => setTimeout(r, 20));
  agent.destroy();
  return { ...stats, errors: Object.fromEntries(stats.errors), seconds: (now() - start) / 1000 };
}
