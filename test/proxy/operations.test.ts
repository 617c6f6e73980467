import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { answers, chatBody, cleanupAll, sendJson, startProxy, startUpstream, streamChunks } from './helpers.js';
import { at, must } from '../support/must.js';

afterEach(cleanupAll);

const MASTER = 'sk-admin-master-key';
const KEY2 = 'sk-plain-user-key';

const config = (base: string, upstreamModel: string): string => `
model_list:
  - { model_name: g, litellm_params: { model: openai/${upstreamModel}, api_base: ${base} }, model_info: { provider: box, tier: internal } }
general_settings: { master_key: ${MASTER} }
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  auth: { keys: [${KEY2}] }
`;

describe('operations', () => {
  it('echoes a client x-request-id and logs one structured line per request', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(config(up.base, 'm1'), { key: MASTER });
    const r = await proxy.post('/v1/chat/completions', chatBody('g'), { 'x-request-id': 'trace-123' });
    expect(r.headers.get('x-request-id')).toBe('trace-123');
    const generated = await proxy.post('/v1/chat/completions', chatBody('g'));
    const genId = generated.headers.get('x-request-id');
    expect(genId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = await proxy.logs.waitFor((l) => l.event === 'request', 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ req_id: 'trace-123', status: 200, route: 'internal', upstream: 'box', upstream_model: 'm1', group: 'g', prompt_tokens: 5, completion_tokens: 7, key: 'master' });
    expect(typeof at(lines, 0).latency_ms).toBe('number');
    expect(at(lines, 1).req_id).toBe(genId);
  });

  it('exposes Prometheus metrics, /metrics/json and per-provider stats', async () => {
    let fail = true;
    const up = await startUpstream((req, res, seen) => (fail ? sendJson(res, 429, { error: { message: 'slow down' } }) : answers('ok')(req, res, seen)));
    const other = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base}, order: 1 }, model_info: { provider: alpha, id: a1 } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${other.base}, order: 2 }, model_info: { provider: beta, id: b1 } }
router_settings: { allowed_fails: 100 }
`);
    await proxy.post('/v1/chat/completions', chatBody('g'));
    fail = false;
    await proxy.post('/v1/chat/completions', chatBody('g'));
    const text = await (await proxy.get('/metrics')).text();
    for (const name of [
      'rainymodel_requests_total',
      'rainymodel_request_duration_seconds_bucket',
      'rainymodel_upstream_requests_total',
      'rainymodel_upstream_latency_seconds_bucket',
      'rainymodel_proxy_overhead_seconds_bucket',
      'rainymodel_circuit_state',
      'rainymodel_in_flight_requests',
      'rainymodel_rate_limit_rejections_total',
      'rainymodel_fallbacks_total',
      'rainymodel_tokens_total',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/rainymodel_upstream_requests_total\{model_group="g",deployment="a1",provider="alpha",tier="internal",outcome="429"\} 1/);
    expect(text).toMatch(/rainymodel_requests_total\{model_group="g",status="200"\} 2/);
    const json = (await (await proxy.get('/metrics/json')).json()) as Array<{ name: string }>;
    expect(json.map((m) => m.name)).toContain('rainymodel_requests_total');
    const providers = (await (await proxy.get('/v1/metrics/providers')).json()) as {
      providers: Record<string, { requests: number; successes: number; failures: Record<string, number>; success_ratio: number; latency_ms: { p50: number | null }; circuit: string }>;
    };
    expect(providers.providers.alpha).toMatchObject({ requests: 2, successes: 1, success_ratio: 0.5, circuit: 'closed' });
    const alpha = must(providers.providers.alpha, 'provider alpha in /v1/metrics/providers');
    expect(alpha.failures['429']).toBe(1);
    expect(alpha.latency_ms.p50).not.toBeNull();
    expect(providers.providers.beta).toMatchObject({ requests: 1, successes: 1 });
  });

  it('reloads on POST /admin/reload (master key only); an invalid file is rejected and the old table keeps serving', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(config(up.base, 'before'), { key: MASTER });
    expect((await proxy.post('/admin/reload', {}, { authorization: `Bearer ${KEY2}` })).status).toBe(403);
    expect((await fetch(`${proxy.url}/admin/reload`, { method: 'POST' })).status).toBe(401);

    writeFileSync(proxy.configPath, config(up.base, 'after'));
    const ok = await proxy.post('/admin/reload', {});
    expect(ok.status).toBe(200);
    await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(up.seen.at(-1)?.json?.model).toBe('after');

    writeFileSync(proxy.configPath, 'model_list: []\n');
    const bad = await proxy.post('/admin/reload', {});
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string }; diagnostics: Array<{ pointer: string }> };
    expect(body.error.code).toBe('invalid_config');
    expect(at(body.diagnostics, 0).pointer).toBe('/model_list');
    expect(proxy.logs.records().some((l) => l.event === 'reload_rejected')).toBe(true);
    const still = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(still.status).toBe(200);
    expect(up.seen.at(-1)?.json?.model).toBe('after');
  });

  it('names the file it serves in /health/readiness (config_sha256), so a deploy can tell a reload took', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(config(up.base, 'before'), { key: MASTER });
    const sha = (): string => createHash('sha256').update(readFileSync(proxy.configPath)).digest('hex');
    const readiness = async (): Promise<{ status: string; config_sha256: string }> =>
      (await (await fetch(`${proxy.url}/health/readiness`)).json()) as { status: string; config_sha256: string };
    const first = sha();
    expect(await readiness()).toMatchObject({ status: 'ready', config_sha256: first });
    writeFileSync(proxy.configPath, config(up.base, 'after'));
    expect((await readiness()).config_sha256).toBe(first);
    expect((await proxy.post('/admin/reload', {})).status).toBe(200);
    expect((await readiness()).config_sha256).toBe(sha());
    expect(sha()).not.toBe(first);
  });

  it('finishes an in-flight stream on the old table across a reload', async () => {
    let release: (() => void) | undefined;
    const up = await startUpstream((_req, res, seen) => {
      const model = String(seen.json?.model);
      if (model === 'old') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta: { content: 'old-1 ' }, finish_reason: null }] })}\n\n`);
        release = () => streamChunks(res, model, ['old-2'], {});
      } else answers('new')(_req, res, seen);
    });
    const proxy = await startProxy(config(up.base, 'old'), { key: MASTER });
    const stream = await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }], stream: true });
    const it = stream[Symbol.asyncIterator]();
    expect((await it.next()).value?.choices[0].delta.content).toBe('old-1 ');
    writeFileSync(proxy.configPath, config(up.base, 'new'));
    expect((await proxy.post('/admin/reload', {})).status).toBe(200);
    const fresh = await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }] });
    expect(at(fresh.choices, 0).message.content).toBe('new');
    release?.();
    let rest = '';
    for (let n = await it.next(); !n.done; n = await it.next()) rest += n.value.choices[0]?.delta?.content ?? '';
    expect(rest).toBe('old-2');
  });

  it('drains in-flight requests on shutdown and reports not ready meanwhile', async () => {
    let finish: (() => void) | undefined;
    const up = await startUpstream((req, res, seen) => {
      finish = () => answers('drained')(req, res, seen);
    });
    const proxy = await startProxy(config(up.base, 'm'), { key: MASTER });
    const pending = proxy.post('/v1/chat/completions', chatBody('g'));
    await up.untilSeen(1);
    const stopped = proxy.server.shutdown();
    let done = false;
    void stopped.then(() => (done = true));
    // Shutdown saw the request in flight and waits for it.
    const [draining] = await proxy.logs.waitFor((l) => l.event === 'draining');
    expect(draining).toMatchObject({ in_flight: 1 });
    expect(done).toBe(false);
    finish?.();
    const r = await pending;
    expect(r.status).toBe(200);
    expect(at(((await r.json()) as { choices: Array<{ message: { content: string } }> }).choices, 0).message.content).toBe('drained');
    await stopped;
    await expect(fetch(`${proxy.url}/health/liveliness`)).rejects.toThrow();
  });

  it('reports per-deployment state on /health', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} }, model_info: { id: dep-1, provider: box, tier: free } }
  - { model_name: g, litellm_params: { model: bedrock/anthropic.claude-v2 }, model_info: { id: dep-2 } }
`);
    const h = (await (await proxy.get('/health')).json()) as { status: string; healthy_count: number; deployments: Array<Record<string, unknown>> };
    expect(h.status).toBe('healthy');
    expect(h.healthy_count).toBe(1);
    expect(h.deployments[0]).toMatchObject({ id: 'dep-1', model_name: 'g', provider: 'box', tier: 'free', circuit: 'closed', in_flight: 0, api_base: up.base });
    expect(h.deployments[1]).toMatchObject({ id: 'dep-2', circuit: 'disabled' });
    expect(String(at(h.deployments, 1).disabled_reason)).toContain('bedrock');
  });

  it('survives garbage from clients and upstreams without crashing', async () => {
    const up = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[1,2,3]');
    });
    const proxy = await startProxy(`model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]`);
    expect((await proxy.post('/v1/chat/completions', chatBody('g'))).status).toBe(502);
    expect((await proxy.post('/v1/chat/completions', 'null')).status).toBe(400);
    expect((await proxy.post('/v1/chat/completions', '\u0000\u0001')).status).toBe(400);
    expect((await proxy.get('/v1/chat/completions')).status).toBe(405);
    expect((await proxy.get('/nope')).status).toBe(404);
    expect((await proxy.get('/health/liveliness')).status).toBe(200);
  });
});
