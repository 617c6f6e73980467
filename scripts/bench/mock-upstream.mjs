#!/usr/bin/env node
// A fast mock OpenAI upstream for the proxy benchmark (issue 6). One process, no cluster, so its CPU can
// be pinned and measured like any target's.
//
//   node scripts/bench/mock-upstream.mjs --port 18080 --fail-port 18081
//
// POST {prefix}/v1/chat/completions (also /chat/completions, for api_bases without /v1):
//   a realistic-size chat.completion JSON, or with `"stream": true` an SSE stream of N chunks.
// Options, lowest to highest precedence:
//   env        MOCK_STREAM_CHUNKS (20), MOCK_STREAM_GAP_MS (2), MOCK_FAIL_RATE (0), MOCK_LATENCY_MS (0),
//              MOCK_CONTENT_CHARS (600)
//   path       /opts/chunks=40,gap=5,fail=0.1,latency=3/v1/chat/completions  (survives proxies that
//              build the upstream URL from an api_base, which query strings do not)
//   query      ?chunks=..&gap=..&fail=..&latency=..  (for direct use)
// Failure: 503 with an OpenAI-shaped error and no Retry-After (a proxy should move on, not wait).
// The fail port (and any path under /fail/) always answers 503: the first deployment of the fallback case.
// GET /health answers 200; GET /stats gives the chat requests this port has answered. The process prints one line `mock-upstream ready <port> <failPort>` on stdout.
import http from 'node:http';

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function envNumber(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${v}"`);
  return n;
}

const host = argValue('--host', '127.0.0.1');
const port = Number(argValue('--port', '18080'));
const failPort = Number(argValue('--fail-port', '0'));

const defaults = Object.freeze({
  chunks: envNumber('MOCK_STREAM_CHUNKS', 20),
  gap: envNumber('MOCK_STREAM_GAP_MS', 2),
  fail: envNumber('MOCK_FAIL_RATE', 0),
  latency: envNumber('MOCK_LATENCY_MS', 0),
  contentChars: envNumber('MOCK_CONTENT_CHARS', 600),
});

// Built once: the answer text is the same for every request, only ids and the echoed model vary, so the
// mock spends its CPU on HTTP, as a real upstream's front end would, not on making text.
const WORDS = 'the quick brown fox jumps over a lazy dog while the proxy forwards every token it is given'.split(' ');
function makeContent(chars) {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += (i ? ' ' : '') + WORDS[i % WORDS.length];
  return s.slice(0, chars);
}
const CONTENT = makeContent(defaults.contentChars);
const CONTENT_JSON = JSON.stringify(CONTENT);
// Pieces of the answer for stream chunks, JSON-escaped once.
function pieces(n) {
  const out = [];
  const size = Math.max(1, Math.ceil(CONTENT.length / n));
  for (let i = 0; i < n; i++) out.push(JSON.stringify(CONTENT.slice(i * size, (i + 1) * size)));
  return out;
}
const piecesCache = new Map();
function piecesFor(n) {
  let p = piecesCache.get(n);
  if (!p) {
    p = pieces(n);
    // Bounded: only a handful of chunk counts are ever asked for.
    if (piecesCache.size < 64) piecesCache.set(n, p);
  }
  return p;
}

const MODEL_RE = /"model"\s*:\s*"((?:[^"\\]|\\.)*)"/;
const STREAM_RE = /"stream"\s*:\s*true/;
let seq = 0;

function completionBody(model, id, created) {
  return (
    `{"id":"chatcmpl-${id}","object":"chat.completion","created":${created},"model":"${model}",` +
    `"system_fingerprint":"fp_mock","choices":[{"index":0,"message":{"role":"assistant","content":${CONTENT_JSON},` +
    `"refusal":null},"logprobs":null,"finish_reason":"stop"}],` +
    `"usage":{"prompt_tokens":212,"completion_tokens":128,"total_tokens":340}}`
  );
}

function errorBody(status, message) {
  return JSON.stringify({ error: { message, type: status === 503 ? 'service_unavailable' : 'server_error', code: String(status) } });
}

function parseOpts(target, base) {
  const o = { ...base };
  let path = target;
  const q = path.indexOf('?');
  let query = '';
  if (q >= 0) {
    query = path.slice(q + 1);
    path = path.slice(0, q);
  }
  let forceFail = false;
  if (path.startsWith('/fail/')) {
    forceFail = true;
    path = path.slice(5);
  }
  if (path.startsWith('/opts/')) {
    const end = path.indexOf('/', 6);
    const spec = end < 0 ? path.slice(6) : path.slice(6, end);
    path = end < 0 ? '/' : path.slice(end);
    for (const kv of spec.split(',')) applyOpt(o, kv);
  }
  if (query) for (const kv of query.split('&')) applyOpt(o, kv);
  return { path, opts: o, forceFail };
}

function applyOpt(o, kv) {
  const eq = kv.indexOf('=');
  if (eq < 0) return;
  const k = kv.slice(0, eq);
  const n = Number(decodeURIComponent(kv.slice(eq + 1)));
  if (!Number.isFinite(n) || n < 0) return;
  if (k === 'chunks') o.chunks = Math.min(Math.max(1, Math.floor(n)), 10000);
  else if (k === 'gap') o.gap = Math.min(n, 10000);
  else if (k === 'fail') o.fail = Math.min(n, 1);
  else if (k === 'latency') o.latency = Math.min(n, 60000);
}

function send(res, status, body, extra) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-request-id': `mock-${seq}`,
    ...extra,
  });
  res.end(body);
}

function stream(res, model, id, created, opts) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': `mock-${seq}` });
  const parts = piecesFor(opts.chunks);
  const head = `data: {"id":"chatcmpl-${id}","object":"chat.completion.chunk","created":${created},"model":"${model}","system_fingerprint":"fp_mock","choices":[{"index":0,"delta":`;
  let i = 0;
  let timer;
  let closed = false;
  res.on('close', () => {
    closed = true;
    if (timer) clearTimeout(timer);
  });
  const next = () => {
    timer = undefined;
    if (closed) return;
    if (i < parts.length) {
      const delta = i === 0 ? `{"role":"assistant","content":${parts[i]}}` : `{"content":${parts[i]}}`;
      res.write(`${head}${delta},"logprobs":null,"finish_reason":null}]}\n\n`);
      i++;
      // The first event goes out at once so time-to-first-event measures the proxy, not the mock.
      if (opts.gap > 0) timer = setTimeout(next, opts.gap);
      else setImmediate(next);
      return;
    }
    res.write(`${head}{},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":212,"completion_tokens":${parts.length},"total_tokens":${212 + parts.length}}}\n\n`);
    res.end('data: [DONE]\n\n');
  };
  next();
}

// Chat requests answered per port, so the benchmark can check that a proxy really made the attempts it
// claims (e.g. one failed attempt per request on the fallback route).
const counts = { ok: 0, fail: 0, okConnections: 0 };

function handle(req, res, alwaysFail) {
  if (req.method === 'GET' && req.url === '/stats') {
    send(res, 200, JSON.stringify(alwaysFail ? { requests: counts.fail } : { requests: counts.ok, connections: counts.okConnections }));
    return;
  }
  if (req.method === 'GET' && (req.url === '/health' || req.url === '/v1/models' || req.url === '/models')) {
    send(res, 200, req.url === '/health' ? '{"status":"ok"}' : '{"object":"list","data":[{"id":"mock-model","object":"model","owned_by":"mock"}]}');
    return;
  }
  const { path, opts, forceFail } = parseOpts(req.url ?? '/', defaults);
  const isChat = path === '/v1/chat/completions' || path === '/chat/completions';
  if (req.method !== 'POST' || !isChat) {
    req.resume();
    send(res, 404, errorBody(404, `mock-upstream: no route ${req.method} ${path}`));
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    seq++;
    if (alwaysFail) counts.fail++;
    else counts.ok++;
    const body = chunks.length === 1 ? chunks[0].toString('latin1') : Buffer.concat(chunks).toString('latin1');
    const respond = () => {
      if (alwaysFail || forceFail || (opts.fail > 0 && Math.random() < opts.fail)) {
        send(res, 503, errorBody(503, 'mock-upstream: simulated overload'));
        return;
      }
      const m = MODEL_RE.exec(body);
      const model = m ? m[1] : 'mock-model';
      const id = seq.toString(36);
      const created = Math.floor(Date.now() / 1000);
      if (STREAM_RE.test(body)) stream(res, model, id, created, opts);
      else send(res, 200, completionBody(model, id, created));
    };
    if (opts.latency > 0) setTimeout(respond, opts.latency);
    else respond();
  });
}

function listen(p, alwaysFail) {
  return new Promise((resolve, reject) => {
    const server = http.createServer({ keepAliveTimeout: 60_000, noDelay: true }, (req, res) => handle(req, res, alwaysFail));
    // Long-lived keep-alive connections from proxies' pools must not be cut under them mid-benchmark.
    server.headersTimeout = 65_000;
    server.requestTimeout = 0;
    server.on('error', reject);
    // New connections per request show whether a proxy keeps its upstream connections alive.
    if (!alwaysFail) server.on('connection', () => counts.okConnections++);
    server.listen(p, host, () => resolve(server));
  });
}

const servers = [await listen(port, false)];
if (failPort > 0) servers.push(await listen(failPort, true));
process.stdout.write(`mock-upstream ready ${servers[0].address().port} ${failPort > 0 ? servers[1].address().port : 0}\n`);

const stop = () => {
  for (const s of servers) s.close();
  // Streams in flight would keep the process alive; the benchmark is done with them.
  setTimeout(() => process.exit(0), 200).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
