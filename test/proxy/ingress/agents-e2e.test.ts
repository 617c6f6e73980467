// End to end with the official SDKs: @anthropic-ai/sdk against POST /v1/messages (+ count_tokens) and
// openai's responses API against POST /v1/responses, through the real proxy, to fake upstreams of every
// provider kind (OpenAI-compatible, Anthropic, Gemini, Ollama) that speak their own wire formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { cleanupAll, onCleanup, startProxy, type RunningProxy } from '../helpers.js';
import { startAnthropic, startGemini, startOllama, startOpenAICompatible, type FakeUpstream } from '../adapters/fake-upstreams.js';
import { at } from '../../support/must.js';

const KEY = 'sk-proxy-test';
const AFTER_TOOLS = 'Paris is sunny, 18 degrees.';

let oai: FakeUpstream;
let ant: FakeUpstream;
let gem: FakeUpstream;
let oll: FakeUpstream;
let proxy: RunningProxy;
let claude: Anthropic;
let openai: OpenAI;

const dep = (group: string, params: string, provider: string, order?: number) =>
  `  - { model_name: ${group}, litellm_params: { ${params}${order ? `, order: ${order}` : ''} }, model_info: { provider: ${provider}, tier: internal } }`;
const o = (group: string, model: string, order?: number) => dep(group, `model: openai/${model}, api_base: ${oai.url}/v1, api_key: sk-oai-good`, 'oai-compatible', order);
const a = (group: string, model: string, order?: number) => dep(group, `model: anthropic/${model}, api_base: ${ant.url}, api_key: sk-ant-good`, 'claude-direct', order);
const g = (group: string, model: string) => dep(group, `model: gemini/${model}, api_base: ${gem.url}, api_key: AIza-good`, 'google');
const l = (group: string, model: string, order?: number) => dep(group, `model: ollama_chat/${model}, api_base: ${oll.url}`, 'ollama_primary', order);

beforeAll(async () => {
  [oai, ant, gem, oll] = await Promise.all([startOpenAICompatible(), startAnthropic(), startGemini(), startOllama()]);
  for (const up of [oai, ant, gem, oll]) onCleanup(() => up.close());
  proxy = await startProxy(
    `
general_settings: { master_key: ${KEY} }
model_list:
${o('oai-text', 'gpt-test')}
${o('oai-loop', 'gpt-loop')}
${a('claude-text', 'claude-test')}
${a('claude-loop', 'claude-loop')}
${g('gem-text', 'gemini-2.5-flash')}
${g('gem-loop', 'gemini-loop')}
${l('local-text', 'qwen2.5:14b')}
${l('local-loop', 'loop:latest')}
${a('claude-busy', 'claude-overloaded', 1)}
${l('claude-busy', 'qwen2.5:14b', 2)}
${o('oai-busy', 'gpt-busy', 1)}
${a('oai-busy', 'claude-test', 2)}
${a('claude-midstream', 'claude-midstream-error')}
${o('oai-midstream', 'gpt-midstream-cut')}
router_settings: { num_retries: 2, allowed_fails: 100 }
`,
    { key: KEY },
  );
  claude = new Anthropic({ apiKey: KEY, baseURL: proxy.url, maxRetries: 0 });
  openai = proxy.client();
});

afterAll(cleanupAll);

interface Kind {
  name: string;
  prefix: string;
  text: string;
  streamText: string;
}

const KINDS: Kind[] = [
  { name: 'openai-compatible', prefix: 'oai', text: 'Hello from the OpenAI-compatible upstream.', streamText: 'Hello from the OpenAI-compatible upstream.' },
  { name: 'anthropic (native)', prefix: 'claude', text: 'Hello from Claude — ¡olé!', streamText: 'Hello from Claude — ¡olé!' },
  { name: 'gemini', prefix: 'gem', text: 'Bonjour from Gemini.', streamText: 'Bonjour from Gemini — ça marche.' },
  { name: 'ollama', prefix: 'local', text: 'The sky is blue — ☀ bright.', streamText: 'The sky is blue — ☀ bright.' },
];

const weatherTool: Anthropic.Tool = { name: 'get_weather', description: 'Weather for a place', input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } };
const weatherFunction: OpenAI.Responses.FunctionTool = { type: 'function', name: 'get_weather', description: 'Weather for a place', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] }, strict: false };

const textOf = (m: Anthropic.Message): string => m.content.map((b) => (b.type === 'text' ? b.text : '')).join('');

describe.each(KINDS)('Anthropic SDK -> /v1/messages -> $name', (kind) => {
  it('creates a message', async () => {
    const { data, response } = await claude.messages.create({ model: `${kind.prefix}-text`, max_tokens: 64, system: 'Be kind.', messages: [{ role: 'user', content: 'Hello' }] }).withResponse();
    expect(textOf(data)).toBe(kind.text);
    expect(data).toMatchObject({ type: 'message', role: 'assistant', stop_reason: 'end_turn' });
    expect(data.usage.output_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-rainymodel-route')).toBe('internal');
    expect(response.headers.get('x-rainymodel-upstream')).toBeTruthy();
  });

  it('streams a message', async () => {
    const stream = claude.messages.stream({ model: `${kind.prefix}-text`, max_tokens: 64, messages: [{ role: 'user', content: 'Hello' }] });
    let deltas = '';
    stream.on('text', (t) => (deltas += t));
    const final = await stream.finalMessage();
    expect(deltas).toBe(kind.streamText);
    expect(textOf(final)).toBe(kind.streamText);
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBeGreaterThan(0);
  });

  it('runs a multi-turn tool-use loop (streamed tool calls, then tool results)', async () => {
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
    const first = await claude.messages.stream({ model: `${kind.prefix}-loop`, max_tokens: 256, tools: [weatherTool], messages }).finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    const uses = first.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) {
      expect(u.id).toMatch(/^[\w-]+$/);
      expect(typeof u.input).toBe('object');
      expect(Object.keys(u.input as object).length).toBeGreaterThan(0);
    }
    messages.push({ role: 'assistant', content: first.content });
    messages.push({ role: 'user', content: uses.map((u) => ({ type: 'tool_result' as const, tool_use_id: u.id, content: '18C, sunny' })) });
    const second = await claude.messages.create({ model: `${kind.prefix}-loop`, max_tokens: 256, tools: [weatherTool], messages });
    expect(second.stop_reason).toBe('end_turn');
    expect(textOf(second)).toBe(AFTER_TOOLS);
  });
});

describe.each(KINDS)('OpenAI SDK -> /v1/responses -> $name', (kind) => {
  it('responses.create', async () => {
    const r = await openai.responses.create({ model: `${kind.prefix}-text`, instructions: 'Be kind.', input: 'Hello', max_output_tokens: 64 });
    expect(r.output_text).toBe(kind.text);
    expect(r).toMatchObject({ object: 'response', status: 'completed', model: `${kind.prefix}-text`, store: false });
    expect(r.usage?.output_tokens).toBeGreaterThan(0);
  });

  it('responses.stream', async () => {
    const stream = openai.responses.stream({ model: `${kind.prefix}-text`, input: [{ role: 'user', content: 'Hello' }] });
    const seen: OpenAI.Responses.ResponseStreamEvent[] = [];
    stream.on('event', (e) => seen.push(e));
    const final = await stream.finalResponse();
    expect(final.output_text).toBe(kind.streamText);
    expect(final.status).toBe('completed');
    expect(at(seen, 0).type).toBe('response.created');
    expect(at(seen, -1).type).toBe('response.completed');
    expect(seen.map((e) => e.sequence_number)).toEqual(seen.map((_, i) => i));
    const deltas = seen.flatMap((e) => (e.type === 'response.output_text.delta' ? [e.delta] : [])).join('');
    expect(deltas).toBe(kind.streamText);
  });

  it('calls tools and takes their output back (function_call / function_call_output)', async () => {
    const input: OpenAI.Responses.ResponseInput = [{ role: 'user', content: 'Weather in Paris?' }];
    const stream = openai.responses.stream({ model: `${kind.prefix}-loop`, input, tools: [weatherFunction] });
    const first = await stream.finalResponse();
    const calls = first.output.flatMap((i) => (i.type === 'function_call' ? [i] : []));
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) expect(Object.keys(JSON.parse(c.arguments) as object).length).toBeGreaterThan(0);
    input.push(...calls.map((c) => ({ type: 'function_call' as const, call_id: c.call_id, name: c.name, arguments: c.arguments })));
    input.push(...calls.map((c) => ({ type: 'function_call_output' as const, call_id: c.call_id, output: '18C, sunny' })));
    const second = await openai.responses.create({ model: `${kind.prefix}-loop`, input, tools: [weatherFunction] });
    expect(second.output_text).toBe(AFTER_TOOLS);
  });
});

describe('Anthropic Messages: auth, errors, fallbacks, native fields', () => {
  it('takes the key as Authorization: Bearer (what @anthropic-ai/sdk 1.x sends), and refuses a wrong one in Anthropic’s shape', async () => {
    const bearer = new Anthropic({ authToken: KEY, apiKey: null, baseURL: proxy.url, maxRetries: 0 });
    expect(textOf(await bearer.messages.create({ model: 'local-text', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] }))).toBe('The sky is blue — ☀ bright.');
    const wrong = new Anthropic({ apiKey: 'sk-wrong', baseURL: proxy.url, maxRetries: 0 });
    const err = await wrong.messages.create({ model: 'local-text', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((err as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'invalid API key' } });
  });

  it('takes the key in x-api-key (as Claude Code sends ANTHROPIC_API_KEY); a wrong or missing one is a 401 naming both headers', async () => {
    const send = (headers: Record<string, string>) =>
      fetch(`${proxy.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...headers },
        body: JSON.stringify({ model: 'local-text', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] }),
      });
    const ok = await send({ 'x-api-key': KEY });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'The sky is blue — ☀ bright.' }] });
    const wrong = await send({ 'x-api-key': 'sk-wrong' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'invalid API key' } });
    const missing = await send({});
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/x-api-key.*Authorization: Bearer/);
    // x-api-key is Anthropic's header: the OpenAI endpoints keep asking for Authorization.
    const chat = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY }, body: JSON.stringify({ model: 'local-text', messages: [{ role: 'user', content: 'hi' }] }) });
    expect(chat.status).toBe(401);
  });

  it('answers an unknown model with 404 not_found_error and a malformed request with 400 naming the field', async () => {
    const err = await claude.messages.create({ model: 'nope', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.NotFoundError);
    expect((err as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    const res = await proxy.post('/v1/messages', { model: 'local-text', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('max_tokens') as string } });
  });

  it('falls back before the first event (529 from anthropic/, served by ollama) with the x-rainymodel headers', async () => {
    const stream = claude.messages.stream({ model: 'claude-busy', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] });
    const final = await stream.finalMessage();
    expect(textOf(final)).toBe('The sky is blue — ☀ bright.');
    const { response } = await stream.withResponse();
    expect(response.headers.get('x-rainymodel-fallback-reason')).toBe('529');
    expect(response.headers.get('x-rainymodel-upstream')).toBe('ollama_primary');
  });

  it('ends a stream that breaks after the first event with Anthropic’s error event (native and translated)', async () => {
    let text = '';
    const native = claude.messages.stream({ model: 'claude-midstream', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] });
    native.on('text', (t) => (text += t));
    const e1 = await native.finalMessage().catch((e: unknown) => e);
    expect(text).toBe('Hello from Claude — ¡olé!');
    expect(e1).toBeInstanceOf(Anthropic.APIError);
    expect(String(e1)).toContain('Overloaded');
    const translated = claude.messages.stream({ model: 'oai-midstream', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] });
    const e2 = await translated.finalMessage().catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(Anthropic.APIError);
    expect(String(e2)).toMatch(/upstream stream broke/);
  });

  it('sends anthropic/ deployments the request as it came (cache_control, thinking, betas) and drops them elsewhere with a debug line', async () => {
    const body = {
      max_tokens: 32,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      system: [{ type: 'text', text: 'Long prompt.', cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: 'hi' }],
    };
    const headers = { 'anthropic-beta': 'interleaved-thinking-2025-05-14', 'anthropic-version': '2023-06-01' };
    const before = ant.requests.length;
    const res = await proxy.post('/v1/messages', { model: 'claude-text', ...body }, headers);
    expect(res.status).toBe(200);
    const seen = at(ant.requests, before, 'the request the Messages call sent upstream');
    expect(seen.body).toEqual({ model: 'claude-test', ...body });
    expect(seen.headers['anthropic-beta']).toBe('interleaved-thinking-2025-05-14');
    const res2 = await proxy.post('/v1/messages', { model: 'local-text', ...body }, { 'x-request-id': 'drop-check' });
    expect(res2.status).toBe(200);
    const line = proxy.logs.records().find((l) => l.event === 'ingress_fields_dropped' && l.req_id === 'drop-check');
    expect(line).toMatchObject({ api: 'messages', dropped: ['cache_control', 'thinking'] });
  });

  it('counts tokens at anthropic/ deployments and estimates for the others, saying which', async () => {
    const counted = await claude.messages.countTokens({ model: 'claude-text', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(counted.data.input_tokens).toBe(42);
    expect(counted.response.headers.get('x-rainymodel-token-count')).toBe('upstream');
    const estimated = await claude.messages.countTokens({ model: 'local-text', system: 'x'.repeat(40), messages: [{ role: 'user', content: 'y'.repeat(40) }] }).withResponse();
    // (40 + 40 characters of text + 4 of the role) / 4
    expect(estimated.data.input_tokens).toBe(21);
    expect(estimated.response.headers.get('x-rainymodel-token-count')).toBe('estimate');
  });

  it('writes the request log line with the route, upstream and tokens', async () => {
    await claude.messages.create({ model: 'oai-text', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'x-request-id': 'log-check' } });
    const line = proxy.logs.records().find((l) => l.event === 'request' && l.req_id === 'log-check');
    expect(line).toMatchObject({ path: '/v1/messages', status: 200, group: 'oai-text', upstream: 'oai-compatible', prompt_tokens: 21, completion_tokens: 8 });
  });
});

describe('OpenAI Responses: stateless refusals, fallbacks, mid-stream errors', () => {
  it('refuses previous_response_id and store: true with a 400 that says the proxy keeps no state', async () => {
    const err = await openai.responses.create({ model: 'oai-text', input: 'hi', previous_response_id: 'resp_123' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe('unsupported_stateful_request');
    expect(String((err as Error).message)).toMatch(/keeps none/);
    const err2 = await openai.responses.create({ model: 'oai-text', input: 'hi', store: true }).catch((e: unknown) => e);
    expect((err2 as InstanceType<typeof OpenAI.APIError>).param).toBe('store');
  });

  it('falls back before the first event (503 from the OpenAI-compatible upstream, served by anthropic/)', async () => {
    const { data, response } = await openai.responses.create({ model: 'oai-busy', input: 'hi' }).withResponse();
    expect(data.output_text).toBe('Hello from Claude — ¡olé!');
    expect(response.headers.get('x-rainymodel-fallback-reason')).toBe('503');
    expect(response.headers.get('x-rainymodel-tried')).toMatch(/gpt-busy/);
  });

  it('ends a stream that breaks after the first event with error and response.failed events', async () => {
    const stream = await openai.responses.create({ model: 'oai-midstream', input: 'hi', stream: true });
    const types: string[] = [];
    let failed: OpenAI.Responses.ResponseFailedEvent | undefined;
    for await (const e of stream) {
      types.push(e.type);
      if (e.type === 'response.failed') failed = e;
    }
    expect(types.slice(-2)).toEqual(['error', 'response.failed']);
    expect(types).toContain('response.output_text.delta');
    expect(failed?.response.status).toBe('failed');
    expect(failed?.response.error?.message).toMatch(/upstream stream broke/);
  });
});
