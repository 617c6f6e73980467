// Local fake providers for `rmctl doctor`, each speaking one wire format on 127.0.0.1 and able to fail the
// way real ones do: a refused key (echoing it back, as some providers do), a missing model, a paginated
// list, a TLS certificate nobody trusts, a port that refuses, a server that never answers, and a DNS
// server that knows one name.
import { execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { chatCompletion, onCleanup, sendJson, startUpstream, type FakeUpstream, type SeenRequest } from '../../proxy/helpers.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const bearer = (seen: SeenRequest): string => String(seen.headers.authorization ?? '').replace(/^Bearer /, '');

/** OpenAI-compatible: GET /v1/models (Bearer key), POST /v1/chat/completions answering `chatStatus`. */
export function openAIProvider(key: string, models: string[], chatStatus = 200): Promise<FakeUpstream> {
  return startUpstream((_req, res, seen) => {
    if (bearer(seen) !== key) return sendJson(res, 401, { error: { message: `Incorrect API key provided: ${bearer(seen)}`, type: 'invalid_request_error', code: 'invalid_api_key' } });
    if (seen.method === 'GET' && seen.url === '/v1/models') return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1, owned_by: 'test' })) });
    if (seen.url === '/v1/chat/completions' && chatStatus === 200) return sendJson(res, 200, chatCompletion(String(seen.json?.model), 'OK'));
    if (seen.url === '/v1/chat/completions') return sendJson(res, chatStatus, { error: { message: 'the model crashed', type: 'server_error', code: null } });
    sendJson(res, 404, { error: { message: 'not found', type: 'invalid_request_error', code: null } });
  });
}

/** Ollama: GET /api/tags, POST /api/chat. */
export function ollamaProvider(models: string[]): Promise<FakeUpstream> {
  return startUpstream((_req, res, seen) => {
    if (seen.method === 'GET' && seen.url === '/api/tags') return sendJson(res, 200, { models: models.map((name) => ({ name, model: name, modified_at: '2025-10-03T23:34:03Z', size: 1, digest: 'd', details: { format: 'gguf' } })) });
    if (seen.url === '/api/chat') return sendJson(res, 200, { model: seen.json?.model, created_at: '2025-10-03T23:34:03Z', message: { role: 'assistant', content: 'OK' }, done: true, done_reason: 'stop', prompt_eval_count: 3, eval_count: 1 });
    sendJson(res, 404, { error: 'not found' });
  });
}

/** Gemini: GET /v1beta/models (x-goog-api-key, paginated by pageToken), POST /v1beta/models/<id>:generateContent. */
export function geminiProvider(key: string, pages: string[][]): Promise<FakeUpstream> {
  return startUpstream((_req, res, seen) => {
    if (seen.headers['x-goog-api-key'] !== key) {
      return sendJson(res, 400, { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }] } });
    }
    const url = new URL(seen.url, 'http://x');
    if (seen.method === 'GET' && url.pathname === '/v1beta/models') {
      const page = Number(url.searchParams.get('pageToken') ?? '0');
      const ids = pages[page];
      if (ids === undefined) return sendJson(res, 400, { error: { code: 400, message: `Invalid page token ${page}`, status: 'INVALID_ARGUMENT' } });
      const next = page + 1 < pages.length ? { nextPageToken: String(page + 1) } : {};
      return sendJson(res, 200, { models: ids.map((id) => ({ name: `models/${id}`, displayName: id })), ...next });
    }
    if (url.pathname.endsWith(':generateContent')) return sendJson(res, 200, { candidates: [{ content: { role: 'model', parts: [{ text: 'OK' }] }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 1, totalTokenCount: 4 } });
    sendJson(res, 404, { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } });
  });
}

/** Anthropic: GET /v1/models (x-api-key + anthropic-version, paginated by after_id), POST /v1/messages. */
export function anthropicProvider(key: string, pages: string[][]): Promise<FakeUpstream> {
  return startUpstream((_req, res, seen) => {
    if (seen.headers['x-api-key'] !== key || !seen.headers['anthropic-version']) {
      return sendJson(res, 401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    }
    const url = new URL(seen.url, 'http://x');
    if (seen.method === 'GET' && url.pathname === '/v1/models') {
      const after = url.searchParams.get('after_id');
      const page = after === null ? 0 : pages.findIndex((p) => p[p.length - 1] === after) + 1;
      const ids = pages[page] ?? [];
      const data = ids.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-09-29T00:00:00Z' }));
      return sendJson(res, 200, { data, has_more: page + 1 < pages.length, first_id: ids[0] ?? null, last_id: ids.at(-1) ?? null });
    }
    if (url.pathname === '/v1/messages') {
      return sendJson(res, 200, { id: 'msg_1', type: 'message', role: 'assistant', model: seen.json?.model, content: [{ type: 'text', text: 'OK' }], stop_reason: 'max_tokens', usage: { input_tokens: 3, output_tokens: 1 } });
    }
    sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: 'not found' } });
  });
}

/** A self-signed certificate for 127.0.0.1 (openssl), and an HTTPS OpenAI-compatible provider using it. */
export async function httpsProvider(key: string, models: string[]): Promise<{ url: string; certFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rm-doctor-tls-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const server = createHttpsServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    if (req.headers.authorization !== `Bearer ${key}`) return sendJson(res, 401, { error: { message: 'bad key', type: 'invalid_request_error', code: null } });
    sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1, owned_by: 'test' })) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, certFile };
}

/** A port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Accepts connections and never answers. */
export async function silentServer(): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createNetServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  onCleanup(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return (server.address() as AddressInfo).port;
}

/** A UDP DNS server on 127.0.0.1 answering A 127.0.0.1 for `known`, NXDOMAIN for every other name. */
export async function fakeDns(known: string): Promise<string> {
  const socket = createSocket('udp4');
  socket.on('message', (msg, from) => {
    let at = 12;
    const labels: string[] = [];
    // Length-prefixed labels up to the zero length; a message cut short ends the name where it stops.
    for (let length = msg[at]; length !== undefined && length !== 0; length = msg[at]) {
      labels.push(msg.toString('ascii', at + 1, at + 1 + length));
      at += length + 1;
    }
    const questionEnd = at + 5;
    const qtype = msg.readUInt16BE(at + 1);
    const name = labels.join('.').toLowerCase();
    const found = name === known;
    const answer = found && qtype === 1 ? Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]) : Buffer.alloc(0);
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2);
    header.writeUInt16BE(0x8180 | (found ? 0 : 3), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answer.length > 0 ? 1 : 0, 6);
    socket.send(Buffer.concat([header, msg.subarray(12, questionEnd), answer]), from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  onCleanup(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return `127.0.0.1:${socket.address().port}`;
}
