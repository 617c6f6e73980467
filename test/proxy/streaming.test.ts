import { afterEach, describe, expect, it } from 'vitest';
import { answers, chatBody, chunk, cleanupAll, startProxy, startUpstream, streamChunks } from './helpers.js';
import { at } from '../support/must.js';

afterEach(cleanupAll);

const twoDeployments = (a: string, b: string, extra = ''): string => `
model_list:
  - { model_name: g, litellm_params: { model: openai/first, api_base: ${a}, order: 1 } }
  - { model_name: g, litellm_params: { model: openai/second, api_base: ${b}, order: 2 } }
${extra}`;

async function collect(stream: AsyncIterable<{ choices: Array<{ delta?: { content?: string | null } }> }>): Promise<string> {
  let text = '';
  for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
  return text;
}

describe('streaming', () => {
  it('streams SSE through the openai SDK chunk by chunk, with headers and usage', async () => {
    const up = await startUpstream((_req, res, seen) => streamChunks(res, String(seen.json?.model), ['Hel', 'lo', ' world'], { usage: true }));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/up-model, api_base: ${up.base} }, model_info: { tier: internal, provider: box } }
`);
    const { data: stream, response } = await proxy
      .client()
      .chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }], stream: true, stream_options: { include_usage: true } })
      .withResponse();
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-rainymodel-route')).toBe('internal');
    expect(response.headers.get('x-rainymodel-upstream')).toBe('box');
    let text = '';
    let usage: unknown;
    let chunks = 0;
    for await (const c of stream) {
      chunks++;
      text += c.choices[0]?.delta?.content ?? '';
      if (c.usage) usage = c.usage;
    }
    expect(text).toBe('Hello world');
    expect(chunks).toBe(5);
    expect(usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
    expect(at(up.seen, 0).json?.stream).toBe(true);
    expect(at(up.seen, 0).json?.model).toBe('up-model');
    const [log] = await proxy.logs.waitFor((l) => l.event === 'request');
    expect(log?.prompt_tokens).toBe(3);
    expect(log?.completion_tokens).toBe(4);
  });

  it('falls back when a stream fails before its first chunk (status, reset, error event)', async () => {
    const good = await startUpstream(answers('ok'));
    for (const fail of ['status', 'reset', 'event'] as const) {
      const bad = await startUpstream((_req, res) => {
        if (fail === 'status') {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end('{"error":{"message":"overloaded"}}');
        } else if (fail === 'reset') res.socket?.destroy();
        else {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(': keep-alive comment\n\n');
          res.end('data: {"error":{"message":"model crashed","type":"server_error"}}\n\n');
        }
      });
      const proxy = await startProxy(twoDeployments(bad.base, good.base));
      const { data, response } = await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }], stream: true }).withResponse();
      expect(await collect(data)).toBe('ok');
      expect(bad.seen).toHaveLength(1);
      expect(response.headers.get('x-rainymodel-tried')).toContain('first');
      expect(response.headers.get('x-rainymodel-fallback-reason')).toBe(fail === 'status' ? '503' : fail === 'reset' ? 'connect_error' : 'upstream_error');
    }
  });

  it('falls back when the first event of a pass-through stream is not JSON, whatever its line endings', async () => {
    const good = await startUpstream(answers('ok'));
    for (const eol of ['\n', '\r\n', '\r']) {
      const bad = await startUpstream((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`: ping${eol}${eol}data: <html>502 Bad Gateway</html>${eol}${eol}`);
        res.end(`data: [DONE]${eol}${eol}`);
      });
      const proxy = await startProxy(twoDeployments(bad.base, good.base));
      const { data, response } = await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }], stream: true }).withResponse();
      expect(await collect(data)).toBe('ok');
      expect(response.headers.get('x-rainymodel-fallback-reason')).toBe('bad_response');
    }
  });

  it('ends a stream cut midway with an OpenAI-style error event (the SDK raises), never silently', async () => {
    const up = await startUpstream((_req, res, seen) => streamChunks(res, String(seen.json?.model), ['a', 'b', 'c', 'd'], { cutAfter: 2 }));
    const other = await startUpstream(answers('never'));
    const proxy = await startProxy(twoDeployments(up.base, other.base));
    const stream = await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }], stream: true });
    let text = '';
    await expect(
      (async () => {
        for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
      })(),
    ).rejects.toThrow(/upstream stream broke/);
    expect(text).toBe('ab');
    // Never retried after the first byte reached the client.
    expect(other.seen).toHaveLength(0);
  });

  it('ends with an error event when the upstream closes the stream without [DONE]', async () => {
    const up = await startUpstream((_req, res, seen) => streamChunks(res, String(seen.json?.model), ['a'], { done: false }));
    const proxy = await startProxy(twoDeployments(up.base, up.base));
    const r = await proxy.post('/v1/chat/completions', chatBody('g', { stream: true }));
    const text = await r.text();
    expect(text).toContain(chunk('first', 'a').trim());
    expect(text.trim().split('\n\n').at(-1)).toMatch(/^data: \{"error":\{"message":"upstream stream ended without \[DONE\]"/);
    expect(text).not.toContain('[DONE]\n');
  });

  it('falls back when the first chunk does not arrive within stream_timeout', async () => {
    const hang = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': still thinking\n\n');
    });
    const good = await startUpstream(answers('fast'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/first, api_base: ${hang.base}, order: 1, stream_timeout: 0.3 } }
  - { model_name: g, litellm_params: { model: openai/second, api_base: ${good.base}, order: 2 } }
`);
    const { data, response } = await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }], stream: true }).withResponse();
    expect(await collect(data)).toBe('fast');
    expect(response.headers.get('x-rainymodel-fallback-reason')).toBe('timeout');
    // The hung upstream request was aborted, not left open.
    await hang.untilAborted(1);
    expect(hang.aborted).toBe(1);
  });

  it('aborts the upstream stream when the client disconnects', async () => {
    const up = await startUpstream((_req, res, seen) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk(String(seen.json?.model), 'first'));
      // Then never finishes: only the client's disconnect can end this.
    });
    const proxy = await startProxy(twoDeployments(up.base, up.base));
    const ac = new AbortController();
    const stream = await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }], stream: true }, { signal: ac.signal });
    const it = stream[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.value?.choices[0].delta.content).toBe('first');
    ac.abort();
    await up.untilAborted(1);
    expect(up.aborted).toBe(1);
    expect(up.seen).toHaveLength(1);
  });
});
