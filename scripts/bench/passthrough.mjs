#!/usr/bin/env node
// The reference bare pass-through proxy of issue 6: node:http in, undici out, nothing else (no parsing,
// no auth, no routing, no logs, no metrics). Its cost is the floor a Node proxy can reach on this machine,
// and `rmctl serve` is judged against it in the same run.
//
//   node scripts/bench/passthrough.mjs --port 18090 --upstream http://127.0.0.1:18080
//
// Prints `passthrough ready <port>` on stdout once listening.
import http from 'node:http';
import { EventEmitter } from 'node:events';
import { Pool } from 'undici';

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const host = argValue('--host', '127.0.0.1');
const port = Number(argValue('--port', '18090'));
const upstream = argValue('--upstream', 'http://127.0.0.1:18080');

// Same shape of upstream pool a real proxy would keep per deployment: keep-alive, enough sockets for the
// highest concurrency the benchmark uses, no pipelining (upstreams rarely allow it).
const pool = new Pool(upstream, { connections: 256, pipelining: 1, keepAliveTimeout: 60_000 });

// Hop-by-hop headers are per connection (RFC 9110 7.6.1); `host` is the upstream's own.
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host']);

function strip(headers) {
  const out = {};
  for (const k in headers) if (!HOP.has(k)) out[k] = headers[k];
  return out;
}

// Kept lean on purpose, or the reference would flatter whatever is compared with it: stream.pipeline
// and an AbortController per request each cost more CPU than the rest of this handler (pipeline aborts
// an internal controller on every completion, and each abort builds a DOMException). undici accepts a
// plain EventEmitter as its abort signal, and body.pipe(res) forwards with backpressure.
const server = http.createServer({ keepAliveTimeout: 60_000, noDelay: true }, (req, res) => {
  const signal = new EventEmitter();
  res.on('close', () => {
    // Client went away before the answer was complete: stop the upstream work too.
    if (!res.writableFinished) signal.emit('abort');
  });
  pool
    .request({
      path: req.url ?? '/',
      method: req.method ?? 'GET',
      headers: strip(req.headers),
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : req,
      signal,
    })
    .then(({ statusCode, headers, body }) => {
      res.writeHead(statusCode, strip(headers));
      // An upstream that breaks mid-answer: cut the client connection so it sees a truncated answer.
      body.on('error', () => res.destroy());
      body.pipe(res);
    })
    .catch((err) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const body = JSON.stringify({ error: { message: `passthrough: ${err.message}`, type: 'upstream_error', code: '502' } });
      res.writeHead(502, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
});
server.headersTimeout = 65_000;
server.requestTimeout = 0;
server.listen(port, host, () => {
  process.stdout.write(`passthrough ready ${server.address().port}\n`);
});

const stop = () => {
  server.close();
  void pool.close();
  setTimeout(() => process.exit(0), 200).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
