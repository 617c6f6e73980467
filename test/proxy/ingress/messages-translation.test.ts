// Anthropic Messages <-> chat completions, as pure functions: request fields, answers, the SSE state machine,
// the native pass-through stream and the token estimate.
import { describe, expect, it } from 'vitest';
import { IngressRequestError } from '../../../src/proxy/ingress/errors.js';
import { checkMessagesRequest, messagesToChat } from '../../../src/proxy/ingress/messages/request.js';
import { chatToMessage } from '../../../src/proxy/ingress/messages/answer.js';
import { MessagesEncoder } from '../../../src/proxy/ingress/messages/stream.js';
import { NativeMessagesStream } from '../../../src/proxy/ingress/messages/native.js';
import { estimateInputTokens } from '../../../src/proxy/ingress/messages/count-tokens.js';
import { anthropicErrorBody } from '../../../src/proxy/ingress/messages/errors.js';
import type { IngressStreamEvent } from '../../../src/proxy/ingress/types.js';
import { chunk, names, parseSse, usageChunk } from './sse-events.js';
import { at } from '../../support/must.js';

const toolLoop = {
  model: 'claude-x',
  max_tokens: 256,
  system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }, { type: 'text', text: 'Use tools.' }],
  thinking: { type: 'enabled', budget_tokens: 1024 },
  stop_sequences: ['END'],
  metadata: { user_id: 'u-1' },
  tools: [
    { name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } },
    { type: 'web_search_20250305', name: 'web_search' },
  ],
  tool_choice: { type: 'any', disable_parallel_tool_use: true },
  messages: [
    { role: 'user', content: 'Weather in Paris and Rome?' },
    {
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'hmm', signature: 'sig' },
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
        { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Rome' } },
      ],
    },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Here you go.' },
        { type: 'tool_result', tool_use_id: 'toolu_1', content: '18C' },
        { type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: '21C' }], is_error: false },
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
      ],
    },
  ],
};

describe('Messages request -> chat', () => {
  it('translates system blocks, tool turns, tools, tool_choice and stop sequences, and names what it drops', () => {
    checkMessagesRequest(toolLoop);
    const { chat, dropped } = messagesToChat(toolLoop);
    expect(chat).toMatchObject({ model: 'claude-x', max_tokens: 256, stop: ['END'], user: 'u-1', tool_choice: 'required', parallel_tool_calls: false });
    expect(chat.tools).toEqual([{ type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }]);
    expect(chat.messages).toEqual([
      { role: 'system', content: 'Be brief.\nUse tools.' },
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'toolu_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      // Tool results first (right after the calls), then the rest of the user turn.
      { role: 'tool', tool_call_id: 'toolu_1', content: '18C' },
      { role: 'tool', tool_call_id: 'toolu_2', content: '21C' },
      { role: 'user', content: [{ type: 'text', text: 'Here you go.' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] },
    ]);
    expect(dropped).toEqual(['cache_control', 'server tool web_search_20250305', 'thinking', 'thinking blocks']);
    expect(chat.stream).toBeUndefined();
  });

  it('asks for usage in streams', () => {
    const { chat } = messagesToChat({ model: 'm', max_tokens: 5, stream: true, messages: [{ role: 'user', content: 'hi' }] });
    expect(chat).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it.each([
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }] }, 'max_tokens'],
    [{ model: 'm', max_tokens: 1, messages: [] }, 'messages'],
    [{ model: 'm', max_tokens: 1, messages: [{ role: 'system', content: 'x' }] }, 'messages[0].role'],
    [{ max_tokens: 1, messages: [{ role: 'user', content: 'x' }] }, 'model'],
    [{ model: 'm', max_tokens: 1, temperature: 'hot', messages: [{ role: 'user', content: 'x' }] }, 'temperature'],
  ])('refuses a malformed request naming the field (%#)', (body, param) => {
    let caught: unknown;
    try {
      checkMessagesRequest(body);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(IngressRequestError);
    expect((caught as IngressRequestError).param).toBe(param);
    expect((caught as IngressRequestError).status).toBe(400);
  });

  it('refuses a block type chat cannot carry, naming where it is', () => {
    const body = { model: 'm', max_tokens: 1, messages: [{ role: 'user', content: [{ type: 'search_result', source: 'x' }] }] };
    expect(() => messagesToChat(body)).toThrow(/messages\[0\]\.content\[0\]\.type/);
  });
});

describe('chat answer -> Message', () => {
  it('carries text, tool_use blocks, stop_reason and usage without cached tokens in input_tokens', () => {
    const msg = chatToMessage(
      {
        id: 'chatcmpl-9',
        choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: 'On it.', tool_calls: [{ id: 'call_A', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] } }],
        usage: { prompt_tokens: 30, completion_tokens: 7, prompt_tokens_details: { cached_tokens: 10 } },
      },
      'alias',
    );
    expect(msg).toEqual({
      id: 'msg_9',
      type: 'message',
      role: 'assistant',
      model: 'alias',
      content: [
        { type: 'text', text: 'On it.' },
        { type: 'tool_use', id: 'call_A', name: 'f', input: { a: 1 } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 20, output_tokens: 7, cache_creation_input_tokens: 0, cache_read_input_tokens: 10 },
    });
  });

  it.each([
    ['stop', 'end_turn'],
    ['length', 'max_tokens'],
    ['content_filter', 'refusal'],
  ])('maps finish_reason %s to stop_reason %s', (finish, stop) => {
    expect(chatToMessage({ choices: [{ finish_reason: finish, message: { content: 'x' } }] }, 'm').stop_reason).toBe(stop);
  });
});

describe('chat chunks -> Messages SSE', () => {
  it('emits the documented event sequence with one block per text run and per tool call', () => {
    const enc = new MessagesEncoder('alias');
    let text = '';
    text += enc.chunk(chunk({ role: 'assistant', content: '' }));
    text += enc.chunk(chunk({ content: 'Let me ' }));
    text += enc.chunk(chunk({ content: 'check.' }));
    text += enc.chunk(chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }] }));
    text += enc.chunk(chunk({ tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] }));
    text += enc.chunk(chunk({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }));
    text += enc.chunk(chunk({ tool_calls: [{ index: 1, id: 'call_2', type: 'function', function: { name: 'g', arguments: '{}' } }] }));
    text += enc.chunk(chunk({}, 'tool_calls'));
    text += enc.chunk(usageChunk(12, 5, 2));
    text += enc.done();
    const events = parseSse(text);
    expect(names(events)).toEqual([
      'message_start', 'ping',
      'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop',
      'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop',
      'content_block_start', 'content_block_delta', 'content_block_stop',
      'message_delta', 'message_stop',
    ]);
    expect(at(events, 0).data.message).toMatchObject({ id: 'msg_1', type: 'message', role: 'assistant', model: 'alias', content: [], stop_reason: null });
    expect(at(events, 2).data).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    expect(at(events, 6).data).toEqual({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'call_1', name: 'f', input: {} } });
    expect(at(events, 7).data).toEqual({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"a":' } });
    expect(at(events, 10).data.index).toBe(2);
    expect(at(events, 13).data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 2 },
    });
    expect(enc.usage()).toMatchObject({ prompt: 12, completion: 5 });
  });

  it('ends a broken stream with an Anthropic error event', () => {
    const enc = new MessagesEncoder('m');
    enc.chunk(chunk({ content: 'par' }));
    const events = parseSse(enc.fail('upstream stream broke', 'upstream_stream_error'));
    expect(events).toEqual([{ event: 'error', data: { type: 'error', error: { type: 'api_error', message: 'upstream stream broke' } } }]);
    expect(enc.chunk(chunk({ content: 'late' }))).toBe('');
  });
});

const ev = (type: string, rest: Record<string, unknown> = {}) => `event: ${type}\ndata: ${JSON.stringify({ type, ...rest })}\n\n`;
const start = ev('message_start', { message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], usage: { input_tokens: 9, cache_read_input_tokens: 3, output_tokens: 1 } } });

function feed(text: string, size: number): IngressStreamEvent[] {
  const s = new NativeMessagesStream();
  const out: IngressStreamEvent[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  out.push(...s.end());
  return out;
}

describe('native Messages stream (anthropic/ deployments)', () => {
  const body =
    start +
    ev('ping') +
    ev('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '' } }) +
    ev('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: 'abc' } }) +
    ev('content_block_stop', { index: 0 }) +
    ev('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 4 } }) +
    ev('message_stop');

  it.each([1, 7, 1000])('passes every event through unchanged, whatever the read sizes (%i)', (size) => {
    const s = new NativeMessagesStream();
    const out: IngressStreamEvent[] = [];
    for (let i = 0; i < body.length; i += size) out.push(...s.push(body.slice(i, i + size)));
    out.push(...s.end());
    expect(at(out, -1).kind).toBe('done');
    const text = out.map((e) => (e.kind === 'error' ? '' : e.text)).join('');
    expect(parseSse(text)).toEqual(parseSse(body));
    expect(s.usage()).toEqual({ prompt: 12, completion: 4 });
  });

  it('holds message_start back so an error right after it is a failure before the first event', () => {
    const out = feed(start + ev('ping') + ev('error', { error: { type: 'overloaded_error', message: 'Overloaded' } }), 5);
    expect(out.map((e) => e.kind)).toEqual(['error']);
    expect(out[0]).toMatchObject({ kind: 'error', error: { status: 503, retryable: true } });
  });

  it('reports a stream cut before message_stop', () => {
    const out = feed(start + ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }), 50);
    expect(out.map((e) => e.kind)).toEqual(['data', 'error']);
    expect(out[1]).toMatchObject({ kind: 'error', error: { code: 'stream_truncated' } });
  });
});

describe('count_tokens estimate and error shape', () => {
  it('counts about four characters a token plus a flat amount per image', () => {
    const n = estimateInputTokens({ system: 'x'.repeat(40), messages: [{ role: 'user', content: [{ type: 'text', text: 'y'.repeat(80) }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'Z'.repeat(9999) } }] }] });
    expect(n).toBe(Math.ceil((40 + 4 + 80) / 4) + 1600);
  });

  it('uses the documented error type for each status', () => {
    expect(anthropicErrorBody(404, { message: 'no model', type: 'invalid_request_error', code: 'model_not_found' }, 'req-1')).toEqual({
      type: 'error',
      error: { type: 'not_found_error', message: 'no model' },
      request_id: 'req-1',
    });
    expect((anthropicErrorBody(503, { message: 'x', type: 'api_error', code: null }, 'r').error as Record<string, unknown>).type).toBe('overloaded_error');
    expect((anthropicErrorBody(429, { message: 'x', type: 'rate_limit_error', code: null }, 'r').error as Record<string, unknown>).type).toBe('rate_limit_error');
  });
});
