// OpenAI Responses <-> chat completions, as pure functions: request items, stateless refusals, answers and
// the streaming state machine with its sequence numbers.
import { describe, expect, it } from 'vitest';
import { IngressRequestError } from '../../../src/proxy/ingress/errors.js';
import { checkResponsesRequest, responsesToChat } from '../../../src/proxy/ingress/responses/request.js';
import { chatToResponse, responseFrame } from '../../../src/proxy/ingress/responses/answer.js';
import { ResponsesEncoder } from '../../../src/proxy/ingress/responses/stream.js';
import { chunk, names, parseSse, usageChunk } from './sse-events.js';
import { at } from '../../support/must.js';

const tools = [
  { type: 'function', name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true },
  { type: 'web_search' },
];

describe('Responses request -> chat', () => {
  it('translates instructions, message items, function calls and their outputs, tools and options', () => {
    const body = {
      model: 'm',
      instructions: 'Be brief.',
      input: [
        { role: 'developer', content: 'Prefer Celsius.' },
        { role: 'user', content: [{ type: 'input_text', text: 'Weather in ' }, { type: 'input_text', text: 'Paris?' }] },
        { type: 'reasoning', id: 'rs_1', summary: [] },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Checking.', annotations: [] }] },
        { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call', call_id: 'call_2', name: 'get_weather', arguments: '{"city":"Lyon"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '18C' },
        { type: 'function_call_output', call_id: 'call_2', output: [{ type: 'input_text', text: '20C' }] },
        { role: 'user', content: [{ type: 'input_image', image_url: 'data:image/png;base64,AAAA', detail: 'low' }] },
      ],
      tools,
      tool_choice: { type: 'function', name: 'get_weather' },
      parallel_tool_calls: false,
      max_output_tokens: 300,
      temperature: 0.2,
      text: { format: { type: 'json_schema', name: 'w', schema: { type: 'object' }, strict: true } },
      store: false,
      include: ['reasoning.encrypted_content'],
      stream: true,
    };
    checkResponsesRequest(body);
    const { chat, dropped } = responsesToChat(body);
    expect(chat.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'system', content: 'Prefer Celsius.' },
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lyon"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '18C' },
      { role: 'tool', tool_call_id: 'call_2', content: '20C' },
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } }] },
    ]);
    expect(chat).toMatchObject({
      max_tokens: 300,
      temperature: 0.2,
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true } }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      response_format: { type: 'json_schema', json_schema: { name: 'w', schema: { type: 'object' }, strict: true } },
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(dropped).toEqual(['include', 'reasoning items', 'web_search tools']);
  });

  it('takes a plain string input as one user message', () => {
    expect(responsesToChat({ model: 'm', input: 'hi' }).chat.messages).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it.each([
    [{ model: 'm', input: 'x', previous_response_id: 'resp_1' }, 'previous_response_id'],
    [{ model: 'm', input: 'x', store: true }, 'store'],
    [{ model: 'm', input: 'x', conversation: 'conv_1' }, 'conversation'],
    [{ model: 'm', input: 'x', background: true }, 'background'],
  ])('refuses what needs stored state with a 400 that says so (%#)', (body, param) => {
    let caught: unknown;
    try {
      checkResponsesRequest(body);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(IngressRequestError);
    const e = caught as IngressRequestError;
    expect(e.param).toBe(param);
    expect(e.errorCode).toBe('unsupported_stateful_request');
    expect(e.message).toMatch(/keeps none/);
  });

  it.each([
    [{ model: 'm' }, 'input'],
    [{ model: 'm', input: 'x', max_output_tokens: 0 }, 'max_output_tokens'],
    [{ input: 'x' }, 'model'],
  ])('refuses a malformed request naming the field (%#)', (body, param) => {
    expect(() => checkResponsesRequest(body)).toThrow(expect.objectContaining({ param }) as Error);
  });

  it('refuses item_reference and file ids (stored on OpenAI, not here)', () => {
    expect(() => responsesToChat({ model: 'm', input: [{ type: 'item_reference', id: 'msg_1' }] })).toThrow(/keeps none/);
    expect(() => responsesToChat({ model: 'm', input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'file-1' }] }] })).toThrow(/file_id/);
  });
});

describe('chat answer -> Response', () => {
  it('builds message and function_call items, status and usage, echoing the request settings', () => {
    const frame = responseFrame({ instructions: 'Be brief.', tools, max_output_tokens: 50 }, 'alias');
    const r = chatToResponse(
      {
        choices: [{ finish_reason: 'tool_calls', message: { content: 'Sure.', tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] } }],
        usage: { prompt_tokens: 11, completion_tokens: 4, prompt_tokens_details: { cached_tokens: 3 } },
      },
      frame,
    );
    expect(r).toMatchObject({
      id: frame.id,
      object: 'response',
      status: 'completed',
      model: 'alias',
      instructions: 'Be brief.',
      max_output_tokens: 50,
      store: false,
      error: null,
      incomplete_details: null,
      usage: { input_tokens: 11, input_tokens_details: { cached_tokens: 3 }, output_tokens: 4, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 15 },
    });
    const output = r.output as Array<Record<string, unknown>>;
    expect(output[0]).toMatchObject({ type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Sure.', annotations: [] }] });
    expect(output[1]).toMatchObject({ type: 'function_call', call_id: 'call_9', name: 'get_weather', arguments: '{"city":"Oslo"}', status: 'completed' });
    expect(String(at(output, 0).id)).toMatch(/^msg_/);
    expect(String(at(output, 1).id)).toMatch(/^fc_/);
    expect(String(r.id)).toMatch(/^resp_/);
  });

  it('is incomplete when the output was cut by max_output_tokens', () => {
    const r = chatToResponse({ choices: [{ finish_reason: 'length', message: { content: 'Once upon' } }] }, responseFrame({}, 'm'));
    expect(r).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  });
});

describe('chat chunks -> Responses SSE', () => {
  it('emits the documented events in order with consecutive sequence numbers', () => {
    const enc = new ResponsesEncoder(responseFrame({}, 'alias'));
    let text = '';
    text += enc.chunk(chunk({ role: 'assistant', content: '' }));
    text += enc.chunk(chunk({ content: 'Hel' }));
    text += enc.chunk(chunk({ content: 'lo.' }));
    text += enc.chunk(chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }] }));
    text += enc.chunk(chunk({ tool_calls: [{ index: 0, function: { arguments: '{"a":1}' } }] }));
    text += enc.chunk(chunk({}, 'tool_calls'));
    text += enc.chunk(usageChunk(8, 6));
    text += enc.done();
    const events = parseSse(text);
    expect(names(events)).toEqual([
      'response.created', 'response.in_progress',
      'response.output_item.added', 'response.content_part.added', 'response.output_text.delta', 'response.output_text.delta',
      'response.output_text.done', 'response.content_part.done', 'response.output_item.done',
      'response.output_item.added', 'response.function_call_arguments.delta', 'response.function_call_arguments.done', 'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((e) => e.data.sequence_number)).toEqual(events.map((_, i) => i));
    const msgId = (at(events, 2).data.item as Record<string, unknown>).id;
    expect(at(events, 4).data).toMatchObject({ item_id: msgId, output_index: 0, content_index: 0, delta: 'Hel' });
    expect(at(events, 6).data).toMatchObject({ item_id: msgId, text: 'Hello.' });
    expect(at(events, 9).data).toMatchObject({ output_index: 1, item: { type: 'function_call', call_id: 'call_1', name: 'f', arguments: '', status: 'in_progress' } });
    expect(at(events, 11).data).toMatchObject({ output_index: 1, name: 'f', arguments: '{"a":1}' });
    const done = at(events, 13).data.response as Record<string, unknown>;
    expect(done).toMatchObject({ status: 'completed', usage: { input_tokens: 8, output_tokens: 6, total_tokens: 14 } });
    expect((done.output as unknown[]).length).toBe(2);
  });

  it('ends a broken stream with an error event and response.failed', () => {
    const enc = new ResponsesEncoder(responseFrame({}, 'm'));
    const first = parseSse(enc.chunk(chunk({ content: 'par' })));
    const events = parseSse(enc.fail('upstream stream broke: ECONNRESET', 'upstream_stream_error'));
    expect(names(events)).toEqual(['error', 'response.failed']);
    expect(at(events, 0).data).toEqual({ type: 'error', sequence_number: first.length, code: 'upstream_stream_error', message: 'upstream stream broke: ECONNRESET', param: null });
    expect(at(events, 1).data.response).toMatchObject({ status: 'failed', error: { code: 'server_error', message: 'upstream stream broke: ECONNRESET' } });
  });
});
