// Ollama adapter on request/response pairs written from Ollama's API documentation (/api/chat,
// /api/generate, /api/embed, NDJSON streaming).
import { describe, expect, it } from 'vitest';
import { ollamaAdapter } from '../../../src/proxy/providers/ollama/index.js';
import type { AdapterDeployment, RequestContext } from '../../../src/proxy/providers/types.js';
import { cut, expectWellFormed, fold, run, scatter } from './stream-helpers.js';
import { at } from '../../support/must.js';

const chatDep: AdapterDeployment = {
  prefix: 'ollama_chat',
  upstreamModel: 'qwen2.5:14b',
  apiBase: 'http://127.0.0.1:11434',
  params: { model: 'ollama_chat/qwen2.5:14b', keep_alive: '10m', num_ctx: 8192 },
};
const genDep: AdapterDeployment = { ...chatDep, prefix: 'ollama', params: { model: 'ollama/qwen2.5:14b' } };
const chat: RequestContext = { endpoint: 'chat', stream: false, requestModel: 'rainymodel/auto' };
const chatStream: RequestContext = { ...chat, stream: true };
const completion: RequestContext = { endpoint: 'completion', stream: false, requestModel: 'rainymodel/code' };
const embedding: RequestContext = { endpoint: 'embedding', stream: false, requestModel: 'rainymodel/embed' };

function built(body: Record<string, unknown>, ctx = chat, dep = chatDep) {
  const req = ollamaAdapter.buildRequest(ctx, dep, body);
  return { req, body: JSON.parse(String(req.body)) as Record<string, unknown> };
}

describe('ollama request', () => {
  it('ollama_chat/ posts to /api/chat with stream false, options and keep_alive from the deployment', () => {
    const { req, body } = built({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'why is the sky blue?' },
      ],
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 100,
      stop: ['\n\n'],
      seed: 42,
    });
    expect(req.url).toBe('http://127.0.0.1:11434/api/chat');
    expect(req.headers.authorization).toBeUndefined();
    expect(body).toEqual({
      model: 'qwen2.5:14b',
      stream: false,
      keep_alive: '10m',
      options: { num_ctx: 8192, temperature: 0.3, top_p: 0.9, seed: 42, num_predict: 100, stop: ['\n\n'] },
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'why is the sky blue?' },
      ],
    });
  });

  it('always says stream: true or false, since Ollama streams by default', () => {
    expect(built({ messages: [] }, chatStream).body.stream).toBe(true);
    expect(built({ messages: [] }, chat).body.stream).toBe(false);
  });

  it('drops a trailing /v1 from api_base (the native API is not under the OpenAI root)', () => {
    expect(built({ messages: [] }, chat, { ...chatDep, apiBase: 'http://gpu-box:11434/v1/' }).req.url).toBe('http://gpu-box:11434/api/chat');
    expect(built({ messages: [] }, chat, { ...chatDep, apiBase: '' }).req.url).toBe('http://localhost:11434/api/chat');
  });

  it('sends images as bare base64 and rejects URLs Ollama cannot fetch', () => {
    const { body } = built({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what is in this image?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==' } },
          ],
        },
      ],
    });
    expect(body.messages).toEqual([{ role: 'user', content: 'what is in this image?', images: ['iVBORw0KGgoAAAANSUhEUg=='] }]);
    expect(() => built({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }] })).toThrow(
      /messages\[0\]\.content\[0\].*base64/,
    );
  });

  it('passes tools, sends assistant tool calls with object arguments and tool results with tool_name', () => {
    const tools = [
      {
        type: 'function',
        function: {
          name: 'get_current_weather',
          description: 'Get the current weather for a location',
          parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
        },
      },
    ];
    const { body } = built({
      messages: [
        { role: 'user', content: 'What is the weather today in Paris?' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'get_current_weather', arguments: '{"location":"Paris, FR"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_9', content: '22 degrees' },
      ],
      tools,
    });
    expect(body.tools).toEqual(tools);
    expect(body.messages).toEqual([
      { role: 'user', content: 'What is the weather today in Paris?' },
      { role: 'assistant', content: '', tool_calls: [{ function: { name: 'get_current_weather', arguments: { location: 'Paris, FR' } } }] },
      { role: 'tool', content: '22 degrees', tool_name: 'get_current_weather' },
    ]);
    expect(built({ messages: [], tools, tool_choice: 'none' }).body.tools).toBeUndefined();
  });

  it('maps response_format to format and passes keep_alive from the request over the deployment', () => {
    expect(built({ messages: [], response_format: { type: 'json_object' }, keep_alive: 0 }).body).toMatchObject({ format: 'json', keep_alive: 0 });
    const schema = { type: 'object', properties: { age: { type: 'integer' } }, required: ['age'] };
    expect(built({ messages: [], response_format: { type: 'json_schema', json_schema: { name: 'x', schema } } }).body.format).toEqual(schema);
  });

  it('ollama/ posts to /api/generate with prompt and system', () => {
    const { req, body } = built({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Why is the sky blue?' }], max_tokens: 5 }, chat, genDep);
    expect(req.url).toBe('http://127.0.0.1:11434/api/generate');
    expect(body).toEqual({ model: 'qwen2.5:14b', stream: false, options: { num_predict: 5 }, prompt: 'Why is the sky blue?', system: 'Be brief.' });
  });

  it('ollama/ renders a conversation as a transcript and refuses tools', () => {
    const { body } = built(
      {
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!' },
          { role: 'user', content: 'Name a color.' },
        ],
      },
      chat,
      genDep,
    );
    expect(body.prompt).toBe('User: Hi\n\nAssistant: Hello!\n\nUser: Name a color.\n\nAssistant:');
    expect(() => built({ messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'function', function: { name: 'f' } }] }, chat, genDep)).toThrow(/ollama_chat/);
  });

  it('/v1/completions goes to /api/generate with suffix, or to /api/chat for ollama_chat/', () => {
    const gen = built({ prompt: 'def compute_gcd(a, b):', suffix: '    return result', temperature: 0 }, completion, genDep);
    expect(gen.req.url).toBe('http://127.0.0.1:11434/api/generate');
    expect(gen.body).toEqual({ model: 'qwen2.5:14b', stream: false, options: { temperature: 0 }, prompt: 'def compute_gcd(a, b):', suffix: '    return result' });
    const viaChat = built({ prompt: ['Say hi'] }, completion, chatDep);
    expect(viaChat.req.url).toBe('http://127.0.0.1:11434/api/chat');
    expect(viaChat.body.messages).toEqual([{ role: 'user', content: 'Say hi' }]);
  });

  it('embeddings go to /api/embed with input and keep_alive', () => {
    const { req, body } = built({ input: ['Why is the sky blue?', 'Why is the grass green?'], dimensions: 4 }, embedding);
    expect(req.url).toBe('http://127.0.0.1:11434/api/embed');
    expect(body).toEqual({
      model: 'qwen2.5:14b',
      input: ['Why is the sky blue?', 'Why is the grass green?'],
      keep_alive: '10m',
      options: { num_ctx: 8192 },
      dimensions: 4,
    });
    expect(() => built({ input: [[1, 2]] }, embedding)).toThrow(/token arrays/);
  });

  it('sends a Bearer key when one is configured (for a reverse proxy in front of Ollama)', () => {
    expect(built({ messages: [] }, chat, { ...chatDep, apiKey: 'k1' }).req.headers.authorization).toBe('Bearer k1');
  });
});

describe('ollama response', () => {
  it('translates a chat answer with usage from prompt_eval_count/eval_count', () => {
    const out = ollamaAdapter.translateResponse(chat, chatDep, {
      model: 'qwen2.5:14b',
      created_at: '2023-12-12T14:13:43.416799Z',
      message: { role: 'assistant', content: 'Hello! How are you today?' },
      done_reason: 'stop',
      done: true,
      total_duration: 5191566416,
      prompt_eval_count: 26,
      eval_count: 298,
    });
    expect(out).toMatchObject({
      object: 'chat.completion',
      model: 'rainymodel/auto',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello! How are you today?' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 26, completion_tokens: 298, total_tokens: 324 },
    });
  });

  it('translates tool calls (object arguments) with finish_reason tool_calls', () => {
    const out = ollamaAdapter.translateResponse(chat, chatDep, {
      model: 'llama3.2',
      message: {
        role: 'assistant',
        content: '',
        tool_calls: [{ function: { name: 'get_current_weather', arguments: { format: 'celsius', location: 'Paris, FR' } } }],
      },
      done_reason: 'stop',
      done: true,
      prompt_eval_count: 122,
      eval_count: 33,
    });
    const choice = at(out.choices as Array<Record<string, unknown>>, 0);
    expect(choice.finish_reason).toBe('tool_calls');
    const message = choice.message as { content: unknown; tool_calls: Array<{ id: string; type: string; function: { name: string; arguments: string } }> };
    expect(message.content).toBeNull();
    expect(message.tool_calls).toHaveLength(1);
    expect(message.tool_calls[0]).toMatchObject({ type: 'function', function: { name: 'get_current_weather' } });
    expect(JSON.parse(at(message.tool_calls, 0).function.arguments)).toEqual({ format: 'celsius', location: 'Paris, FR' });
    expect(at(message.tool_calls, 0).id).toMatch(/^call_/);
  });

  it('maps done_reason length to finish_reason length', () => {
    const out = ollamaAdapter.translateResponse(chat, chatDep, { message: { role: 'assistant', content: 'a' }, done: true, done_reason: 'length', eval_count: 1 });
    expect(at(out.choices as Array<Record<string, unknown>>, 0).finish_reason).toBe('length');
  });

  it('translates /api/generate into a text_completion for /v1/completions', () => {
    const out = ollamaAdapter.translateResponse(completion, genDep, {
      model: 'codellama:code',
      response: '\n  if a == 0:\n    return b\n',
      done: true,
      done_reason: 'stop',
      prompt_eval_count: 17,
      eval_count: 63,
    });
    expect(out).toMatchObject({
      object: 'text_completion',
      model: 'rainymodel/code',
      choices: [{ index: 0, text: '\n  if a == 0:\n    return b\n', finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 17, completion_tokens: 63, total_tokens: 80 },
    });
  });

  it('translates /api/generate into a chat completion for ollama/ chat', () => {
    const out = ollamaAdapter.translateResponse(chat, genDep, { response: 'Blue light scatters.', done: true, done_reason: 'stop', prompt_eval_count: 5, eval_count: 4 });
    expect(at(out.choices as Array<Record<string, unknown>>, 0).message).toEqual({ role: 'assistant', content: 'Blue light scatters.' });
  });

  it('translates /api/embed with usage from prompt_eval_count', () => {
    const out = ollamaAdapter.translateResponse(embedding, chatDep, {
      model: 'all-minilm',
      embeddings: [
        [0.010071029, -0.0017594862],
        [-0.0098027075, 0.06042469],
      ],
      total_duration: 14143917,
      prompt_eval_count: 8,
    });
    expect(out).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: [0.010071029, -0.0017594862] },
        { object: 'embedding', index: 1, embedding: [-0.0098027075, 0.06042469] },
      ],
      model: 'rainymodel/embed',
      usage: { prompt_tokens: 8, total_tokens: 8 },
    });
  });
});

const ndjson = (lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

describe('ollama embeddings as base64', () => {
  it('encodes vectors as little-endian float32 when encoding_format is base64', () => {
    const ctx = { ...embedding, rawBody: JSON.stringify({ model: 'e', input: ['a'], encoding_format: 'base64' }) };
    const out = ollamaAdapter.translateResponse(ctx, chatDep, { embeddings: [[0.25, 3]], prompt_eval_count: 1 });
    const buf = Buffer.from(at(out.data as Array<{ embedding: string }>, 0).embedding, 'base64');
    expect([buf.readFloatLE(0), buf.readFloatLE(4)]).toEqual([0.25, 3]);
  });
});

describe('ollama stream', () => {
  const CHAT_STREAM = ndjson([
    { model: 'llama3.2', created_at: '2023-08-04T08:52:19.385406455-07:00', message: { role: 'assistant', content: 'The', images: null }, done: false },
    { model: 'llama3.2', created_at: '2023-08-04T08:52:19.4Z', message: { role: 'assistant', content: ' sky — ' }, done: false },
    { model: 'llama3.2', created_at: '2023-08-04T08:52:19.5Z', message: { role: 'assistant', content: 'blue ☀' }, done: false },
    {
      model: 'llama3.2',
      created_at: '2023-08-04T19:22:45.499127Z',
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      total_duration: 4883583458,
      prompt_eval_count: 26,
      eval_count: 282,
    },
  ]);

  it('turns NDJSON into OpenAI chunks: role first, text, finish, usage, done', () => {
    const f = fold(run(ollamaAdapter.createStreamTranslator(chatStream, chatDep), [CHAT_STREAM]));
    expectWellFormed(f);
    expect(f.content).toBe('The sky — blue ☀');
    expect(f.finishReason).toBe('stop');
    expect(f.usage).toEqual({ prompt_tokens: 26, completion_tokens: 282, total_tokens: 308 });
  });

  it('gives the same answer however the bytes are cut', () => {
    for (const pieces of [cut(CHAT_STREAM, 1), cut(CHAT_STREAM, 6), scatter(CHAT_STREAM, 3)]) {
      const f = fold(run(ollamaAdapter.createStreamTranslator(chatStream, chatDep), pieces));
      expectWellFormed(f);
      expect(f.content).toBe('The sky — blue ☀');
    }
  });

  it('streams tool calls as indexed deltas: id and name first, then the arguments', () => {
    const text = ndjson([
      {
        model: 'qwen3',
        message: {
          role: 'assistant',
          content: '',
          tool_calls: [
            { function: { name: 'get_weather', arguments: { city: 'Paris' } } },
            { function: { name: 'get_weather', arguments: { city: 'Rome' } } },
          ],
        },
        done: false,
      },
      { model: 'qwen3', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', prompt_eval_count: 50, eval_count: 20 },
    ]);
    const f = fold(run(ollamaAdapter.createStreamTranslator(chatStream, chatDep), cut(text, 9)));
    expectWellFormed(f);
    expect(f.toolCalls.map((t) => [t.name, JSON.parse(t.arguments)])).toEqual([
      ['get_weather', { city: 'Paris' }],
      ['get_weather', { city: 'Rome' }],
    ]);
    expect(f.finishReason).toBe('tool_calls');
  });

  it('streams /api/generate as text_completion chunks for /v1/completions', () => {
    const text = ndjson([
      { model: 'llama3.2', response: 'The', done: false },
      { model: 'llama3.2', response: ' end', done: false },
      { model: 'llama3.2', response: '', done: true, done_reason: 'length', prompt_eval_count: 3, eval_count: 2 },
    ]);
    const events = run(ollamaAdapter.createStreamTranslator({ ...completion, stream: true }, genDep), [text]);
    const f = fold(events);
    expect(f.errors).toEqual([]);
    expect(f.content).toBe('The end');
    expect(f.finishReason).toBe('length');
    expect(f.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
    for (const c of f.chunks) expect(c.object).toBe('text_completion');
    expect(f.done).toBe(true);
  });

  it('reports an error line mid-stream as an error event', () => {
    const text = ndjson([{ model: 'llama3.2', message: { role: 'assistant', content: 'Par' }, done: false }, { error: 'an error was encountered while running the model: unexpected EOF' }]);
    const f = fold(run(ollamaAdapter.createStreamTranslator(chatStream, chatDep), cut(text, 11)));
    expect(f.content).toBe('Par');
    expect(f.done).toBe(false);
    expect(f.errors).toEqual([
      { status: 500, type: 'api_error', code: null, message: 'an error was encountered while running the model: unexpected EOF', retryable: true },
    ]);
  });

  it('sends nothing before the first content, so an error line before any text can still fall back', () => {
    const text = ndjson([{ model: 'm', message: { role: 'assistant', content: '' }, done: false }, { error: 'runner crashed' }]);
    expect(run(ollamaAdapter.createStreamTranslator(chatStream, chatDep), [text]).map((e) => e.kind)).toEqual(['error']);
  });

  it('reports a stream that ends before done: true as truncated', () => {
    const text = ndjson([{ model: 'llama3.2', message: { role: 'assistant', content: 'Par' }, done: false }]);
    const f = fold(run(ollamaAdapter.createStreamTranslator(chatStream, chatDep), [text.slice(0, -1)]));
    expect(f.errors[0]).toMatchObject({ status: 502, code: 'stream_truncated', retryable: true });
  });
});

describe('ollama errors', () => {
  it('maps Ollama {"error": "..."} bodies by status', () => {
    expect(ollamaAdapter.translateError(404, '{"error":"model \\"llama9\\" not found, try pulling it first"}')).toEqual({
      status: 404,
      type: 'not_found_error',
      code: null,
      message: 'model "llama9" not found, try pulling it first',
      retryable: false,
    });
    expect(ollamaAdapter.translateError(400, '{"error":"invalid options"}')).toMatchObject({ status: 400, type: 'invalid_request_error', retryable: false });
    expect(ollamaAdapter.translateError(500, '{"error":"model requires more system memory (10 GiB) than is available (4 GiB)"}')).toMatchObject({
      status: 500,
      type: 'api_error',
      retryable: true,
    });
    expect(ollamaAdapter.translateError(429, '{"error":"server busy"}')).toMatchObject({ status: 429, retryable: true });
    expect(ollamaAdapter.translateError(502, 'Bad Gateway')).toMatchObject({ status: 502, retryable: true, message: 'Bad Gateway' });
  });
});
