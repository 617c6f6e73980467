// Fake Anthropic, Gemini, Ollama and OpenAI-compatible servers on 127.0.0.1 that speak each wire format,
// including the streaming framing (Anthropic SSE with event names, Gemini SSE with CRLF, Ollama NDJSON,
// OpenAI `data:` chunks and [DONE]) and error bodies. The model name in the request picks the scenario, so
// one server serves every test of a file. The `*loop*` models call tools, and answer with text once the last
// turn carries tool results (the second step of a tool-use loop).
// Streams are written in small uneven pieces so the proxy sees frames split across TCP reads.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { at } from '../../support/must.js';

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
    const piece = text.slice(i, i + at(sizes, k % sizes.length));
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

/** The last message of a chat-like list, whatever the format calls it. */
function lastOf(list: unknown): Obj | undefined {
  return Array.isArray(list) && list.length > 0 ? (list[list.length - 1] as Obj) : undefined;
}

/** Anthropic: a `*loop*` model whose last user turn carries tool_result blocks. */
function anthropicToolResults(body: Obj): boolean {
  const last = lastOf(body.messages);
  return String(body.model).includes('loop') && Array.isArray(last?.content) && (last.content as Obj[]).some((b) => b.type === 'tool_result');
}

const AFTER_TOOLS = 'Paris is sunny, 18 degrees.';
const ANTHROPIC_VERSIONS = ['2023-06-01', '2026-10-21'];

export function startAnthropic(): Promise<FakeUpstream> {
  return start(async (req, res) => {
    if (req.method === 'POST' && req.url === '/v1/messages/count_tokens') {
      if (!ANTHROPIC_VERSIONS.includes(String(req.headers['anthropic-version']))) return json(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version header is required' } });
      if (req.headers['x-api-key'] !== 'sk-ant-good') return json(res, 401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
      if (req.body.max_tokens !== undefined) return json(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Extra inputs are not permitted' } });
      return json(res, 200, { input_tokens: 42 });
    }
    if (req.method !== 'POST' || req.url !== '/v1/messages') return json(res, 404, { type: 'error', error: { type: 'not_found_error', message: `no route ${req.url}` } });
    // 2023-06-01 (what the chat adapter sends) and 2026-10-21 (what @anthropic-ai/sdk 1.x sends, passed on natively).
    const version = String(req.headers['anthropic-version']);
    if (!ANTHROPIC_VERSIONS.includes(version)) return json(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version header is required' } });
    if (version === '2026-10-21' && (req.body.temperature !== undefined || req.body.top_p !== undefined || req.body.top_k !== undefined)) {
      return json(res, 400, { type: 'error', error: { type: 'invalid_request_error', message: 'temperature: not supported in API version 2026-10-21' } });
    }
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
    const tools = (model === 'claude-tools' || model.includes('loop')) && !anthropicToolResults(req.body);
    if (anthropicToolResults(req.body) && req.body.stream !== true) {
      return json(res, 200, { id: 'msg_fake_2', type: 'message', role: 'assistant', model, content: [{ type: 'text', text: AFTER_TOOLS }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 60, output_tokens: 9 } });
    }
    const blocks: Obj[] = anthropicToolResults(req.body)
      ? [{ type: 'text', pieces: ['Paris is sunny, ', '18 degrees.'] }]
      : tools
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
    const [, model = '', method = '', sse] = m;
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
      return json(res, 200, { embedding: { values: [at(content.parts, 0).text.length, 0.5, -0.25] } });
    }
    if (method === 'batchEmbedContents') {
      const requests = req.body.requests as Array<{ content: { parts: Array<{ text: string }> } }>;
      return json(res, 200, { embeddings: requests.map((r) => ({ values: [at(r.content.parts, 0).text.length, 0.5, -0.25] })) });
    }
    const usageMetadata = { promptTokenCount: 9, candidatesTokenCount: 6, totalTokenCount: 15 };
    const contents = req.body.contents as Obj[] | undefined;
    const lastParts = (lastOf(contents)?.parts as Obj[] | undefined) ?? [];
    const toolResults = model.includes('loop') && lastParts.some((p) => p.functionResponse !== undefined);
    if (toolResults) {
      const answer = { candidates: [{ content: { role: 'model', parts: [{ text: AFTER_TOOLS }] }, finishReason: 'STOP', index: 0 }], usageMetadata, responseId: 'gem-5' };
      if (method === 'generateContent') return json(res, 200, answer);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      await writeInPieces(res, geminiEvent(answer));
      res.end();
      return;
    }
    const tools = model === 'gemini-tools' || model.includes('loop');
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
    const toolResults = model.includes('loop') && lastOf(req.body.messages)?.role === 'tool';
    const tools = (model === 'tools:latest' || model.includes('loop')) && !toolResults;
    const pieces = toolResults ? ['Paris is sunny, ', '18 degrees.'] : ['The sky', ' is blue', ' — ☀ bright', '.'];
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

// ---------------------------------------------------------------------------------------------------------
// OpenAI-compatible (chat completions)

const oaiChunk = (model: string, delta: Obj, finish: string | null = null): Obj => ({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta, finish_reason: finish }] });
const oaiUsage = { prompt_tokens: 21, completion_tokens: 8, total_tokens: 29 };

export function startOpenAICompatible(): Promise<FakeUpstream> {
  return start(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return json(res, 404, { error: { message: `no route ${req.url}`, type: 'invalid_request_error', code: null } });
    if (req.headers.authorization !== 'Bearer sk-oai-good') return json(res, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
    const model = String(req.body.model);
    if (!Array.isArray(req.body.messages)) return json(res, 400, { error: { message: "'messages' is a required property", type: 'invalid_request_error', code: null } });
    if (model === 'gpt-busy') return json(res, 503, { error: { message: 'The server is overloaded', type: 'server_error', code: null } });
    const toolResults = model.includes('loop') && lastOf(req.body.messages)?.role === 'tool';
    const tools = (model === 'gpt-tools' || model.includes('loop')) && !toolResults;
    const text = toolResults ? AFTER_TOOLS : 'Hello from the OpenAI-compatible upstream.';
    const calls = [
      { id: 'call_A', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } },
      { id: 'call_B', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Rome"}' } },
    ];
    if (req.body.stream !== true) {
      const message = tools ? { role: 'assistant', content: null, tool_calls: calls } : { role: 'assistant', content: text };
      return json(res, 200, { id: 'chatcmpl-fake', object: 'chat.completion', created: 1, model, choices: [{ index: 0, message, finish_reason: tools ? 'tool_calls' : 'stop' }], usage: oaiUsage });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunks: Obj[] = [oaiChunk(model, { role: 'assistant', content: '' })];
    if (tools) {
      calls.forEach((c, index) => {
        chunks.push(oaiChunk(model, { tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.function.name, arguments: '' } }] }));
        const args = c.function.arguments;
        chunks.push(oaiChunk(model, { tool_calls: [{ index, function: { arguments: args.slice(0, 9) } }] }));
        chunks.push(oaiChunk(model, { tool_calls: [{ index, function: { arguments: args.slice(9) } }] }));
      });
    } else {
      for (const piece of text.match(/.{1,7}/g) ?? []) chunks.push(oaiChunk(model, { content: piece }));
    }
    let out = chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('');
    if (model === 'gpt-midstream-cut') {
      await writeInPieces(res, out);
      res.socket?.destroy();
      return;
    }
    out += `data: ${JSON.stringify(oaiChunk(model, {}, tools ? 'tool_calls' : 'stop'))}\n\n`;
    const usage = req.body.stream_options as Obj | undefined;
    if (usage?.include_usage === true) out += `data: ${JSON.stringify({ ...oaiChunk(model, {}), choices: [], usage: oaiUsage })}\n\n`;
    await writeInPieces(res, out + 'data: [DONE]\n\n');
    res.end();
  });
}
