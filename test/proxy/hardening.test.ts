// Issue 13 (the proxy): request checks that answer 400 naming the field before any upstream is tried,
// 413 for any body size, and GET /v1/models/{id}. Real upstreams and real sockets; the openai SDK where
// a client would use it.
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { answers, chatBody, cleanupAll, startProxy, startUpstream } from './helpers.js';
import { at } from '../support/must.js';

afterEach(cleanupAll);

const oneGroup = (base: string, extra = ''): string => `
model_list:
  - { model_name: rainymodel/auto, litellm_params: { model: openai/m, api_base: ${base} }, model_info: { id: only } }
${extra}`;

interface ErrorBody {
  error: { code: string; param: string | null; message: string };
}

describe('request checks (13.2, 13.7)', () => {
  const cases: Array<[string, Record<string, unknown>, string, string?]> = [
    ['content that is a number', { messages: [{ role: 'user', content: 42 }] }, 'messages[0].content'],
    ['content that is an object', { messages: [{ role: 'user', content: { text: 'hi' } }] }, 'messages[0].content'],
    ['an unknown role', { messages: [{ role: 'wizard', content: 'hi' }] }, 'messages[0].role'],
    ['temperature above 2', { temperature: 2.5 }, 'temperature'],
    ['temperature below 0', { temperature: -0.1 }, 'temperature'],
  ];
  for (const [what, extra, param] of cases) {
    it(`answers 400 naming ${param} for ${what}`, async () => {
      const up = await startUpstream(answers('ok'));
      const proxy = await startProxy(oneGroup(up.base));
      const r = await proxy.post('/v1/chat/completions', chatBody('rainymodel/auto', extra));
      expect(r.status).toBe(400);
      expect(((await r.json()) as ErrorBody).error.param).toBe(param);
      expect(up.seen).toHaveLength(0);
    });
  }

  it('answers 400 for temperature 1e309 (Infinity once parsed)', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(oneGroup(up.base));
    const r = await proxy.post('/v1/chat/completions', '{"model":"rainymodel/auto","messages":[{"role":"user","content":"hi"}],"temperature":1e309}');
    expect(r.status).toBe(400);
    expect(((await r.json()) as ErrorBody).error.param).toBe('temperature');
  });

  for (const [input, param] of [[[null], 'input[0]'], [[{}], 'input[0]'], [[], 'input']] as const) {
    it(`answers 400 naming ${param} for embeddings input ${JSON.stringify(input)}`, async () => {
      const up = await startUpstream(answers('ok'));
      const proxy = await startProxy(oneGroup(up.base));
      const r = await proxy.post('/v1/embeddings', { model: 'rainymodel/auto', input });
      expect(r.status).toBe(400);
      expect(((await r.json()) as ErrorBody).error.param).toBe(param);
      expect(up.seen).toHaveLength(0);
    });
  }

  it('answers 400 naming the field for bytes that are not UTF-8 inside a string', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(oneGroup(up.base));
    const head = Buffer.from('{"model":"rainymodel/auto","messages":[{"role":"user","content":"caf');
    const body = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from('"}]}')]);
    const r = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(r.status).toBe(400);
    const e = ((await r.json()) as ErrorBody).error;
    expect(e.code).toBe('invalid_encoding');
    expect(e.param).toBe('messages[0].content');
    expect(up.seen).toHaveLength(0);
  });

  it('answers 400 for tools parameters nested 5,000 deep, never a mark against a translating deployment', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: anthropic/claude, api_base: ${up.url}, api_key: k }, model_info: { id: claude } }
router_settings: { allowed_fails: 0 }
`);
    const deep = '{"type":"object","properties":{"a":'.repeat(2500) + '{}' + '}}'.repeat(2500);
    const body = `{"model":"g","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":${deep}}}]}`;
    for (let i = 0; i < 4; i++) {
      const r = await proxy.post('/v1/chat/completions', body);
      expect(r.status).toBe(400);
      expect(((await r.json()) as ErrorBody).error.message).toMatch(/nests deeper than/);
    }
    const health = (await (await proxy.get('/health')).json()) as { deployments: Array<{ circuit: string }> };
    expect(at(health.deployments, 0).circuit).toBe('closed');
    expect(up.seen).toHaveLength(0);
  });
});

describe('bodies over max_request_size_mb (13.4)', () => {
  it('answers 413 request_too_large to a 5 MB body against a 1 MB limit, through the openai SDK and a raw socket', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(oneGroup(up.base, 'general_settings: { max_request_size_mb: 1 }'));
    const big = 'x'.repeat(5 * 1024 * 1024);
    const err = await proxy
      .client()
      .chat.completions.create({ model: 'rainymodel/auto', messages: [{ role: 'user', content: big }] })
      .catch((e: unknown) => e as { status?: number; code?: string });
    expect(err).toMatchObject({ status: 413, code: 'request_too_large' });
    // A raw node:http client that sends the body in pieces (no early close on its side).
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${proxy.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 5; i++) req.write(Buffer.alloc(1024 * 1024, 0x20));
      req.end();
    });
    expect(status).toBe(413);
    expect(up.seen).toHaveLength(0);
  });
});

describe('GET /v1/models/{id} (13.6)', () => {
  it('serves the model object, ids with slashes included, and 404 for unknown ids', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(oneGroup(up.base));
    const model = await proxy.client().models.retrieve('rainymodel/auto');
    expect(model).toMatchObject({ id: 'rainymodel/auto', object: 'model', owned_by: 'rainymodel' });
    const raw = await proxy.get('/v1/models/rainymodel/auto');
    expect(raw.status).toBe(200);
    const missing = await proxy.get('/v1/models/nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBody).error.code).toBe('model_not_found');
  });
});

describe('a body with two "model" keys (13.9)', () => {
  it('sends the upstream the model that was validated (the last key, as JSON.parse reads it)', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list:
  - { model_name: public-name, litellm_params: { model: openai/upstream-model, api_base: ${up.base} } }
  - { model_name: other, litellm_params: { model: openai/public-name, api_base: ${up.base} } }
`);
    // The first key names another group, the second (the one validated and routed) public-name.
    const r = await proxy.post('/v1/chat/completions', '{"model":"other","messages":[{"role":"user","content":"hi"}],"model":"public-name"}');
    expect(r.status).toBe(200);
    expect(up.seen).toHaveLength(1);
    expect(at(up.seen, 0).json?.model).toBe('upstream-model');
    expect(at(up.seen, 0).body.match(/"model"/g)).toHaveLength(1);
    // Same upstream name as requested: the raw bytes would carry both keys, so they are not forwarded as is.
    const same = await proxy.post('/v1/chat/completions', '{"model":"upstream-model","messages":[{"role":"user","content":"hi"}],"model":"other"}');
    expect(same.status).toBe(200);
    expect(at(up.seen, 1).json?.model).toBe('public-name');
    expect(at(up.seen, 1).body.match(/"model"/g)).toHaveLength(1);
  });
});
