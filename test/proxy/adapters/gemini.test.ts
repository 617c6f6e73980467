// Gemini adapter on request/response pairs written from the Gemini API reference (generateContent,
// streamGenerateContent with alt=sse, embedContent, batchEmbedContents, google.rpc.Status errors).
import { describe, expect, it } from 'vitest';
import { geminiAdapter, THOUGHT_SIGNATURE_SEPARATOR } from '../../../src/proxy/providers/gemini/index.js';
import type { AdapterDeployment, RequestContext } from '../../../src/proxy/providers/types.js';
import { cut, expectWellFormed, fold, run, scatter } from './stream-helpers.js';
import { at } from '../../support/must.js';

const deployment: AdapterDeployment = {
  prefix: 'gemini',
  upstreamModel: 'gemini-2.5-flash',
  apiBase: 'https://generativelanguage.googleapis.com',
  apiKey: 'AIza-test',
  params: { model: 'gemini/gemini-2.5-flash' },
};
const chat: RequestContext = { endpoint: 'chat', stream: false, requestModel: 'rainymodel/auto' };
const chatStream: RequestContext = { ...chat, stream: true };
const embedding: RequestContext = { endpoint: 'embedding', stream: false, requestModel: 'rainymodel/embed' };

function built(body: Record<string, unknown>, ctx = chat, dep = deployment) {
  const req = geminiAdapter.buildRequest(ctx, dep, body);
  return { req, body: JSON.parse(String(req.body)) as Record<string, unknown> };
}

describe('gemini request', () => {
  it('posts to models/{model}:generateContent with the key in x-goog-api-key', () => {
    const { req, body } = built({ messages: [{ role: 'user', content: 'Explain how AI works in a few words' }] });
    expect(req.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent');
    expect(req.headers['x-goog-api-key']).toBe('AIza-test');
    expect(req.url).not.toContain('key=');
    expect(body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Explain how AI works in a few words' }] }] });
  });

  it('streams through :streamGenerateContent?alt=sse', () => {
    expect(built({ messages: [] }, chatStream).req.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
  });

  it('takes api_base with or without the version and model resource names as they are', () => {
    expect(built({ messages: [] }, chat, { ...deployment, apiBase: 'http://127.0.0.1:9/v1beta/' }).req.url).toBe(
      'http://127.0.0.1:9/v1beta/models/gemini-2.5-flash:generateContent',
    );
    expect(built({ messages: [] }, chat, { ...deployment, apiBase: '', upstreamModel: 'tunedModels/my-tune' }).req.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/tunedModels/my-tune:generateContent',
    );
  });

  it('sends system messages as systemInstruction and assistant turns as role model', () => {
    const { body } = built({
      messages: [
        { role: 'system', content: 'You are a cat. Your name is Neko.' },
        { role: 'user', content: 'Hello there' },
        { role: 'assistant', content: 'Meow.' },
        { role: 'user', content: 'What is your name?' },
      ],
    });
    expect(body.systemInstruction).toEqual({ parts: [{ text: 'You are a cat. Your name is Neko.' }] });
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'Hello there' }] },
      { role: 'model', parts: [{ text: 'Meow.' }] },
      { role: 'user', parts: [{ text: 'What is your name?' }] },
    ]);
  });

  it('maps generation parameters into generationConfig', () => {
    const { body } = built({
      messages: [{ role: 'user', content: 'x' }],
      temperature: 1,
      top_p: 0.8,
      max_tokens: 800,
      stop: ['Title'],
      n: 2,
      seed: 7,
      presence_penalty: 0.5,
      frequency_penalty: 0.25,
      response_format: { type: 'json_schema', json_schema: { name: 'r', schema: { type: 'object', properties: { a: { type: 'string' } } } } },
    });
    expect(body.generationConfig).toEqual({
      temperature: 1,
      topP: 0.8,
      maxOutputTokens: 800,
      stopSequences: ['Title'],
      candidateCount: 2,
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: 0.25,
      responseMimeType: 'application/json',
      responseJsonSchema: { type: 'object', properties: { a: { type: 'string' } } },
    });
  });

  it('sends data: images inline and URLs as fileData', () => {
    const { body } = built({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Caption these' },
            { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4AAQ' } },
            { type: 'image_url', image_url: { url: 'https://example.com/pic.png?x=1' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          ],
        },
      ],
    });
    expect(body.contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'Caption these' },
          { inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQ' } },
          { fileData: { fileUri: 'https://example.com/pic.png?x=1', mimeType: 'image/png' } },
          { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
        ],
      },
    ]);
  });

  it('declares tools as functionDeclarations and maps tool_choice to functionCallingConfig', () => {
    const parameters = { type: 'object', properties: { location: { type: 'string' } }, required: ['location'], additionalProperties: false };
    const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Weather for a place', parameters } }];
    const { body } = built({ messages: [{ role: 'user', content: 'Weather in Paris?' }], tools, tool_choice: 'auto' });
    expect(body.tools).toEqual([{ functionDeclarations: [{ name: 'get_weather', description: 'Weather for a place', parametersJsonSchema: parameters }] }]);
    expect(body.toolConfig).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
    const cfg = (tool_choice: unknown) => built({ messages: [], tools, tool_choice }).body.toolConfig;
    expect(cfg('none')).toEqual({ functionCallingConfig: { mode: 'NONE' } });
    expect(cfg('required')).toEqual({ functionCallingConfig: { mode: 'ANY' } });
    expect(cfg({ type: 'function', function: { name: 'get_weather' } })).toEqual({
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] },
    });
    expect(cfg(undefined)).toBeUndefined();
  });

  it('sends tool calls as functionCall parts and tool results as functionResponse parts in one user turn', () => {
    const sig = 'CiQBcsjafFZ6kxJ8';
    const { body } = built({
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: `call_1${THOUGHT_SIGNATURE_SEPARATOR}${sig}`, type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } },
            { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: `call_1${THOUGHT_SIGNATURE_SEPARATOR}${sig}`, content: '{"temp":21}' },
        { role: 'tool', tool_call_id: 'call_2', content: 'sunny, 25' },
      ],
    });
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Paris and Rome?' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'get_weather', args: { location: 'Paris' } }, thoughtSignature: sig },
          { functionCall: { name: 'get_weather', args: { location: 'Rome' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'get_weather', response: { temp: 21 } } },
          { functionResponse: { name: 'get_weather', response: { output: 'sunny, 25' } } },
        ],
      },
    ]);
  });

  it('rejects a tool result that answers no known call', () => {
    expect(() => built({ messages: [{ role: 'tool', tool_call_id: 'nope', content: 'x' }] })).toThrow(/messages\[0\]\.tool_call_id/);
  });
});

describe('gemini response', () => {
  it('translates text, finish reason and usageMetadata', () => {
    const out = geminiAdapter.translateResponse(chat, deployment, {
      candidates: [
        {
          content: { parts: [{ text: 'AI learns patterns ' }, { text: 'from data.' }], role: 'model' },
          finishReason: 'STOP',
          index: 0,
          safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' }],
        },
      ],
      usageMetadata: { promptTokenCount: 8, candidatesTokenCount: 5, totalTokenCount: 33, thoughtsTokenCount: 20, cachedContentTokenCount: 2 },
      modelVersion: 'gemini-2.5-flash',
      responseId: 'mAitaLmkHPPlz7IPvtfUqQ4',
    });
    expect(out).toMatchObject({
      id: 'mAitaLmkHPPlz7IPvtfUqQ4',
      object: 'chat.completion',
      model: 'rainymodel/auto',
      choices: [{ index: 0, message: { role: 'assistant', content: 'AI learns patterns from data.' }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: 8,
        completion_tokens: 25,
        total_tokens: 33,
        prompt_tokens_details: { cached_tokens: 2 },
        completion_tokens_details: { reasoning_tokens: 20 },
      },
    });
  });

  it('translates functionCall parts into tool_calls, carrying the thought signature in the id', () => {
    const out = geminiAdapter.translateResponse(chat, deployment, {
      candidates: [
        {
          content: {
            role: 'model',
            parts: [{ functionCall: { name: 'get_weather', args: { location: 'Paris' } }, thoughtSignature: 'SIG123' }, { functionCall: { name: 'get_time', args: {} } }],
          },
          finishReason: 'STOP',
        },
      ],
      usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 4, totalTokenCount: 14 },
    });
    const choice = at(out.choices as Array<Record<string, unknown>>, 0);
    expect(choice.finish_reason).toBe('tool_calls');
    const message = choice.message as { content: unknown; tool_calls: Array<{ id: string; type: string; function: { name: string; arguments: string } }> };
    expect(message.content).toBeNull();
    expect(message.tool_calls.map((t) => [t.type, t.function.name, t.function.arguments])).toEqual([
      ['function', 'get_weather', '{"location":"Paris"}'],
      ['function', 'get_time', '{}'],
    ]);
    expect(at(message.tool_calls, 0).id.endsWith(`${THOUGHT_SIGNATURE_SEPARATOR}SIG123`)).toBe(true);
    expect(at(message.tool_calls, 1).id).not.toContain(THOUGHT_SIGNATURE_SEPARATOR);
    expect(new Set(message.tool_calls.map((t) => t.id)).size).toBe(2);
    // The id round-trips: sending it back restores the signature on the functionCall part.
    const back = built({
      messages: [
        { role: 'assistant', tool_calls: message.tool_calls },
        { role: 'tool', tool_call_id: at(message.tool_calls, 0).id, content: 'ok' },
        { role: 'tool', tool_call_id: at(message.tool_calls, 1).id, content: 'ok' },
      ],
    }).body.contents as Array<{ parts: Array<Record<string, unknown>> }>;
    expect(at(at(back, 0).parts, 0).thoughtSignature).toBe('SIG123');
  });

  it('reports a safety stop as finish_reason content_filter', () => {
    for (const reason of ['SAFETY', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'RECITATION']) {
      const out = geminiAdapter.translateResponse(chat, deployment, {
        candidates: [{ content: { parts: [], role: 'model' }, finishReason: reason, safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }] }],
      });
      expect(at(out.choices as Array<Record<string, unknown>>, 0).finish_reason, reason).toBe('content_filter');
    }
    const length = geminiAdapter.translateResponse(chat, deployment, { candidates: [{ content: { parts: [{ text: 'a' }] }, finishReason: 'MAX_TOKENS' }] });
    expect(at(length.choices as Array<Record<string, unknown>>, 0).finish_reason).toBe('length');
  });

  it('reports a blocked prompt (promptFeedback, no candidates) as content_filter with no content', () => {
    const out = geminiAdapter.translateResponse(chat, deployment, {
      promptFeedback: { blockReason: 'SAFETY', safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH' }] },
      usageMetadata: { promptTokenCount: 12, totalTokenCount: 12 },
    });
    expect(out.choices).toEqual([{ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter', logprobs: null }]);
    expect(out.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 0, total_tokens: 12 });
  });

  it('returns one choice per candidate when n > 1', () => {
    const out = geminiAdapter.translateResponse(chat, deployment, {
      candidates: [
        { index: 0, content: { parts: [{ text: 'one' }] }, finishReason: 'STOP' },
        { index: 1, content: { parts: [{ text: 'two' }] }, finishReason: 'STOP' },
      ],
    });
    expect((out.choices as Array<{ index: number; message: { content: string } }>).map((c) => [c.index, c.message.content])).toEqual([
      [0, 'one'],
      [1, 'two'],
    ]);
  });
});

describe('gemini embeddings', () => {
  it('embeds one string with :embedContent', () => {
    const { req, body } = built({ input: 'What is the meaning of life?', dimensions: 8 }, embedding, { ...deployment, upstreamModel: 'gemini-embedding-001' });
    expect(req.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:embedContent');
    expect(body).toEqual({ content: { parts: [{ text: 'What is the meaning of life?' }] }, outputDimensionality: 8 });
    const out = geminiAdapter.translateResponse(embedding, deployment, { embedding: { values: [0.1, -0.2, 0.3] } });
    expect(out).toEqual({
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.1, -0.2, 0.3] }],
      model: 'rainymodel/embed',
      usage: { prompt_tokens: 0, total_tokens: 0 },
    });
  });

  it('embeds a list with :batchEmbedContents, one request per text, in order', () => {
    const { req, body } = built({ input: ['a', 'b'] }, embedding, { ...deployment, upstreamModel: 'gemini-embedding-001' });
    expect(req.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(body).toEqual({
      requests: [
        { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'a' }] } },
        { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'b' }] } },
      ],
    });
    const out = geminiAdapter.translateResponse(embedding, deployment, { embeddings: [{ values: [1, 2] }, { values: [3, 4] }] });
    expect((out.data as Array<{ index: number; embedding: number[] }>).map((d) => [d.index, d.embedding])).toEqual([
      [0, [1, 2]],
      [1, [3, 4]],
    ]);
  });

  it('answers base64 (little-endian float32) when the client asked for it, as the openai SDK does by default', () => {
    const ctx = { ...embedding, rawBody: JSON.stringify({ model: 'e', input: 'x', encoding_format: 'base64' }) };
    const out = geminiAdapter.translateResponse(ctx, deployment, { embedding: { values: [0.5, -2, 1.25] } });
    const b64 = at(out.data as Array<{ embedding: string }>, 0).embedding;
    const buf = Buffer.from(b64, 'base64');
    expect([0, 4, 8].map((o) => buf.readFloatLE(o))).toEqual([0.5, -2, 1.25]);
  });

  it('rejects token-array input', () => {
    expect(() => built({ input: [[1, 2, 3]] }, embedding)).toThrow(/token arrays/);
  });
});

const sse = (events: unknown[]) => events.map((e) => `data: ${JSON.stringify(e)}\r\n\r\n`).join('');

describe('gemini stream', () => {
  const TEXT_STREAM = sse([
    { candidates: [{ content: { parts: [{ text: 'Paris' }], role: 'model' } }], usageMetadata: { promptTokenCount: 11, totalTokenCount: 11 }, responseId: 'resp-1' },
    { candidates: [{ content: { parts: [{ text: ' is the capital — ça va' }], role: 'model' } }], responseId: 'resp-1' },
    {
      candidates: [{ content: { parts: [{ text: '.' }], role: 'model' }, finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: 11, candidatesTokenCount: 7, totalTokenCount: 18 },
      responseId: 'resp-1',
    },
  ]);

  it('turns SSE GenerateContentResponses into chunks: role first, text, finish, usage, done', () => {
    const f = fold(run(geminiAdapter.createStreamTranslator(chatStream, deployment), [TEXT_STREAM]));
    expectWellFormed(f);
    expect(f.content).toBe('Paris is the capital — ça va.');
    expect(f.finishReason).toBe('stop');
    expect(f.usage).toEqual({ prompt_tokens: 11, completion_tokens: 7, total_tokens: 18 });
    expect(at(f.chunks, 0).id).toBe('resp-1');
  });

  it('gives the same answer however the bytes are cut', () => {
    for (const pieces of [cut(TEXT_STREAM, 1), cut(TEXT_STREAM, 3), scatter(TEXT_STREAM, 5), [TEXT_STREAM.replace(/\r\n/g, '\n')]]) {
      const f = fold(run(geminiAdapter.createStreamTranslator(chatStream, deployment), pieces));
      expectWellFormed(f);
      expect(f.content).toBe('Paris is the capital — ça va.');
    }
  });

  it('streams function calls as indexed tool-call deltas: id and name first, then arguments', () => {
    const text = sse([
      { candidates: [{ content: { parts: [{ text: 'Let me look.' }], role: 'model' } }] },
      {
        candidates: [
          {
            content: {
              role: 'model',
              parts: [
                { functionCall: { name: 'get_weather', args: { location: 'Paris' } }, thoughtSignature: 'S1' },
                { functionCall: { name: 'get_weather', args: { location: 'Rome' } } },
              ],
            },
            finishReason: 'STOP',
          },
        ],
        usageMetadata: { promptTokenCount: 20, candidatesTokenCount: 10, totalTokenCount: 30 },
      },
    ]);
    for (const pieces of [[text], cut(text, 2)]) {
      const f = fold(run(geminiAdapter.createStreamTranslator(chatStream, deployment), pieces));
      expectWellFormed(f);
      expect(f.content).toBe('Let me look.');
      expect(f.toolCalls.map((t) => [t.name, JSON.parse(t.arguments)])).toEqual([
        ['get_weather', { location: 'Paris' }],
        ['get_weather', { location: 'Rome' }],
      ]);
      expect(at(f.toolCalls, 0).id.endsWith(`${THOUGHT_SIGNATURE_SEPARATOR}S1`)).toBe(true);
      expect(f.finishReason).toBe('tool_calls');
      const firstDeltas = f.chunks.filter((c) => JSON.stringify(c).includes('"type":"function"'));
      for (const c of firstDeltas) expect(JSON.stringify(c)).toContain('"arguments":""');
    }
  });

  it('reports a safety stop mid-stream as content_filter', () => {
    const text = sse([
      { candidates: [{ content: { parts: [{ text: 'Here is how to' }], role: 'model' } }] },
      { candidates: [{ content: { parts: [], role: 'model' }, finishReason: 'SAFETY', safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }] }] },
    ]);
    const f = fold(run(geminiAdapter.createStreamTranslator(chatStream, deployment), [text]));
    expect(f.errors).toEqual([]);
    expect(f.content).toBe('Here is how to');
    expect(f.finishReason).toBe('content_filter');
    expect(f.done).toBe(true);
  });

  it('reports a blocked prompt in a stream as content_filter', () => {
    const text = sse([{ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 } }]);
    const f = fold(run(geminiAdapter.createStreamTranslator(chatStream, deployment), [text]));
    expectWellFormed(f);
    expect(f.finishReason).toBe('content_filter');
    expect(f.content).toBe('');
  });

  it('reports an error object inside the stream as an error event', () => {
    const text = sse([
      { candidates: [{ content: { parts: [{ text: 'Hel' }], role: 'model' } }] },
      { error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } },
    ]);
    const f = fold(run(geminiAdapter.createStreamTranslator(chatStream, deployment), cut(text, 4)));
    expect(f.content).toBe('Hel');
    expect(f.done).toBe(false);
    expect(f.errors).toEqual([{ status: 503, type: 'api_error', code: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.', retryable: true }]);
  });

  it('reports a stream that closes before any finishReason as truncated', () => {
    const text = sse([{ candidates: [{ content: { parts: [{ text: 'Hel' }], role: 'model' } }] }]);
    const f = fold(run(geminiAdapter.createStreamTranslator(chatStream, deployment), [text]));
    expect(f.done).toBe(false);
    expect(f.errors[0]).toMatchObject({ status: 502, code: 'stream_truncated', retryable: true });
  });
});

describe('gemini errors', () => {
  const status = (code: number, rpc: string, message: string, details?: unknown[]) =>
    JSON.stringify({ error: { code, message, status: rpc, ...(details ? { details } : {}) } });
  const cases: Array<[number, string, number, string, boolean]> = [
    [400, 'INVALID_ARGUMENT', 400, 'invalid_request_error', false],
    [400, 'FAILED_PRECONDITION', 400, 'invalid_request_error', false],
    [403, 'PERMISSION_DENIED', 403, 'permission_error', false],
    [404, 'NOT_FOUND', 404, 'not_found_error', false],
    [429, 'RESOURCE_EXHAUSTED', 429, 'rate_limit_error', true],
    [500, 'INTERNAL', 500, 'api_error', true],
    [503, 'UNAVAILABLE', 503, 'api_error', true],
    [504, 'DEADLINE_EXCEEDED', 504, 'timeout_error', true],
  ];
  for (const [code, rpc, outStatus, outType, retryable] of cases) {
    it(`maps ${code} ${rpc} to ${outStatus} ${outType}`, () => {
      expect(geminiAdapter.translateError(code, status(code, rpc, `m ${rpc}`))).toEqual({ status: outStatus, type: outType, code: rpc, message: `m ${rpc}`, retryable });
    });
  }

  it('treats an invalid API key (400 INVALID_ARGUMENT, reason API_KEY_INVALID) as 401', () => {
    const body = status(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
    ]);
    expect(geminiAdapter.translateError(400, body)).toMatchObject({ status: 401, type: 'authentication_error', retryable: false });
  });

  it('reads RetryInfo retryDelay (string or {seconds, nanos}) into retryAfterMs', () => {
    const retry = (retryDelay: unknown) =>
      status(429, 'RESOURCE_EXHAUSTED', 'quota', [
        { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
      ]);
    expect(geminiAdapter.translateError(429, retry('12s')).retryAfterMs).toBe(12_000);
    expect(geminiAdapter.translateError(429, retry('0.25s')).retryAfterMs).toBe(250);
    expect(geminiAdapter.translateError(429, retry({ seconds: 3, nanos: 500_000_000 })).retryAfterMs).toBe(3_500);
    expect(geminiAdapter.translateError(429, retry('soon')).retryAfterMs).toBeUndefined();
    expect(geminiAdapter.translateError(429, status(429, 'RESOURCE_EXHAUSTED', 'quota')).retryAfterMs).toBeUndefined();
  });

  it('accepts the array-wrapped form and non-JSON bodies', () => {
    expect(geminiAdapter.translateError(429, `[${status(429, 'RESOURCE_EXHAUSTED', 'quota')}]`)).toMatchObject({ status: 429, retryable: true, message: 'quota' });
    expect(geminiAdapter.translateError(502, 'Bad Gateway')).toMatchObject({ status: 502, retryable: true, message: 'Bad Gateway' });
  });

  it('treats an RPC status named like an Object method as unknown (the HTTP code decides)', () => {
    // A plain-object lookup found Object.prototype.toString here and answered with no status at all.
    expect(geminiAdapter.translateError(503, status(503, 'toString', 'odd'))).toEqual({ status: 503, type: 'api_error', code: 'toString', message: 'odd', retryable: true });
  });
});
