// Fake Anthropic, Gemini and Ollama servers on 127.0.0.1 that speak each native wire format, including the
// streaming framing (Anthropic SSE with event names, Gemini SSE with CRLF, Ollama NDJSON) and error bodies.
// The model name in the request picks the scenario, so one server serves every test of a file.
// Streams are written in small uneven pieces so the proxy sees frames split across TCP reads.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, unknown>;

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Obj;
}

export interface FakeUpstream {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

type Handler = (req: Recorded, res: ServerResponse) => Promise<void> | void;

async function readBody(req: IncomingMessage): Promise<Obj> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Obj);
}

async function start(handler: Handler): Promise<FakeUpstream> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then(async (body) => {
        const rec: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
        requests.push(rec);
        await handler(rec, res);
      })
      .catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake upstream failed: ${String(err)}`);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `text` in uneven pieces (cutting through lines, events and multi-byte characters' neighbours). */
async function writeInPieces(res: ServerResponse, text: string): Promise<void> {
  const sizes = [7, 1, 13, 3, 29, 2];
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const piece = text.slice(i, i + sizes[k % sizes.length]);
    i += piece.length;
    k++;
    res.write(piece);
    // Give the socket a turn so pieces really travel as separate reads now and then.
    if (k % 5 === 0) await new Promise((r) => setImmediate(r));
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

// ---------------------------------------------------------------------------------------------------------
// Anthropic

const anthropicEvent = (data: Obj) => `event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`;

function anthropicStream(model: string, blocks: Obj[], stopReason: string, tail?: string): string {
  let out = anthropicEvent({
    type: 'message_start',
    message: { id: 'msg_fake_1', type: 'message', role: 'assistant', content: [], model, stop_reason: null, stop_sequence: null, usage: { input_tokens: 25, output_tokens: 1 } },
  });
  out += anthropicEvent({ type: 'ping' });
  blocks.forEach((b, index) => {
    if (b.type === 'text') {
      out += anthropicEvent({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      for (const t of b.pieces as string[]) out += anthropicEvent({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: t } });
    } else {
      out += anthropicEvent({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: b.id, name: b.name, input: {} } });
      out += anthropicEvent({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '' } });
      for (const t of b.pieces as string[]) out += anthropicEvent({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: t } });
    }
    out += anthropicEvent({ type: 'content_block_stop', index });
  });
  if (tail !== undefined) return out + tail;
  out += anthropicEvent({ type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 15 } });
  out += anthropicEvent({ type: 'message_stop' });
  return out;
}

export function startAnthropic(): Promise<FakeUpstream> {
  return start(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/messages') return json(res, 404, { type: 'error', error: { type: 'not_found_error', message: `no route ${req.url}` } });
    if (req.headers['anthropic-version'] !== '2023-06-01') return json(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version header is required' } });
    if (req.headers['x-api-key'] !== 'sk-ant-good') {
      return json(res, 401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' }, request_id: 'req_1' });
    }
    const model = String(req.body.model);
    if (typeof req.body.max_tokens !== 'number') return json(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } });
    if (model === 'claude-overloaded') return json(res, 529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_2' });
    if (model === 'claude-ratelimited') {
      res.setHeader('retry-after', '7');
      return json(res, 429, { type: 'error', error: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit' } });
    }
    if (model === 'claude-bad') return json(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'messages: roles must alternate' } });
    const tools = model === 'claude-tools';
    const blocks: Obj[] = tools
      ? [
          { type: 'text', pieces: ['Checking ', 'both.'] },
          { type: 'tool_use', id: 'toolu_A', name: 'get_weather', pieces: ['{"loca', 'tion": "San Fra', 'ncisco, CA"}'] },
          { type: 'tool_use', id: 'toolu_B', name: 'get_weather', pieces: ['{"location"', ': "Paris"}'] },
        ]
      : [{ type: 'text', pieces: ['Hello', ' from ', 'Claude — ¡olé!'] }];
    if (req.body.stream !== true) {
      const content = tools
        ? [
            { type: 'text', text: 'Checking both.' },
            { type: 'tool_use', id: 'toolu_A', name: 'get_weather', input: { location: 'San Francisco, CA' } },
            { type: 'tool_use', id: 'toolu_B', name: 'get_weather', input: { location: 'Paris' } },
          ]
        : [{ type: 'text', text: 'Hello from Claude — ¡olé!' }];
      return json(res, 200, {
        id: 'msg_fake_1',
        type: 'message',
        role: 'assistant',
        model,
        content,
        stop_reason: tools ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 25, output_tokens: 15 },
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const tail =
      model === 'claude-midstream-error' ? anthropicEvent({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }) : undefined;
    await writeInPieces(res, anthropicStream(model, blocks, tools ? 'tool_use' : 'end_turn', tail));
    res.end();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Gemini

const geminiEvent = (data: Obj) => `data: ${JSON.stringify(data)}\r\n\r\n`;

export function startGemini(): Promise<FakeUpstream> {
  return start(async (req, res) => {
    const m = /^\/v1beta\/models\/([^:]+):(generateContent|streamGenerateContent|embedContent|batchEmbedContents)(\?alt=sse)?$/.exec(req.url);
    if (req.method !== 'POST' || !m) return json(res, 404, { error: { code: 404, message: `no route ${req.url}`, status: 'NOT_FOUND' } });
    if (req.headers['x-goog-api-key'] !== 'AIza-good') {
      return json(res, 400, {
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          status: 'INVALID_ARGUMENT',
          details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }],
        },
      });
    }
    const [, model, method, sse] = m;
    if (model === 'gemini-exhausted') {
      return json(res, 429, {
        error: {
          code: 429,
          message: 'You exceeded your current quota.',
          status: 'RESOURCE_EXHAUSTED',
          details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' }],
        },
      });
    }
    if (method === 'embedContent') {
      const content = req.body.content as { parts: Array<{ text: string }> };
      return json(res, 200, { embedding: { values: [content.parts[0].text.length, 0.5, -0.25] } });
    }
    if (method === 'batchEmbedContents') {
      const requests = req.body.requests as Array<{ content: { parts: Array<{ text: string }> } }>;
      return json(res, 200, { embeddings: requests.map((r) => ({ values: [r.content.parts[0].text.length, 0.5, -0.25] })) });
    }
    const usageMetadata = { promptTokenCount: 9, candidatesTokenCount: 6, totalTokenCount: 15 };
    const tools = model === 'gemini-tools';
    const blocked = model === 'gemini-blocked';
    if (method === 'generateContent') {
      if (blocked) return json(res, 200, { promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 } });
      const parts = tools
        ? [{ functionCall: { name: 'get_weather', args: { location: 'Paris' } }, thoughtSignature: 'c2lnbmF0dXJl' }]
        : [{ text: 'Bonjour from Gemini.' }];
      return json(res, 200, { candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }], usageMetadata, responseId: 'gem-1' });
    }
    if (sse !== '?alt=sse') return json(res, 400, { error: { code: 400, message: 'this fake only streams SSE', status: 'INVALID_ARGUMENT' } });
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let text = '';
    if (blocked) {
      text += geminiEvent({ candidates: [{ content: { role: 'model', parts: [{ text: 'Step one is' }] } }], responseId: 'gem-2' });
      text += geminiEvent({
        candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'SAFETY', safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }] }],
        usageMetadata,
        responseId: 'gem-2',
      });
    } else if (tools) {
      text += geminiEvent({
        candidates: [
          {
            content: {
              role: 'model',
              parts: [
                { functionCall: { name: 'get_weather', args: { location: 'Paris' } } },
                { functionCall: { name: 'get_time', args: { tz: 'CET' } } },
              ],
            },
            finishReason: 'STOP',
          },
        ],
        usageMetadata,
        responseId: 'gem-3',
      });
    } else {
      for (const t of ['Bonjour', ' from ', 'Gemini — ça marche']) {
        text += geminiEvent({ candidates: [{ content: { role: 'model', parts: [{ text: t }] } }], responseId: 'gem-4' });
      }
      text += geminiEvent({ candidates: [{ content: { role: 'model', parts: [{ text: '.' }] }, finishReason: 'STOP' }], usageMetadata, responseId: 'gem-4' });
    }
    await writeInPieces(res, text);
    res.end();
  });
}

// ---------------------------------------------------------------------------------------------------------
// Ollama

export function startOllama(): Promise<FakeUpstream> {
  return start(async (req, res) => {
    const model = String(req.body.model);
    if (model === 'missing:latest') return json(res, 404, { error: `model "${model}" not found, try pulling it first` });
    if (model === 'oom:latest') return json(res, 500, { error: 'model requires more system memory (12.0 GiB) than is available (3.1 GiB)' });
    if (req.url === '/api/embed') {
      const input = req.body.input;
      const texts = typeof input === 'string' ? [input] : (input as string[]);
      return json(res, 200, { model, embeddings: texts.map((t) => [t.length, 0.1, -0.1]), total_duration: 1000, load_duration: 10, prompt_eval_count: 4 * texts.length });
    }
    if (req.url !== '/api/chat' && req.url !== '/api/generate') return json(res, 404, { error: '404 page not found' });
    const isChat = req.url === '/api/chat';
    const tools = model === 'tools:latest';
    const pieces = ['The sky', ' is blue', ' — ☀ bright', '.'];
    const final = { model, created_at: '2024-07-22T20:33:28.123648Z', done: true, done_reason: 'stop', total_duration: 885095291, prompt_eval_count: 26, eval_count: 12 };
    const toolCalls = [
      { function: { name: 'get_current_weather', arguments: { location: 'Paris, FR', format: 'celsius' } } },
      { function: { name: 'get_current_weather', arguments: { location: 'Rome, IT', format: 'celsius' } } },
    ];
    if (req.body.stream === false) {
      if (isChat) {
        const message = tools ? { role: 'assistant', content: '', tool_calls: toolCalls } : { role: 'assistant', content: pieces.join('') };
        return json(res, 200, { ...final, message });
      }
      return json(res, 200, { ...final, response: pieces.join(''), context: [1, 2, 3] });
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const lines: Obj[] = [];
    if (tools) lines.push({ model, created_at: 'x', message: { role: 'assistant', content: '', tool_calls: toolCalls }, done: false });
    else for (const p of pieces) lines.push(isChat ? { model, created_at: 'x', message: { role: 'assistant', content: p }, done: false } : { model, created_at: 'x', response: p, done: false });
    if (model === 'crash:latest') {
      lines.push({ error: 'an error was encountered while running the model: unexpected EOF' });
    } else {
      lines.push(isChat ? { ...final, message: { role: 'assistant', content: '' } } : { ...final, response: '' });
    }
    await writeInPieces(res, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    res.end();
  });
}
