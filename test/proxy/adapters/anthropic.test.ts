// Anthropic adapter on request/response pairs written from Anthropic's Messages API documentation.
import { describe, expect, it } from 'vitest';
import { anthropicAdapter } from '../../../src/proxy/providers/anthropic/index.js';
import type { AdapterDeployment, RequestContext } from '../../../src/proxy/providers/types.js';
import { cut, expectWellFormed, fold, run, scatter } from './stream-helpers.js';
import { at } from '../../support/must.js';

const deployment: AdapterDeployment = {
  prefix: 'anthropic',
  upstreamModel: 'claude-sonnet-4-5',
  apiBase: 'https://api.anthropic.com',
  apiKey: 'sk-ant-test',
  params: { model: 'anthropic/claude-sonnet-4-5' },
};
const chat: RequestContext = { endpoint: 'chat', stream: false, requestModel: 'rainymodel/premium' };
const chatStream: RequestContext = { ...chat, stream: true };

function built(body: Record<string, unknown>, ctx = chat, dep = deployment) {
  const req = anthropicAdapter.buildRequest(ctx, dep, body);
  return { req, body: JSON.parse(String(req.body)) as Record<string, unknown> };
}

describe('anthropic request', () => {
  it('posts to /v1/messages with x-api-key and anthropic-version', () => {
    const { req, body } = built({ model: 'rainymodel/premium', messages: [{ role: 'user', content: 'Hello' }] });
    expect(req.method).toBe('POST');
    expect(req.url).toBe('https://api.anthropic.com/v1/messages');
    expect(req.headers['x-api-key']).toBe('sk-ant-test');
    expect(req.headers['anthropic-version']).toBe('2023-06-01');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.authorization).toBeUndefined();
    expect(body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
    });
  });

  it('accepts api_base with or without the /v1 path', () => {
    for (const apiBase of ['https://gw.example/anthropic/', 'https://gw.example/anthropic/v1', 'https://gw.example/anthropic/v1/messages']) {
      expect(built({ messages: [] }, chat, { ...deployment, apiBase }).req.url).toBe('https://gw.example/anthropic/v1/messages');
    }
    expect(built({ messages: [] }, chat, { ...deployment, apiBase: '' }).req.url).toBe('https://api.anthropic.com/v1/messages');
  });

  it('moves system and developer messages to the top-level system field', () => {
    const { body } = built({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: 'Hi' },
      ],
    });
    expect(body.system).toEqual([
      { type: 'text', text: 'You are terse.' },
      { type: 'text', text: 'Answer in French.' },
    ]);
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
  });

  it('maps sampling parameters, stop, user and max tokens', () => {
    const { body } = built({
      messages: [{ role: 'user', content: 'x' }],
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 300,
      max_tokens: 999,
      stop: 'END',
      user: 'u-42',
    });
    expect(body).toMatchObject({ temperature: 0.2, top_p: 0.9, max_tokens: 300, stop_sequences: ['END'], metadata: { user_id: 'u-42' } });
    expect(built({ messages: [], stop: ['a', 'b'], max_tokens: 10 }).body).toMatchObject({ stop_sequences: ['a', 'b'], max_tokens: 10 });
  });

  it('translates multi-part content with data: and http images and a PDF', () => {
    const { body } = built({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://upload.example/cat.jpg', detail: 'high' } },
            { type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } },
          ],
        },
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in these?' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
          { type: 'image', source: { type: 'url', url: 'https://upload.example/cat.jpg' } },
          { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' } },
        ],
      },
    ]);
  });

  it('rejects content Anthropic cannot take, naming the field', () => {
    expect(() => built({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'x', format: 'wav' } }] }] })).toThrow(
      /messages\[0\]\.content\[0\]\.type "input_audio"/,
    );
    expect(() => built({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'ftp://x/y.png' } }] }] })).toThrow(/image_url/);
  });

  it('translates tools, tool_choice and parallel_tool_calls', () => {
    const tools = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Get the current weather in a given location',
          parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
        },
      },
      { type: 'function', function: { name: 'now' } },
    ];
    const { body } = built({ messages: [{ role: 'user', content: 'Weather in SF?' }], tools, tool_choice: 'required' });
    expect(body.tools).toEqual([
      {
        name: 'get_weather',
        description: 'Get the current weather in a given location',
        input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
      },
      { name: 'now', input_schema: { type: 'object', properties: {} } },
    ]);
    expect(body.tool_choice).toEqual({ type: 'any' });
    const choice = (tool_choice: unknown, parallel_tool_calls?: boolean) =>
      built({ messages: [], tools, tool_choice, parallel_tool_calls }).body.tool_choice;
    expect(choice('auto')).toEqual({ type: 'auto' });
    expect(choice('none')).toEqual({ type: 'none' });
    expect(choice({ type: 'function', function: { name: 'get_weather' } })).toEqual({ type: 'tool', name: 'get_weather' });
    expect(choice(undefined, false)).toEqual({ type: 'auto', disable_parallel_tool_use: true });
    expect(choice('required', false)).toEqual({ type: 'any', disable_parallel_tool_use: true });
    expect(choice(undefined)).toBeUndefined();
  });

  it('translates assistant tool calls and tool results, merging parallel results into one user turn', () => {
    const { body } = built({
      messages: [
        { role: 'user', content: 'Weather in SF and NYC?' },
        {
          role: 'assistant',
          content: 'Checking both.',
          tool_calls: [
            { id: 'toolu_01', type: 'function', function: { name: 'get_weather', arguments: '{"location":"San Francisco, CA"}' } },
            { id: 'toolu_02', type: 'function', function: { name: 'get_weather', arguments: '{"location":"New York, NY"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_01', content: '15 degrees' },
        { role: 'tool', tool_call_id: 'toolu_02', content: [{ type: 'text', text: '22 degrees' }] },
        { role: 'user', content: 'Which is warmer?' },
      ],
    });
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in SF and NYC?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking both.' },
          { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { location: 'San Francisco, CA' } },
          { type: 'tool_use', id: 'toolu_02', name: 'get_weather', input: { location: 'New York, NY' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_01', content: '15 degrees' },
          { type: 'tool_result', tool_use_id: 'toolu_02', content: [{ type: 'text', text: '22 degrees' }] },
          { type: 'text', text: 'Which is warmer?' },
        ],
      },
    ]);
  });

  it('rejects tool call arguments that are not a JSON object', () => {
    expect(() =>
      built({ messages: [{ role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{oops' } }] }] }),
    ).toThrow(/messages\[0\]\.tool_calls\[0\]\.function\.arguments/);
  });

  it('asks for a stream when the client does', () => {
    const { req, body } = built({ messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true } }, chatStream);
    expect(body.stream).toBe(true);
    expect(body.stream_options).toBeUndefined();
    expect(req.headers.accept).toBe('text/event-stream');
  });

  it('merges extra_body from the deployment', () => {
    const { body } = built({ messages: [] }, chat, { ...deployment, params: { ...deployment.params, extra_body: { top_k: 5 } } });
    expect(body.top_k).toBe(5);
  });
});

describe('anthropic response', () => {
  it('translates a text answer with usage (cache tokens counted in prompt_tokens)', () => {
    const out = anthropicAdapter.translateResponse(chat, deployment, {
      id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: 'Hi! My name is Claude.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 2095, output_tokens: 503, cache_read_input_tokens: 100, cache_creation_input_tokens: 5 },
    });
    expect(out).toMatchObject({
      id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
      object: 'chat.completion',
      model: 'rainymodel/premium',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hi! My name is Claude.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 2200, completion_tokens: 503, total_tokens: 2703, prompt_tokens_details: { cached_tokens: 100 } },
    });
    expect(typeof out.created).toBe('number');
  });

  it('translates tool_use blocks into tool_calls with JSON string arguments', () => {
    const out = anthropicAdapter.translateResponse(chat, deployment, {
      id: 'msg_01Aq9w938a90dw8q',
      type: 'message',
      role: 'assistant',
      content: [
        { type: 'text', text: 'I will check.' },
        { type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_weather', input: { location: 'San Francisco, CA', unit: 'celsius' } },
      ],
      stop_reason: 'tool_use',
      usage: { input_tokens: 10, output_tokens: 20 },
    });
    const choice = at(out.choices as Array<Record<string, unknown>>, 0);
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message).toEqual({
      role: 'assistant',
      content: 'I will check.',
      tool_calls: [
        {
          id: 'toolu_01A09q90qw90lq917835lq9',
          type: 'function',
          function: { name: 'get_weather', arguments: '{"location":"San Francisco, CA","unit":"celsius"}' },
        },
      ],
    });
  });

  it('maps every documented stop_reason to an OpenAI finish_reason', () => {
    const reasons: Record<string, string> = {
      end_turn: 'stop',
      stop_sequence: 'stop',
      pause_turn: 'stop',
      max_tokens: 'length',
      model_context_window_exceeded: 'length',
      tool_use: 'tool_calls',
      refusal: 'content_filter',
    };
    for (const [stop, finish] of Object.entries(reasons)) {
      const out = anthropicAdapter.translateResponse(chat, deployment, { id: 'm', content: [], stop_reason: stop, usage: {} });
      expect(at(out.choices as Array<Record<string, unknown>>, 0).finish_reason, stop).toBe(finish);
    }
  });

  it('puts thinking blocks in reasoning_content', () => {
    const out = anthropicAdapter.translateResponse(chat, deployment, {
      id: 'm',
      content: [
        { type: 'thinking', thinking: 'Let me add.', signature: 'sig' },
        { type: 'text', text: '4' },
      ],
      stop_reason: 'end_turn',
      usage: { input_tokens: 1, output_tokens: 1 },
    });
    expect(at(out.choices as Array<Record<string, unknown>>, 0).message).toEqual({ role: 'assistant', content: '4', reasoning_content: 'Let me add.' });
  });
});

// The documented example stream for a tool call, with the text and the JSON split as Anthropic sends them.
const TOOL_STREAM = [
  'event: message_start',
  'data: {"type":"message_start","message":{"id":"msg_014p7gG3wDgGV9EUtLvnow3U","type":"message","role":"assistant","model":"claude-sonnet-4-5","stop_sequence":null,"usage":{"input_tokens":472,"output_tokens":2},"content":[],"stop_reason":null}}',
  '',
  'event: content_block_start',
  'data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
  '',
  'event: ping',
  'data: {"type": "ping"}',
  '',
  'event: content_block_delta',
  'data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Okay, let\'s check"}}',
  '',
  'event: content_block_delta',
  'data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" the weather — 🌤"}}',
  '',
  'event: content_block_stop',
  'data: {"type":"content_block_stop","index":0}',
  '',
  'event: content_block_start',
  'data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}}',
  '',
  'event: content_block_delta',
  'data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}',
  '',
  'event: content_block_delta',
  'data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"location\\":"}}',
  '',
  'event: content_block_delta',
  'data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":" \\"San Francisc"}}',
  '',
  'event: content_block_delta',
  'data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"o, CA\\", \\"unit\\": \\"fah"}}',
  '',
  'event: content_block_delta',
  'data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"renheit\\"}"}}',
  '',
  'event: content_block_stop',
  'data: {"type":"content_block_stop","index":1}',
  '',
  'event: content_block_start',
  'data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_02","name":"get_time","input":{}}}',
  '',
  'event: content_block_delta',
  'data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\\"tz\\": \\"PST\\"}"}}',
  '',
  'event: content_block_stop',
  'data: {"type":"content_block_stop","index":2}',
  '',
  'event: message_delta',
  'data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}',
  '',
  'event: message_stop',
  'data: {"type":"message_stop"}',
  '',
  '',
].join('\n');

describe('anthropic stream', () => {
  it('turns the documented text stream into OpenAI chunks: role first, text, finish, usage, done', () => {
    const text = [
      'event: message_start',
      'data: {"type": "message_start", "message": {"id": "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", "type": "message", "role": "assistant", "content": [], "model": "claude-sonnet-4-5", "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 25, "output_tokens": 1}}}',
      '',
      'event: content_block_start',
      'data: {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}',
      '',
      'event: ping',
      'data: {"type": "ping"}',
      '',
      'event: content_block_delta',
      'data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hello"}}',
      '',
      'event: content_block_delta',
      'data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "!"}}',
      '',
      'event: content_block_stop',
      'data: {"type": "content_block_stop", "index": 0}',
      '',
      'event: message_delta',
      'data: {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence":null}, "usage": {"output_tokens": 15}}',
      '',
      'event: message_stop',
      'data: {"type": "message_stop"}',
      '',
      '',
    ].join('\n');
    const f = fold(run(anthropicAdapter.createStreamTranslator(chatStream, deployment), [text]));
    expectWellFormed(f);
    expect(f.content).toBe('Hello!');
    expect(f.finishReason).toBe('stop');
    expect(f.usage).toEqual({ prompt_tokens: 25, completion_tokens: 15, total_tokens: 40, prompt_tokens_details: { cached_tokens: 0 } });
    expect(f.chunks[0]).toMatchObject({ id: 'msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY', object: 'chat.completion.chunk', model: 'rainymodel/premium' });
  });

  it('indexes tool calls from 0 (block index 1 -> tool index 0) and keeps input_json_delta fragments in order', () => {
    const f = fold(run(anthropicAdapter.createStreamTranslator(chatStream, deployment), [TOOL_STREAM]));
    expectWellFormed(f);
    expect(f.content).toBe("Okay, let's check the weather — 🌤");
    expect(f.toolCalls).toEqual([
      { id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', arguments: '{"location": "San Francisco, CA", "unit": "fahrenheit"}' },
      { id: 'toolu_02', name: 'get_time', arguments: '{"tz": "PST"}' },
    ]);
    expect(JSON.parse(at(f.toolCalls, 0).arguments)).toEqual({ location: 'San Francisco, CA', unit: 'fahrenheit' });
    expect(f.finishReason).toBe('tool_calls');
    expect(f.usage).toMatchObject({ prompt_tokens: 472, completion_tokens: 89 });
    // The argument fragments travel as separate deltas, not collapsed into one.
    const argDeltas = f.chunks.filter((c) => JSON.stringify(c).includes('"arguments":"') && !JSON.stringify(c).includes('"id":"toolu'));
    expect(argDeltas.length).toBeGreaterThanOrEqual(4);
  });

  it('streams a tool call with empty input as arguments "{}" (issue 13.3), as the non-streamed answer does', () => {
    const ev = (type: string, data: Record<string, unknown>): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
    const stream =
      ev('message_start', { message: { id: 'msg_e', type: 'message', role: 'assistant', model: 'claude', content: [], stop_reason: null, usage: { input_tokens: 5, output_tokens: 1 } } }) +
      ev('content_block_start', { index: 0, content_block: { type: 'tool_use', id: 'toolu_E', name: 'get_time', input: {} } }) +
      ev('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: '' } }) +
      ev('content_block_stop', { index: 0 }) +
      ev('message_delta', { delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 3 } }) +
      ev('message_stop', {});
    const f = fold(run(anthropicAdapter.createStreamTranslator(chatStream, deployment), [stream]));
    expectWellFormed(f);
    expect(f.toolCalls).toEqual([{ id: 'toolu_E', name: 'get_time', arguments: '{}' }]);
    expect(JSON.parse(at(f.toolCalls, 0).arguments)).toEqual({});
  });

  it('gives the same answer however the bytes are cut (1 char, 7 chars, scattered, CRLF framing)', () => {
    const whole = fold(run(anthropicAdapter.createStreamTranslator(chatStream, deployment), [TOOL_STREAM]));
    const variants = [cut(TOOL_STREAM, 1), cut(TOOL_STREAM, 7), scatter(TOOL_STREAM, 1), scatter(TOOL_STREAM, 99), cut(TOOL_STREAM.replace(/\n/g, '\r\n'), 1)];
    for (const pieces of variants) {
      const f = fold(run(anthropicAdapter.createStreamTranslator(chatStream, deployment), pieces));
      expectWellFormed(f);
      expect(f.content).toBe(whole.content);
      expect(f.toolCalls).toEqual(whole.toolCalls);
      expect(f.finishReason).toBe('tool_calls');
      expect(f.usage).toEqual(whole.usage);
    }
  });

  it('reports an error event mid-stream as an error after the text already sent', () => {
    const text = [
      'event: message_start',
      'data: {"type":"message_start","message":{"id":"msg_x","type":"message","role":"assistant","content":[],"usage":{"input_tokens":5,"output_tokens":1}}}',
      '',
      'event: content_block_start',
      'data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
      '',
      'event: content_block_delta',
      'data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Part"}}',
      '',
      'event: error',
      'data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}',
      '',
      '',
    ].join('\n');
    const events = run(anthropicAdapter.createStreamTranslator(chatStream, deployment), cut(text, 5));
    const f = fold(events);
    expect(f.content).toBe('Part');
    expect(f.done).toBe(false);
    expect(f.errors).toEqual([{ status: 503, type: 'api_error', code: 'overloaded_error', message: 'Overloaded', retryable: true }]);
    expect(f.kinds[f.kinds.length - 1]).toBe('error');
  });

  it('sends nothing before the first content, so an early error event can still fall back', () => {
    const text = [
      'event: message_start',
      'data: {"type":"message_start","message":{"id":"m","content":[],"usage":{"input_tokens":5,"output_tokens":1}}}',
      '',
      'event: content_block_start',
      'data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
      '',
      'event: ping',
      'data: {"type":"ping"}',
      '',
      'event: error',
      'data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      '',
      '',
    ].join('\n');
    const events = run(anthropicAdapter.createStreamTranslator(chatStream, deployment), [text]);
    expect(events.map((e) => e.kind)).toEqual(['error']);
  });

  it('reports a stream cut before message_stop instead of ending it silently', () => {
    const truncated = TOOL_STREAM.slice(0, TOOL_STREAM.indexOf('event: message_delta'));
    const f = fold(run(anthropicAdapter.createStreamTranslator(chatStream, deployment), [truncated]));
    expect(f.done).toBe(false);
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]).toMatchObject({ status: 502, code: 'stream_truncated', retryable: true });
  });

  it('streams thinking as reasoning_content', () => {
    const text = [
      'event: message_start',
      'data: {"type":"message_start","message":{"id":"m","content":[],"usage":{"input_tokens":3,"output_tokens":0}}}',
      '',
      'event: content_block_start',
      'data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}',
      '',
      'event: content_block_delta',
      'data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"27 * 453"}}',
      '',
      'event: content_block_delta',
      'data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQB"}}',
      '',
      'event: message_delta',
      'data: {"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"output_tokens":7}}',
      '',
      'event: message_stop',
      'data: {"type":"message_stop"}',
      '',
      '',
    ].join('\n');
    const f = fold(run(anthropicAdapter.createStreamTranslator(chatStream, deployment), [text]));
    expectWellFormed(f);
    expect(f.reasoning).toBe('27 * 453');
    expect(f.content).toBe('');
    expect(f.finishReason).toBe('length');
  });
});

describe('anthropic errors', () => {
  const body = (type: string, message: string) => JSON.stringify({ type: 'error', error: { type, message }, request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy' });
  const cases: Array<[number, string, number, string, boolean]> = [
    [400, 'invalid_request_error', 400, 'invalid_request_error', false],
    [401, 'authentication_error', 401, 'authentication_error', false],
    [403, 'permission_error', 403, 'permission_error', false],
    [404, 'not_found_error', 404, 'not_found_error', false],
    [413, 'request_too_large', 413, 'invalid_request_error', false],
    [429, 'rate_limit_error', 429, 'rate_limit_error', true],
    [500, 'api_error', 500, 'api_error', true],
    [529, 'overloaded_error', 503, 'api_error', true],
  ];
  for (const [status, type, outStatus, outType, retryable] of cases) {
    it(`maps ${status} ${type} to ${outStatus} ${outType}${retryable ? ' (retryable)' : ''}`, () => {
      expect(anthropicAdapter.translateError(status, body(type, `msg for ${type}`))).toEqual({
        status: outStatus,
        type: outType,
        code: type,
        message: `msg for ${type}`,
        retryable,
      });
    });
  }

  it('falls back on the HTTP status for bodies that are not Anthropic JSON', () => {
    expect(anthropicAdapter.translateError(529, '<html>busy</html>')).toMatchObject({ status: 503, retryable: true, message: '<html>busy</html>' });
    expect(anthropicAdapter.translateError(502, '')).toMatchObject({ status: 502, type: 'api_error', retryable: true, message: 'HTTP 502' });
    expect(anthropicAdapter.translateError(422, '{"weird":true}')).toMatchObject({ status: 422, retryable: false });
  });

  it('treats an error type named like an Object method as unknown (the HTTP status decides)', () => {
    // A plain-object lookup found Object.prototype.constructor here and answered with no status at all.
    expect(anthropicAdapter.translateError(400, body('constructor', 'odd'))).toEqual({ status: 400, type: 'invalid_request_error', code: 'constructor', message: 'odd', retryable: false });
  });
});
