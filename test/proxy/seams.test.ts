// The proxy's extension points, driven over real sockets: a route added to the route table and the
// per-attempt observer hook.
import { afterEach, describe, expect, it } from 'vitest';
import { answers, cleanupAll, sendJson, startProxy, startUpstream } from './helpers.js';
import type { AttemptEvent } from '../../src/proxy/attempt/observers.js';

afterEach(cleanupAll);

const pair = (a: string, b: string): string => `
model_list:
  - { model_name: g, litellm_params: { model: openai/first, api_base: ${a}, order: 1 }, model_info: { id: first } }
  - { model_name: g, litellm_params: { model: openai/second, api_base: ${b}, order: 2 }, model_info: { id: second } }
`;

describe('the route table', () => {
  it('serves a route registered after start-up, behind the same key check', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`${pair(up.base, up.base)}general_settings: { master_key: sk-test-master }\n`, { key: 'sk-test-master' });
    proxy.server.routes.add({ method: 'GET', path: '/test/ping/*', access: 'key', handler: (r, m) => void r.res.end(`pong ${m.rest}`) });
    const ok = await proxy.get('/test/ping/a/b');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('pong a/b');
    const denied = await fetch(`${proxy.url}/test/ping/x`);
    expect(denied.status).toBe(401);
  });
});

describe('attempt observers', () => {
  it('hear every attempt: deployment, outcome, status, failure class and latency', async () => {
    const bad = await startUpstream((_req, res) => sendJson(res, 503, { error: { message: 'busy' } }));
    const good = await startUpstream(answers('ok'));
    const proxy = await startProxy(pair(bad.base, good.base));
    const events: AttemptEvent[] = [];
    const remove = proxy.server.attempts.add((e) => events.push(e));
    const r = await proxy.post('/v1/chat/completions', { model: 'g', messages: [{ role: 'user', content: 'hi' }] });
    expect(r.status).toBe(200);
    expect(events.map((e) => [e.deploymentId, e.outcome, e.status, e.failureClass])).toEqual([
      ['first', 'failed', 503, '5xx'],
      ['second', 'served', 200, undefined],
    ]);
    for (const e of events) expect(e.latencyMs).toBeGreaterThanOrEqual(0);
    remove();
    await proxy.post('/v1/chat/completions', { model: 'g', messages: [{ role: 'user', content: 'hi' }] });
    expect(events).toHaveLength(2);
  });
});
