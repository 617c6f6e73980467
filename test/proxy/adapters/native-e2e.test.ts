// End to end: fake Anthropic / Gemini / Ollama servers speaking their native formats on 127.0.0.1, the real
// proxy in front of them, the openai SDK as the client (its stream helpers check chunk structure for us).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { cleanupAll, onCleanup, startProxy, type RunningProxy } from '../helpers.js';
import { startAnthropic, startGemini, startOllama, type FakeUpstream } from './fake-upstreams.js';
import { at } from '../../support/must.js';

let anthropic: FakeUpstream;
let gemini: FakeUpstream;
let ollama: FakeUpstream;
let proxy: RunningProxy;
let client: OpenAI;

const ant = (group: string, model: string, key = 'sk-ant-good', extra = '') =>
  `  - { model_name: ${group}, litellm_params: { model: anthropic/${model}, api_base: ${anthropic.url}, api_key: ${key}${extra} }, model_info: { provider: claude-direct, tier: internal } }`;
const gem = (group: string, model: string, key = 'AIza-good', extra = '') =>
  `  - { model_name: ${group}, litellm_params: { model: gemini/${model}, api_base: ${gemini.url}, api_key: ${key}${extra} }, model_info: { provider: google, tier: internal } }`;
const oll = (group: string, prefix: string, model: string, extra = '') =>
  `  - { model_name: ${group}, litellm_params: { model: ${prefix}/${model}, api_base: ${ollama.url}${extra} }, model_info: { provider: ollama_primary, tier: internal } }`;

beforeAll(async () => {
  anthropic = await startAnthropic();
  gemini = await startGemini();
  ollama = await startOllama();
  for (const up of [anthropic, gemini, ollama]) onCleanup(() => up.close());
  proxy = await startProxy(`
model_list:
${ant('claude', 'claude-test')}
${ant('claude-tools', 'claude-tools')}
${ant('claude-midstream', 'claude-midstream-error')}
${ant('claude-bad', 'claude-bad', 'sk-ant-good', ', order: 1')}
${oll('claude-bad', 'ollama_chat', 'never-used:latest', ', order: 2')}
${ant('claude-busy', 'claude-overloaded', 'sk-ant-good', ', order: 1')}
${oll('claude-busy', 'ollama_chat', 'qwen2.5:14b', ', order: 2')}
${ant('claude-badkey', 'claude-test', 'sk-ant-wrong')}
${gem('gem', 'gemini-2.5-flash')}
${gem('gem-tools', 'gemini-tools')}
${gem('gem-blocked', 'gemini-blocked')}
${gem('gem-embed', 'gemini-embedding-001')}
${gem('gem-quota', 'gemini-exhausted')}
${gem('gem-badkey', 'gemini-2.5-flash', 'AIza-wrong')}
${oll('local', 'ollama_chat', 'qwen2.5:14b', ", keep_alive: '30m', num_ctx: 8192")}
${oll('local-tools', 'ollama_chat', 'tools:latest')}
${oll('local-gen', 'ollama', 'codellama:7b')}
${oll('local-embed', 'ollama', 'all-minilm:latest')}
${oll('local-crash', 'ollama_chat', 'crash:latest')}
${oll('local-missing', 'ollama_chat', 'missing:latest', ', order: 1')}
${oll('local-missing', 'ollama_chat', 'qwen2.5:14b', ', order: 2')}
${oll('local-oom', 'ollama_chat', 'oom:latest', ', order: 1')}
${ant('local-oom', 'claude-test', 'sk-ant-good', ', order: 2')}
router_settings: { num_retries: 2, allowed_fails: 100 }
`);
  client = proxy.client();
});

afterAll(cleanupAll);

const user = (content: string): OpenAI.Chat.ChatCompletionMessageParam[] => [{ role: 'user', content }];
const weatherTool: OpenAI.Chat.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather for a place', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
};

/** Iterates a stream, returning the text and the error it ended with (if any). */
async function drain(stream: AsyncIterable<OpenAI.Chat.ChatCompletionChunk>): Promise<{ text: string; chunks: OpenAI.Chat.ChatCompletionChunk[]; error?: unknown }> {
  const chunks: OpenAI.Chat.ChatCompletionChunk[] = [];
  let text = '';
  try {
    for await (const c of stream) {
      chunks.push(c);
      text += c.choices[0]?.delta?.content ?? '';
    }
  } catch (error) {
    return { text, chunks, error };
  }
  return { text, chunks };
}

describe('anthropic/ through the proxy', () => {
  it('answers a chat request, sending Anthropic headers and a Messages body', async () => {
    const before = anthropic.requests.length;
    const { data, response } = await client.chat.completions
      .create({ model: 'claude', messages: [{ role: 'system', content: 'Be kind.' }, ...user('Hello')], max_tokens: 64 })
      .withResponse();
    expect(at(data.choices, 0).message.content).toBe('Hello from Claude — ¡olé!');
    expect(at(data.choices, 0).finish_reason).toBe('stop');
    expect(data.model).toBe('claude');
    expect(data.usage).toMatchObject({ prompt_tokens: 25, completion_tokens: 15, total_tokens: 40 });
    expect(response.headers.get('x-rainymodel-upstream')).toBe('claude-direct');
    expect(response.headers.get('x-rainymodel-model')).toBe('claude-test');
    const seen = at(anthropic.requests, before);
    expect(seen.url).toBe('/v1/messages');
    expect(seen.headers['x-api-key']).toBe('sk-ant-good');
    expect(seen.headers['anthropic-version']).toBe('2023-06-01');
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.body).toMatchObject({ model: 'claude-test', max_tokens: 64, system: [{ type: 'text', text: 'Be kind.' }] });
  });

  it('streams text with the role first and usage in a final chunk without choices', async () => {
    const stream = await client.chat.completions.create({ model: 'claude', messages: user('Hello'), stream: true, stream_options: { include_usage: true } });
    const { text, chunks, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(text).toBe('Hello from Claude — ¡olé!');
    expect(at(at(chunks, 0).choices, 0).delta.role).toBe('assistant');
    const last = at(chunks, -1);
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: 25, completion_tokens: 15 });
    expect(chunks.filter((c) => c.choices[0]?.finish_reason === 'stop')).toHaveLength(1);
  });

  it('streams parallel tool calls that the SDK assembles (input_json_delta split across events and reads)', async () => {
    const stream = client.chat.completions.stream({ model: 'claude-tools', messages: user('Weather in SF and Paris?'), tools: [weatherTool] });
    const final = await stream.finalChatCompletion();
    const message = at(final.choices, 0).message;
    expect(at(final.choices, 0).finish_reason).toBe('tool_calls');
    expect(message.content).toBe('Checking both.');
    expect(message.tool_calls?.map((t) => (t.type === 'function' ? [t.id, t.function.name, JSON.parse(t.function.arguments)] : []))).toEqual([
      ['toolu_A', 'get_weather', { location: 'San Francisco, CA' }],
      ['toolu_B', 'get_weather', { location: 'Paris' }],
    ]);
    const seen = at(anthropic.requests, -1);
    expect(seen.body.stream).toBe(true);
    expect(seen.body.tools).toEqual([{ name: 'get_weather', description: 'Weather for a place', input_schema: weatherTool.function.parameters }]);
  });

  it('sends tool results back as tool_result blocks and answers without streaming too', async () => {
    const res = await client.chat.completions.create({
      model: 'claude-tools',
      messages: [
        ...user('Weather in SF?'),
        { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_A', type: 'function', function: { name: 'get_weather', arguments: '{"location":"SF"}' } }] },
        { role: 'tool', tool_call_id: 'toolu_A', content: '18C, fog' },
      ],
      tools: [weatherTool],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(at(res.choices, 0).message.tool_calls).toHaveLength(2);
    const seen = at(anthropic.requests, -1);
    expect(seen.body.tool_choice).toEqual({ type: 'tool', name: 'get_weather' });
    expect(at(seen.body.messages as unknown[], 2)).toEqual({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_A', content: '18C, fog' }] });
  });

  it('ends with an error the SDK raises when Anthropic sends an error event mid-stream', async () => {
    const stream = await client.chat.completions.create({ model: 'claude-midstream', messages: user('Hello'), stream: true });
    const { text, error } = await drain(stream);
    expect(text).toBe('Hello from Claude — ¡olé!');
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toContain('Overloaded');
  });

  it('falls back to the next deployment on 529 overloaded_error', async () => {
    const { data, response } = await client.chat.completions.create({ model: 'claude-busy', messages: user('Hello') }).withResponse();
    expect(at(data.choices, 0).message.content).toBe('The sky is blue — ☀ bright.');
    expect(response.headers.get('x-rainymodel-fallback-reason')).toBe('529');
    expect(response.headers.get('x-rainymodel-upstream')).toBe('ollama_primary');
  });

  it('returns invalid_request_error 400 as is, without trying another deployment', async () => {
    const ollamaBefore = ollama.requests.length;
    const err = await client.chat.completions.create({ model: 'claude-bad', messages: user('Hello') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('roles must alternate');
    expect((err as InstanceType<typeof OpenAI.BadRequestError>).type).toBe('invalid_request_error');
    expect(ollama.requests.length).toBe(ollamaBefore);
  });

  it('reports a rejected key as an authentication failure of that upstream', async () => {
    const err = await client.chat.completions.create({ model: 'claude-badkey', messages: user('Hello') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect(String((err as Error).message)).toContain('invalid x-api-key');
  });
});

describe('gemini/ through the proxy', () => {
  it('answers a chat request via generateContent with the key in x-goog-api-key', async () => {
    const before = gemini.requests.length;
    const res = await client.chat.completions.create({ model: 'gem', messages: [{ role: 'system', content: 'Short.' }, ...user('Hi')], temperature: 0.1 });
    expect(at(res.choices, 0).message.content).toBe('Bonjour from Gemini.');
    expect(res.usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 });
    const seen = at(gemini.requests, before);
    expect(seen.url).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(seen.headers['x-goog-api-key']).toBe('AIza-good');
    expect(seen.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
      systemInstruction: { parts: [{ text: 'Short.' }] },
      generationConfig: { temperature: 0.1 },
    });
  });

  it('streams text from SSE (CRLF framing) with usage at the end', async () => {
    const stream = await client.chat.completions.create({ model: 'gem', messages: user('Hi'), stream: true, stream_options: { include_usage: true } });
    const { text, chunks, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(text).toBe('Bonjour from Gemini — ça marche.');
    expect(at(at(chunks, 0).choices, 0).delta.role).toBe('assistant');
    expect(at(chunks, -1).usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 6 });
    expect(at(gemini.requests, -1).url).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
  });

  it('streams function calls the SDK assembles into indexed tool calls', async () => {
    const final = await client.chat.completions.stream({ model: 'gem-tools', messages: user('Weather and time in Paris?'), tools: [weatherTool] }).finalChatCompletion();
    expect(at(final.choices, 0).finish_reason).toBe('tool_calls');
    expect(at(final.choices, 0).message.tool_calls?.map((t) => (t.type === 'function' ? [t.function.name, JSON.parse(t.function.arguments)] : []))).toEqual([
      ['get_weather', { location: 'Paris' }],
      ['get_time', { tz: 'CET' }],
    ]);
  });

  it('round-trips the thought signature of a function call through the tool call id', async () => {
    const first = await client.chat.completions.create({ model: 'gem-tools', messages: user('Weather in Paris?'), tools: [weatherTool] });
    const call = at(at(first.choices, 0).message.tool_calls, 0);
    await client.chat.completions.create({
      model: 'gem-tools',
      messages: [...user('Weather in Paris?'), at(first.choices, 0).message, { role: 'tool', tool_call_id: call.id, content: '{"temp":21}' }],
      tools: [weatherTool],
    });
    const contents = at(gemini.requests, -1).body.contents as Array<{ role: string; parts: Array<Record<string, unknown>> }>;
    expect(contents[1]).toEqual({ role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { location: 'Paris' } }, thoughtSignature: 'c2lnbmF0dXJl' }] });
    expect(contents[2]).toEqual({ role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { temp: 21 } } }] });
  });

  it('reports safety blocks as finish_reason content_filter (stream and prompt block)', async () => {
    const stream = await client.chat.completions.create({ model: 'gem-blocked', messages: user('How do I...'), stream: true });
    const { text, chunks, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(text).toBe('Step one is');
    expect(chunks.some((c) => c.choices[0]?.finish_reason === 'content_filter')).toBe(true);
    const blocked = await client.chat.completions.create({ model: 'gem-blocked', messages: user('How do I...') });
    expect(at(blocked.choices, 0).finish_reason).toBe('content_filter');
    expect(at(blocked.choices, 0).message.content).toBeNull();
  });

  it('embeds one text and a batch, decoded by the SDK from its default base64', async () => {
    const one = await client.embeddings.create({ model: 'gem-embed', input: 'hello' });
    expect(at(one.data, 0).embedding).toEqual([5, 0.5, -0.25]);
    expect(at(gemini.requests, -1).url).toBe('/v1beta/models/gemini-embedding-001:embedContent');
    const many = await client.embeddings.create({ model: 'gem-embed', input: ['a', 'abc'], encoding_format: 'float' });
    expect(many.data.map((d) => d.embedding)).toEqual([
      [1, 0.5, -0.25],
      [3, 0.5, -0.25],
    ]);
    expect(at(gemini.requests, -1).url).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
  });

  it('answers 429 when the quota is exhausted', async () => {
    const err = await client.chat.completions.create({ model: 'gem-quota', messages: user('Hi') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
  });

  it('treats an invalid API key as an auth failure (no 200, the key is named in the error)', async () => {
    const err = await client.chat.completions.create({ model: 'gem-badkey', messages: user('Hi') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(String((err as Error).message)).toContain('API key not valid');
  });
});

describe('ollama_chat/ and ollama/ through the proxy', () => {
  it('answers via /api/chat with options and keep_alive from the deployment', async () => {
    const before = ollama.requests.length;
    const res = await client.chat.completions.create({ model: 'local', messages: user('Why blue?'), max_tokens: 50, stop: ['\n'] });
    expect(at(res.choices, 0).message.content).toBe('The sky is blue — ☀ bright.');
    expect(res.usage).toMatchObject({ prompt_tokens: 26, completion_tokens: 12, total_tokens: 38 });
    const seen = at(ollama.requests, before);
    expect(seen.url).toBe('/api/chat');
    expect(seen.body).toEqual({
      model: 'qwen2.5:14b',
      stream: false,
      keep_alive: '30m',
      options: { num_ctx: 8192, num_predict: 50, stop: ['\n'] },
      messages: [{ role: 'user', content: 'Why blue?' }],
    });
  });

  it('streams NDJSON as SSE chunks with role first and usage last', async () => {
    const stream = await client.chat.completions.create({ model: 'local', messages: user('Why blue?'), stream: true, stream_options: { include_usage: true } });
    const { text, chunks, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(text).toBe('The sky is blue — ☀ bright.');
    expect(at(at(chunks, 0).choices, 0).delta.role).toBe('assistant');
    expect(at(chunks, -1).usage).toMatchObject({ prompt_tokens: 26, completion_tokens: 12 });
  });

  it('streams tool calls the SDK assembles', async () => {
    const final = await client.chat.completions.stream({ model: 'local-tools', messages: user('Weather?'), tools: [weatherTool] }).finalChatCompletion();
    expect(at(final.choices, 0).finish_reason).toBe('tool_calls');
    expect(at(final.choices, 0).message.tool_calls?.map((t) => (t.type === 'function' ? JSON.parse(t.function.arguments) : {}))).toEqual([
      { location: 'Paris, FR', format: 'celsius' },
      { location: 'Rome, IT', format: 'celsius' },
    ]);
  });

  it('serves /v1/completions from /api/generate, plain and streamed', async () => {
    const res = await client.completions.create({ model: 'local-gen', prompt: 'Why blue?', max_tokens: 20 });
    expect(at(res.choices, 0).text).toBe('The sky is blue — ☀ bright.');
    expect(res.usage).toMatchObject({ prompt_tokens: 26, completion_tokens: 12 });
    expect(ollama.requests[ollama.requests.length - 1]).toMatchObject({ url: '/api/generate', body: { prompt: 'Why blue?', options: { num_predict: 20 } } });
    const stream = await client.completions.create({ model: 'local-gen', prompt: 'Why blue?', stream: true });
    let text = '';
    let finish: string | null = null;
    for await (const c of stream) {
      text += c.choices[0]?.text ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('The sky is blue — ☀ bright.');
    expect(finish).toBe('stop');
  });

  it('embeds through /api/embed, decoded by the SDK from its default base64', async () => {
    const res = await client.embeddings.create({ model: 'local-embed', input: ['sky', 'grass!'] });
    expect(res.data.map((d) => d.embedding.map((x) => Math.round(x * 100) / 100))).toEqual([
      [3, 0.1, -0.1],
      [6, 0.1, -0.1],
    ]);
    expect(res.usage.prompt_tokens).toBe(8);
  });

  it('ends with an error the SDK raises when Ollama sends an error line mid-stream', async () => {
    const stream = await client.chat.completions.create({ model: 'local-crash', messages: user('x'), stream: true });
    const { text, error } = await drain(stream);
    expect(text).toBe('The sky is blue — ☀ bright.');
    expect(String(error)).toContain('unexpected EOF');
  });

  it('falls back from a missing model (404) to a sibling that serves it, and on a 500', async () => {
    const fromSibling = await client.chat.completions.create({ model: 'local-missing', messages: user('x') }).withResponse();
    expect(at(fromSibling.data.choices, 0).message.content).toBe('The sky is blue — ☀ bright.');
    expect(fromSibling.response.headers.get('x-rainymodel-fallback-reason')).toBe('404');
    const { data, response } = await client.chat.completions.create({ model: 'local-oom', messages: user('x') }).withResponse();
    expect(at(data.choices, 0).message.content).toBe('Hello from Claude — ¡olé!');
    expect(response.headers.get('x-rainymodel-fallback-reason')).toBe('500');
  });
});
