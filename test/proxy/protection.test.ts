import { afterEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { answers, chatBody, cleanupAll, startProxy, startUpstream, writeTempFile, captureLogger } from './helpers.js';
import { ConfigLoadError, ProxyServer } from '../../src/proxy/server.js';
import { at } from '../support/must.js';

afterEach(cleanupAll);

const MASTER = 'sk-master-0123456789';
const ROTATED = 'sk-rotated-abcdef';

describe('protection', () => {
  it('requires a configured key (master or rainymodel.auth.keys); liveliness stays open', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }
general_settings: { master_key: ${MASTER} }
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  auth: { keys: [${ROTATED}] }
`);
    const none = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify(chatBody('g')) });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { type: string } }).error.type).toBe('authentication_error');
    await expect(proxy.client('sk-wrong').chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    for (const key of [MASTER, ROTATED]) {
      const c = await proxy.client(key).chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }] });
      expect(at(c.choices, 0).message.content).toBe('ok');
    }
    expect((await fetch(`${proxy.url}/v1/models`)).status).toBe(401);
    expect((await fetch(`${proxy.url}/health`)).status).toBe(401);
    expect((await fetch(`${proxy.url}/health/liveliness`)).status).toBe(200);
    expect((await fetch(`${proxy.url}/health/readiness`)).status).toBe(200);
    expect(up.seen).toHaveLength(2);
  });

  it('says loudly when auth is off', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]`);
    const warn = proxy.logs.records().find((l) => l.event === 'auth_disabled');
    expect(warn?.level).toBe(40);
    expect(String(warn?.msg)).toContain('AUTH DISABLED');
  });

  it('never writes keys or Authorization headers to logs, metrics or error messages', async () => {
    process.env.RM_TEST_UPSTREAM_KEY = 'sk-upstream-very-secret';
    const bad = await startUpstream((_q, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"internal"}}');
    });
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${bad.base}, api_key: os.environ/RM_TEST_UPSTREAM_KEY } }
general_settings: { master_key: ${MASTER} }
`, { key: MASTER });
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(502);
    const errorText = await r.text();
    expect(at(bad.seen, 0).headers.authorization).toBe('Bearer sk-upstream-very-secret');
    const health = await (await proxy.get('/health')).text();
    const metrics = (await (await proxy.get('/metrics')).text()) + (await (await proxy.get('/metrics/json')).text()) + (await (await proxy.get('/v1/metrics/providers')).text());
    await proxy.post('/v1/chat/completions', '{not json');
    await fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer sk-attacker-guess' }, body: '{}' });
    // The request lines of the 502 and of the malformed body (a refused key is answered before logging).
    await proxy.logs.waitFor((l) => l.event === 'request', 2);
    const everything = [errorText, health, metrics, ...proxy.logs.lines].join('\n');
    for (const secret of [MASTER, 'sk-upstream-very-secret', 'sk-attacker-guess']) expect(everything).not.toContain(secret);
    expect(proxy.logs.records().some((l) => l.event === 'request' && l.key === 'master')).toBe(true);
    delete process.env.RM_TEST_UPSTREAM_KEY;
  });

  it('rate limits per key with 429, Retry-After and x-ratelimit-* headers', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]
general_settings: { master_key: ${MASTER} }
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  auth: { keys: [${ROTATED}] }
  rate_limit: { rpm: 2 }
`, { key: MASTER });
    const first = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(200);
    const third = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(third.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(((await third.json()) as { error: { type: string } }).error.type).toBe('rate_limit_error');
    // Another key has its own budget.
    expect((await proxy.post('/v1/chat/completions', chatBody('g'), { authorization: `Bearer ${ROTATED}` })).status).toBe(200);
    expect(up.seen).toHaveLength(3);
    expect(await (await proxy.get('/metrics')).text()).toMatch(/rainymodel_rate_limit_rejections_total\{scope="key"\} 1/);
  });

  it('rate limits per key on tokens (tpm)', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  rate_limit: { tpm: 10 }
`);
    // The fake upstream reports 12 tokens per answer: the first request spends the whole budget.
    expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(200);
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(429);
    expect(r.headers.get('x-ratelimit-limit-tokens')).toBe('10');
  });

  it('respects per-deployment rpm when choosing deployments', async () => {
    const small = await startUpstream(answers('small'));
    const big = await startUpstream(answers('big'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${small.base}, rpm: 1, order: 1 } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${big.base}, order: 2 } }
  - { model_name: solo, litellm_params: { model: openai/m, api_base: ${small.base}, rpm: 1 } }
`);
    for (let i = 0; i < 3; i++) await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(small.seen).toHaveLength(1);
    expect(big.seen).toHaveLength(2);
    expect((await proxy.post('/v1/chat/completions', chatBody('solo'))).status).toBe(200);
    const over = await proxy.post('/v1/chat/completions', chatBody('solo'));
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).not.toBeNull();
  });

  it('refuses bodies over max_request_size_mb with 413', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]
general_settings: { max_request_size_mb: 0.001 }
`);
    const r = await proxy.post('/v1/chat/completions', chatBody('g', { messages: [{ role: 'user', content: 'x'.repeat(5000) }] }));
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('request_too_large');
    expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(200);
    expect(up.seen).toHaveLength(1);
  });

  it('validates the request JSON and names the field', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]`);
    const cases: Array<[unknown, string]> = [
      ['{"model": "g", "messages": [', '(body)'],
      [{ messages: [{ role: 'user', content: 'x' }] }, 'model'],
      [{ model: 'g' }, 'messages'],
      [{ model: 'g', messages: [{ role: 'user', content: 'x' }, { content: 'no role' }] }, 'messages[1].role'],
      [{ model: 'g', messages: [{ role: 'user', content: 'x' }], temperature: 'hot' }, 'temperature'],
      [{ model: 'g', messages: [{ role: 'user', content: 'x' }], stream: 'yes' }, 'stream'],
      [{ model: 'g', messages: [{ role: 'user', content: 'x' }], max_tokens: -1 }, 'max_tokens'],
    ];
    for (const [body, field] of cases) {
      const r = await proxy.post('/v1/chat/completions', body);
      expect(r.status).toBe(400);
      const e = ((await r.json()) as { error: { message: string; param: string | null } }).error;
      if (field === '(body)') expect(e.message).toContain('not valid JSON');
      else expect(e.param).toBe(field);
    }
    const emb = await proxy.post('/v1/embeddings', { model: 'g' });
    expect(((await emb.json()) as { error: { param: string } }).error.param).toBe('input');
    expect(up.seen).toHaveLength(0);
  });

  it('answers CORS only for allowed origins', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  cors: { allow_origins: ["https://app.example.com"] }
`);
    const pre = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    const denied = await fetch(`${proxy.url}/v1/chat/completions`, { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' } });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const ok = await proxy.post('/v1/chat/completions', chatBody('g'), { origin: 'https://app.example.com' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(ok.headers.get('access-control-expose-headers')).toContain('x-rainymodel-route');
    const other = await proxy.post('/v1/chat/completions', chatBody('g'), { origin: 'https://evil.example.com' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('resolves os.environ/VAR and ${VAR:-default} at load', async () => {
    const up = await startUpstream(answers('ok'));
    const port = new URL(up.url).port;
    const env = { ...process.env, RM_T_PORT: port, RM_T_KEY: 'sk-from-env', RM_T_MASTER: MASTER };
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: "http://\${RM_T_HOST:-127.0.0.1}:\${RM_T_PORT}/v1", api_key: os.environ/RM_T_KEY } }
  - { model_name: g, litellm_params: { model: openai/n, api_base: ${up.base}, api_key: os.environ/RM_T_UNSET_KEY, order: 1 } }
general_settings: { master_key: os.environ/RM_T_MASTER }
`, { env, key: MASTER });
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(200);
    expect(at(up.seen, 0).headers.authorization).toBe('Bearer sk-from-env');
    // The deployment whose key variable is unset is disabled, visibly, rather than sent without a key.
    const health = (await (await proxy.get('/health')).json()) as { deployments: Array<{ circuit: string; disabled_reason: string | null }> };
    expect(at(health.deployments, 1).circuit).toBe('disabled');
    expect(at(health.deployments, 1).disabled_reason).toContain('RM_T_UNSET_KEY');
    expect(proxy.logs.records().some((l) => String(l.msg).includes('RM_T_UNSET_KEY'))).toBe(true);
  });

  it('refuses to start on a file that fails the schema, or with an unset master key variable', async () => {
    const { logger } = captureLogger();
    const bad = writeTempFile('model_list:\n  - model_name: g\n    litellm_params: { api_base: http://x }\nrouter_settings: { routing_strategy: fastest }\n');
    const err = await ProxyServer.create({ configPath: bad, logger }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigLoadError);
    const diags = (err as ConfigLoadError).diagnostics;
    expect(diags.some((d) => d.message.includes('"model"') && d.line === 3)).toBe(true);
    expect(diags.some((d) => d.pointer === '/router_settings/routing_strategy' && d.message.includes('simple-shuffle'))).toBe(true);
    const unset = writeTempFile('model_list: [{ model_name: g, litellm_params: { model: openai/m } }]\ngeneral_settings: { master_key: os.environ/RM_T_NOT_SET_MASTER }\n');
    const err2 = await ProxyServer.create({ configPath: unset, logger, env: {} }).catch((e: unknown) => e);
    expect((err2 as ConfigLoadError).message).toContain('RM_T_NOT_SET_MASTER');
  });
});
