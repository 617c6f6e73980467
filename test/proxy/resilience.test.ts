import { afterEach, describe, expect, it } from 'vitest';
import { answers, chatBody, cleanupAll, sendJson, startProxy, startUpstream, type FakeUpstream } from './helpers.js';
import { at } from '../support/must.js';

afterEach(cleanupAll);

const failing = (status: number, headers: Record<string, string> = {}): Promise<FakeUpstream> =>
  startUpstream((_req, res) => sendJson(res, status, { error: { message: `failed with ${status}`, type: 'x' } }, headers));

const pair = (a: string, b: string, extra = ''): string => `
model_list:
  - { model_name: g, litellm_params: { model: openai/first, api_base: ${a}, order: 1 }, model_info: { id: first } }
  - { model_name: g, litellm_params: { model: openai/second, api_base: ${b}, order: 2 }, model_info: { id: second } }
${extra}`;

interface Health {
  deployments: Array<{ id: string; circuit: string; cooldown_remaining_ms: number; last_error: string | null; recent_failures: number }>;
}

describe('retries, fallbacks and cooldowns', () => {
  for (const status of [408, 429, 500, 502, 503, 504]) {
    it(`moves to the next deployment on ${status}`, async () => {
      const bad = await failing(status);
      const good = await startUpstream(answers('ok'));
      const proxy = await startProxy(pair(bad.base, good.base));
      const r = await proxy.post('/v1/chat/completions', chatBody('g'));
      expect(r.status).toBe(200);
      expect(r.headers.get('x-rainymodel-fallback-reason')).toBe(String(status));
      expect(r.headers.get('x-rainymodel-tried')).toBe(`first:${status}`);
      expect(bad.seen).toHaveLength(1);
    });
  }

  for (const status of [400, 413, 422]) {
    it(`returns the client's own ${status} as is, without fallback`, async () => {
      const bad = await failing(status);
      const good = await startUpstream(answers('ok'));
      const proxy = await startProxy(pair(bad.base, good.base));
      const r = await proxy.post('/v1/chat/completions', chatBody('g'));
      expect(r.status).toBe(status);
      const body = (await r.json()) as { error: { message: string } };
      expect(body.error.message).toBe(`failed with ${status}`);
      expect(good.seen).toHaveLength(0);
      const health = (await (await proxy.get('/health')).json()) as Health;
      expect(at(health.deployments, 0).circuit).toBe('closed');
    });
  }

  for (const status of [401, 403]) {
    it(`cools a deployment down after an upstream ${status} (bad key) and uses the next one`, async () => {
      const bad = await failing(status);
      const good = await startUpstream(answers('ok'));
      const proxy = await startProxy(pair(bad.base, good.base, 'router_settings: { allowed_fails: 5, cooldown_time: 1 }'));
      const r = await proxy.post('/v1/chat/completions', chatBody('g'));
      expect(r.status).toBe(200);
      expect(r.headers.get('x-rainymodel-fallback-reason')).toBe(String(status));
      const health = (await (await proxy.get('/health')).json()) as Health;
      expect(at(health.deployments, 0).circuit).toBe('open');
      // Much longer than cooldown_time (1 s): a rejected key does not heal by itself.
      expect(at(health.deployments, 0).cooldown_remaining_ms).toBeGreaterThan(60_000);
      await proxy.post('/v1/chat/completions', chatBody('g'));
      expect(bad.seen).toHaveLength(1);
    });
  }

  it('cools a 429 deployment down for its Retry-After', async () => {
    const limited = await failing(429, { 'retry-after': '120' });
    const good = await startUpstream(answers('ok'));
    const proxy = await startProxy(pair(limited.base, good.base, 'router_settings: { allowed_fails: 5 }'));
    expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(200);
    const health = (await (await proxy.get('/health')).json()) as Health;
    expect(at(health.deployments, 0).circuit).toBe('open');
    expect(at(health.deployments, 0).cooldown_remaining_ms).toBeGreaterThan(100_000);
    expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(200);
    expect(limited.seen).toHaveLength(1);
  });

  it('answers 429 with Retry-After when every upstream is rate limited', async () => {
    const a = await failing(429, { 'retry-after': '7' });
    const b = await failing(429, { 'retry-after': '3' });
    const proxy = await startProxy(pair(a.base, b.base));
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('3');
  });

  it('moves on after a timeout, a reset connection, malformed JSON and a refused connection', async () => {
    const good = await startUpstream(answers('ok'));
    const hang = await startUpstream(() => undefined);
    const reset = await startUpstream((req) => req.socket.destroy());
    const garbage = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"choices": [ not json');
    });
    const closed = await startUpstream(() => undefined);
    await closed.close();
    const cases: Array<[FakeUpstream, string]> = [
      [hang, 'timeout'],
      [reset, 'connect_error'],
      [garbage, 'bad_response'],
      [closed, 'connect_error'],
    ];
    for (const [bad, reason] of cases) {
      const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/first, api_base: ${bad.base}, order: 1, timeout: 0.3 } }
  - { model_name: g, litellm_params: { model: openai/second, api_base: ${good.base}, order: 2 } }
`);
      const r = await proxy.post('/v1/chat/completions', chatBody('g'));
      expect(r.status).toBe(200);
      expect(r.headers.get('x-rainymodel-fallback-reason')).toBe(reason);
    }
  });

  it('answers 502 naming every deployment tried when all fail', async () => {
    const a = await failing(500);
    const b = await failing(503);
    const proxy = await startProxy(pair(a.base, b.base));
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(502);
    expect(r.headers.get('x-rainymodel-tried')).toBe('first:500,second:503');
    const body = (await r.json()) as { error: { message: string; type: string; code: string } };
    expect(body.error.code).toBe('all_upstreams_failed');
    expect(body.error.message).toContain('first (500');
    expect(body.error.message).toContain('second (503');
  });

  it('opens the circuit after allowed_fails, answers 503 while cooling down, and a half-open probe closes it', async () => {
    let healthy = false;
    const up = await startUpstream((req, res, seen) => (healthy ? answers('back')(req, res, seen) : sendJson(res, 500, { error: { message: 'down' } })));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/only, api_base: ${up.base} } }
router_settings: { allowed_fails: 1, cooldown_time: 0.3 }
`);
    expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(502);
    expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(502);
    expect(up.seen).toHaveLength(2);
    const cooled = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(cooled.status).toBe(503);
    expect(Number(cooled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await cooled.json()) as { error: { code: string } }).error.code).toBe('no_healthy_deployment');
    expect(up.seen).toHaveLength(2);
    let health = (await (await proxy.get('/health')).json()) as Health;
    expect(at(health.deployments, 0).circuit).toBe('open');
    const metrics = await (await proxy.get('/metrics')).text();
    expect(metrics).toMatch(/rainymodel_circuit_state\{[^}]*deployment="g:openai\/only@127\.0\.0\.1:\d+"[^}]*\} 1/);
    // Wait (without asserting how long) until the cooldown is over.
    for (let i = 0; i < 200 && at(health.deployments, 0).circuit !== 'half_open'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      health = (await (await proxy.get('/health')).json()) as Health;
    }
    expect(at(health.deployments, 0).circuit).toBe('half_open');
    healthy = true;
    expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(200);
    health = (await (await proxy.get('/health')).json()) as Health;
    expect(at(health.deployments, 0).circuit).toBe('closed');
  });

  it('disable_cooldowns keeps trying a failing deployment', async () => {
    const up = await failing(500);
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/only, api_base: ${up.base} } }
router_settings: { allowed_fails: 0, disable_cooldowns: true }
`);
    for (let i = 0; i < 3; i++) expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(502);
    expect(up.seen).toHaveLength(3);
  });

  it('walks router_settings.fallbacks after the group is exhausted, bounded by max_fallbacks', async () => {
    const bad = await failing(500);
    const fb1 = await failing(503);
    const fb2 = await startUpstream(answers('second-fallback'));
    const config = (max: number): string => `
model_list:
  - { model_name: g, litellm_params: { model: openai/g1, api_base: ${bad.base} } }
  - { model_name: g, litellm_params: { model: openai/g2, api_base: ${bad.base} } }
  - { model_name: f1, litellm_params: { model: openai/f1, api_base: ${fb1.base} } }
  - { model_name: f2, litellm_params: { model: openai/f2, api_base: ${fb2.base} }, model_info: { id: f2-dep } }
router_settings:
  allowed_fails: 100
  max_fallbacks: ${max}
  fallbacks: [{ g: [f1, f2-dep] }]
`;
    const proxy = await startProxy(config(5));
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(200);
    expect(at(((await r.json()) as { choices: Array<{ message: { content: string } }> }).choices, 0).message.content).toBe('second-fallback');
    expect(r.headers.get('x-rainymodel-tried')?.split(',')).toHaveLength(3);
    expect(bad.seen).toHaveLength(2);
    const limited = await startProxy(config(1));
    expect((await limited.post('/v1/chat/completions', chatBody('g'))).status).toBe(502);
    expect(fb2.seen).toHaveLength(1);
  });

  it('uses default_fallbacks when a group has none of its own', async () => {
    const bad = await failing(500);
    const good = await startUpstream(answers('default'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/g, api_base: ${bad.base} } }
  - { model_name: safe, litellm_params: { model: openai/s, api_base: ${good.base} } }
router_settings: { default_fallbacks: [safe] }
`);
    const r = await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }] });
    expect(at(r.choices, 0).message.content).toBe('default');
  });

  it('num_retries bounds the deployments tried inside one group', async () => {
    const a = await failing(500);
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/a, api_base: ${a.base} } }
  - { model_name: g, litellm_params: { model: openai/b, api_base: ${a.base} } }
  - { model_name: g, litellm_params: { model: openai/c, api_base: ${a.base} } }
router_settings: { num_retries: 1, allowed_fails: 100 }
`);
    expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(502);
    expect(a.seen).toHaveLength(2);
  });

  it('aborts the upstream request when the client disconnects (non-streaming)', async () => {
    const up = await startUpstream(() => undefined);
    const proxy = await startProxy(pair(up.base, up.base));
    const ac = new AbortController();
    const pending = fetch(`${proxy.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify(chatBody('g')), headers: { 'content-type': 'application/json' }, signal: ac.signal }).catch(() => 'aborted');
    await up.untilSeen(1);
    ac.abort();
    expect(await pending).toBe('aborted');
    await up.untilAborted(1);
    expect(up.aborted).toBe(1);
    // The disconnect is not a failure: no fallback attempt was made (the request line is written when the
    // proxy is done with the request, so every attempt it made has reached the upstream by then).
    await proxy.logs.waitFor((l) => l.event === 'request');
    expect(up.seen).toHaveLength(1);
  });
});
