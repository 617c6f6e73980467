// Real sockets only: fake upstreams are node:http servers on 127.0.0.1, the proxy runs in-process on port 0.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import OpenAI from 'openai';
import { ProxyServer } from '../../src/proxy/server.js';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown> | undefined;
}

export type UpstreamHandler = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => void;

export interface FakeUpstream {
  url: string;
  base: string;
  seen: SeenRequest[];
  /** Requests whose client side closed before the answer was finished (aborted by the proxy). */
  aborted: number;
  /** Resolves once `count` requests have arrived (at once when they already have). */
  untilSeen(count: number): Promise<void>;
  /** Resolves once `count` requests were aborted (at once when they already were). */
  untilAborted(count: number): Promise<void>;
  setHandler(h: UpstreamHandler): void;
  close(): Promise<void>;
}

const cleanups: Array<() => Promise<void> | void> = [];

export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export async function cleanupAll(): Promise<void> {
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    await fn();
  }
}

export async function startUpstream(handler: UpstreamHandler): Promise<FakeUpstream> {
  let current = handler;
  const sockets = new Set<import('node:net').Socket>();
  // Waiters for a count to be reached, woken (and re-checked) after every request and every abort.
  let waiters: Array<() => void> = [];
  const wake = (): void => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };
  const until = async (reached: () => boolean): Promise<void> => {
    while (!reached()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const up: FakeUpstream = {
    url: '',
    base: '',
    seen: [],
    aborted: 0,
    untilSeen: (count) => until(() => up.seen.length >= count),
    untilAborted: (count) => until(() => up.aborted >= count),
    setHandler(h) {
      current = h;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, json };
      up.seen.push(seen);
      res.on('close', () => {
        if (res.writableFinished) return;
        up.aborted++;
        wake();
      });
      current(req, res, seen);
      wake();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  up.url = `http://127.0.0.1:${port}`;
  up.base = `${up.url}/v1`;
  onCleanup(() => up.close());
  return up;
}

export function chatCompletion(model: string, content: string, usage = { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 }): Record<string, unknown> {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1700000000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage,
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** Answers every chat request with a completion naming `tag`, echoing the model it was asked for. */
export function answers(tag: string): UpstreamHandler {
  return (_req, res, seen) => {
    if (seen.url.endsWith('/embeddings')) {
      sendJson(res, 200, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }], model: seen.json?.model, usage: { prompt_tokens: 2, total_tokens: 2 } });
      return;
    }
    if (seen.url.endsWith('/completions') && !seen.url.endsWith('/chat/completions')) {
      sendJson(res, 200, { id: 'cmpl', object: 'text_completion', created: 1, model: seen.json?.model, choices: [{ index: 0, text: tag, finish_reason: 'stop' }] });
      return;
    }
    if (seen.json?.stream === true) {
      streamChunks(res, String(seen.json.model), [tag.slice(0, 1), tag.slice(1)], { done: true });
      return;
    }
    sendJson(res, 200, chatCompletion(String(seen.json?.model), tag));
  };
}

export function chunk(model: string, content: string | undefined, finish: string | null = null): string {
  const delta = content === undefined ? {} : { content };
  return `data: ${JSON.stringify({ id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

/** Writes an SSE stream; `cutAfter` destroys the socket after that many content chunks. */
export function streamChunks(res: ServerResponse, model: string, parts: string[], opts: { done?: boolean; cutAfter?: number; usage?: boolean } = {}): void {
  if (!res.headersSent) res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let i = 0;
  const next = (): void => {
    if (opts.cutAfter !== undefined && i === opts.cutAfter) {
      res.socket?.destroy();
      return;
    }
    if (i < parts.length) {
      res.write(chunk(model, parts[i]));
      i++;
      setImmediate(next);
      return;
    }
    res.write(chunk(model, undefined, 'stop'));
    if (opts.usage) res.write(`data: ${JSON.stringify({ id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1, model, choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } })}\n\n`);
    if (opts.done !== false) res.write('data: [DONE]\n\n');
    res.end();
  };
  next();
}

export function writeTempFile(text: string, name = 'litellm.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'rm-proxy-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export interface LogCapture {
  lines: string[];
  records(): Array<Record<string, unknown>>;
  /** Resolves once `count` records match (request lines are written after the response is sent). */
  waitFor(match: (l: Record<string, unknown>) => boolean, count?: number): Promise<Array<Record<string, unknown>>>;
}

export function captureLogger(): { logger: pino.Logger; logs: LogCapture } {
  const lines: string[] = [];
  const written: Array<() => void> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(l);
      written.splice(0).forEach((wake) => wake());
      cb();
    },
  });
  const logger = pino({ level: 'debug' }, stream);
  const records = (): Array<Record<string, unknown>> => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const waitFor = async (match: (l: Record<string, unknown>) => boolean, count = 1): Promise<Array<Record<string, unknown>>> => {
    for (;;) {
      const found = records().filter(match);
      if (found.length >= count) return found;
      await new Promise<void>((wake) => written.push(wake));
    }
  };
  return { logger, logs: { lines, records, waitFor } };
}

export interface RunningProxy {
  url: string;
  server: ProxyServer;
  logs: LogCapture;
  configPath: string;
  client(apiKey?: string, extra?: { headers?: Record<string, string> }): OpenAI;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
}

export async function startProxy(configYaml: string, opts: { env?: NodeJS.ProcessEnv; key?: string } = {}): Promise<RunningProxy> {
  const configPath = writeTempFile(configYaml);
  const { logger, logs } = captureLogger();
  const server = await ProxyServer.create({ configPath, logger, env: opts.env ?? process.env, drainTimeoutMs: 5000 });
  const { url } = await server.listen(0, '127.0.0.1');
  onCleanup(() => server.shutdown());
  const auth = (headers?: Record<string, string>): Record<string, string> => ({
    ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}),
    ...headers,
  });
  return {
    url,
    server,
    logs,
    configPath,
    client(apiKey = opts.key ?? 'none', extra) {
      return new OpenAI({ apiKey, baseURL: `${url}/v1`, maxRetries: 0, defaultHeaders: extra?.headers });
    },
    post(path, body, headers) {
      return fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...auth(headers) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    },
    get(path, headers) {
      return fetch(url + path, { headers: auth(headers) });
    },
  };
}

export const chatBody = (model: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  model,
  messages: [{ role: 'user', content: 'hi' }],
  ...extra,
});
