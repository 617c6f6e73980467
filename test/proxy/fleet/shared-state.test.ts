// Fleet mode with a real Redis and real proxies: key limits, deployment usage, failure counts and
// cooldowns shared by two replicas; Redis killed, paused and restarted under traffic.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { skipUnless } from '../../support/skip.js';
import { answers, chatBody, cleanupAll, onCleanup, sendJson, startProxy, startUpstream, type FakeUpstream, type RunningProxy } from '../helpers.js';
import { circuitOf, health, metric, waitRedisUp } from './fleet-helpers.js';
import { redisAvailable, SKIP_MESSAGE, startRedis, waitFor } from './redis-server.js';
import { at } from '../../support/must.js';

afterEach(cleanupAll);

if (!redisAvailable) console.warn(SKIP_MESSAGE);

const KEY = 'sk-fleet-master';

function config(o: { redisPort: number; ns: string; models: string; rateLimit?: string; router?: string; fleet?: string }): string {
  return `
model_list:
${o.models}
router_settings: { redis_host: 127.0.0.1, redis_port: ${o.redisPort}, num_retries: 3${o.router ? `, ${o.router}` : ''} }
general_settings: { master_key: ${KEY} }
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  fleet: { namespace: ${o.ns}, redis_timeout_ms: ${o.fleet ?? 2000} }
${o.rateLimit ? `  rate_limit: ${o.rateLimit}` : ''}
`;
}

async function pair(yaml: string, env?: NodeJS.ProcessEnv): Promise<[RunningProxy, RunningProxy]> {
  const a = await startProxy(yaml, { key: KEY, env });
  const b = await startProxy(yaml, { key: KEY, env });
  await waitRedisUp(a);
  await waitRedisUp(b);
  return [a, b];
}

const ask = (p: RunningProxy, content = 'hi', headers?: Record<string, string>): Promise<Response> =>
  p.post('/v1/chat/completions', { model: 'g', messages: [{ role: 'user', content }] }, headers);

describe('fleet mode: shared state through Redis', skipUnless(redisAvailable, SKIP_MESSAGE), () => {
  it('a per-key limit of N per minute lets exactly N requests through across both replicas (env-referenced Redis)', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const ns = `t${randomUUID().slice(0, 8)}`;
    const yaml = config({
      redisPort: redis.port,
      ns,
      models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }`,
      rateLimit: '{ rpm: 7 }',
    }).replace('redis_host: 127.0.0.1', 'redis_host: os.environ/RM_TEST_FLEET_REDIS_HOST');
    const [a, b] = await pair(yaml, { ...process.env, RM_TEST_FLEET_REDIS_HOST: '127.0.0.1' });
    // A concurrent burst, alternating replicas: only an atomic shared count gets this exactly right.
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(i % 2 === 0 ? a : b, `q${i}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect(statuses.filter((s) => s === 429)).toHaveLength(13);
    expect(up.seen).toHaveLength(7);
    const refused = results.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('x-ratelimit-limit-requests')).toBe('7');
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limit_exceeded');
    // Sequentially too, on either replica: still refused, the fleet's minute is used up.
    expect((await ask(a)).status).toBe(429);
    expect((await ask(b)).status).toBe(429);
    expect(await metric(a.url, 'rainymodel_redis_fallbacks_total')).toBeNaN();

    // Every key is namespaced and expires.
    const client = new Redis({ host: '127.0.0.1', port: redis.port, lazyConnect: true });
    onCleanup(() => void client.disconnect());
    await client.connect();
    const keys = await client.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(k.startsWith(`rainymodel:${ns}:`)).toBe(true);
      expect(await client.pttl(k)).toBeGreaterThan(0);
    }
  });

  it('a deployment cooled down through one replica is skipped by the other; failure counts are fleet-wide', async () => {
    const redis = await startRedis();
    const bad = await startUpstream((_q, res) => sendJson(res, 500, { error: { message: 'boom' } }));
    const good = await startUpstream(answers('good'));
    const models = (badId: string): string => `
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${bad.base}, order: 1 }, model_info: { id: ${badId} } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${good.base}, order: 2 }, model_info: { id: fine } }`;
    // allowed_fails 0: the first failure opens the circuit of the replica that saw it, and the fleet's.
    const [a, b] = await pair(config({ redisPort: redis.port, ns: 'cool', models: models('flaky'), router: 'allowed_fails: 0, cooldown_time: 120' }));
    const first = await ask(a);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-rainymodel-tried')).toBe('flaky:500');
    expect(bad.seen).toHaveLength(1);
    await waitFor('replica B sees the cooldown', async () => {
      await b.server.fleet.sync();
      return circuitOf(await health(b), 'flaky') === 'open';
    });
    const second = await ask(b);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-rainymodel-tried')).toBeNull();
    expect(await second.json()).toMatchObject({ choices: [{ message: { content: 'good' } }] });
    expect(bad.seen).toHaveLength(1);

    // allowed_fails 1 per replica would need 2 failures each; one failure on each replica is 2 for the fleet.
    const [c, d] = await pair(config({ redisPort: redis.port, ns: 'count', models: models('shaky'), router: 'allowed_fails: 1, cooldown_time: 120' }));
    expect((await ask(c)).headers.get('x-rainymodel-tried')).toBe('shaky:500');
    expect(circuitOf(await health(c), 'shaky')).toBe('closed');
    await waitFor('the first failure is counted', async () => (await redisCount(redis.port, 'rainymodel:count:faillog:shaky')) === 1);
    expect((await ask(d)).headers.get('x-rainymodel-tried')).toBe('shaky:500');
    await waitFor('both replicas skip the deployment', async () => {
      await c.server.fleet.sync();
      return circuitOf(await health(c), 'shaky') === 'open' && circuitOf(await health(d), 'shaky') === 'open';
    });
    const seen = bad.seen.length;
    for (const p of [c, d]) expect((await ask(p)).headers.get('x-rainymodel-tried')).toBeNull();
    expect(bad.seen).toHaveLength(seen);
  });

  it('per-deployment rpm counts the whole fleet', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const [a, b] = await pair(config({ redisPort: redis.port, ns: 'usage', models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base}, rpm: 3 }, model_info: { id: capped } }` }));
    for (let i = 0; i < 3; i++) expect((await ask(a, `a${i}`)).status).toBe(200);
    // Usage travels with the background sync; run it now instead of waiting for the interval.
    await a.server.fleet.sync();
    await b.server.fleet.sync();
    const refused = await ask(b, 'b');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('deployments_rate_limited');
    expect(up.seen).toHaveLength(3);
  });

  it('Redis killed under traffic and restarted: every request is answered by the upstream, the fallback is counted, sharing resumes', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const [a, b] = await pair(
      config({
        redisPort: redis.port,
        ns: 'outage',
        models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base}, rpm: 100000 } }`,
        rateLimit: '{ rpm: 100000, tpm: 100000000 }',
        router: 'allowed_fails: 0, cooldown_time: 120',
      }),
    );
    const statuses: number[] = [];
    let traffic = true;
    // Steady traffic on both replicas for the whole outage, so requests land in every phase of it.
    const load = (async () => {
      let i = 0;
      while (traffic) {
        const rs = await Promise.all([ask(a, `l${i}`), ask(b, `l${i}`)]);
        for (const r of rs) {
          statuses.push(r.status);
          await r.arrayBuffer();
        }
        i++;
      }
    })();
    await waitFor('traffic before the outage', () => statuses.length >= 10);
    await redis.stop();
    await waitRedisUp(a, false);
    await waitRedisUp(b, false);
    const during = statuses.length;
    await waitFor('traffic during the outage', () => statuses.length >= during + 20);
    expect(await metric(a.url, 'rainymodel_redis_fallbacks_total', 'op="rate_limit"')).toBeGreaterThan(0);
    expect(await metric(b.url, 'rainymodel_redis_fallbacks_total', 'op="rate_limit"')).toBeGreaterThan(0);
    await redis.start();
    await waitRedisUp(a);
    await waitRedisUp(b);
    const after = statuses.length;
    await waitFor('traffic after the restart', () => statuses.length >= after + 10);
    traffic = false;
    await load;
    expect(statuses.length).toBeGreaterThan(40);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(up.seen).toHaveLength(statuses.length);
    expect(a.logs.records().filter((l) => l.event === 'redis_down')).toHaveLength(1);
    expect(a.logs.records().filter((l) => l.event === 'redis_up')).toHaveLength(2);

    // Sharing resumed: a key's usage counts in the restarted Redis, a cooldown from A reaches B.
    const client = new Redis({ host: '127.0.0.1', port: redis.port, lazyConnect: true });
    onCleanup(() => void client.disconnect());
    await client.connect();
    // Counted under the key's identity (a keyed hash), never its label or the key itself.
    let logs: string[] = [];
    await waitFor('key usage shared again', async () => (logs = await client.keys('rainymodel:outage:rl:req:*')).length > 0 && (await client.zcard(at(logs, 0))) > 0);
    expect(logs).toEqual([expect.stringMatching(/^rainymodel:outage:rl:req:k:[0-9a-f]{32}$/)]);
    up.setHandler((_q, res) => sendJson(res, 503, { error: { message: 'down' } }));
    expect((await ask(a)).status).toBe(502);
    await waitFor('B sees the cooldown A opened', async () => {
      await b.server.fleet.sync();
      return circuitOf(await health(b), 'g:openai/m@' + new URL(up.url).host) === 'open';
    });
  });

  it('a paused (unresponsive) Redis: requests fall back to local limits once it answered nothing for 3 command timeouts, and share again once it answers', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const [a] = await pair(
      config({
        redisPort: redis.port,
        ns: 'slow',
        models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }`,
        rateLimit: '{ rpm: 100000 }',
        fleet: '50',
      }),
    );
    expect((await ask(a)).status).toBe(200);
    redis.pause();
    for (let i = 0; i < 10; i++) expect((await ask(a, `p${i}`)).status).toBe(200);
    expect(await metric(a.url, 'rainymodel_redis_up')).toBe(0);
    // Every one of them was decided by the replica's own limiter.
    expect(await metric(a.url, 'rainymodel_redis_fallbacks_total', 'op="rate_limit"')).toBeGreaterThanOrEqual(10);
    redis.resume();
    await waitRedisUp(a);
    expect((await ask(a)).status).toBe(200);
    expect(up.seen).toHaveLength(12);
  });

  it('Redis down at startup: the proxy starts and serves on local state, and connects once Redis appears', async () => {
    const redis = await startRedis();
    await redis.stop();
    const up = await startUpstream(answers('ok'));
    const p = await startProxy(
      config({ redisPort: redis.port, ns: 'late', models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }`, rateLimit: '{ rpm: 1000 }' }),
      { key: KEY },
    );
    expect(p.logs.records().filter((l) => l.event === 'redis_down')).toHaveLength(1);
    expect((await ask(p)).status).toBe(200);
    expect(await metric(p.url, 'rainymodel_redis_fallbacks_total', 'op="rate_limit"')).toBe(1);
    await redis.start();
    await waitRedisUp(p);
    expect((await ask(p)).status).toBe(200);
    expect(await metric(p.url, 'rainymodel_redis_fallbacks_total', 'op="rate_limit"')).toBe(1);
  });

  it('a reload keeps an unchanged connection, and one without Redis closes it', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const yaml = config({ redisPort: redis.port, ns: 'reload', models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }` });
    const p = await startProxy(yaml, { key: KEY });
    await waitRedisUp(p);
    expect((await p.post('/admin/reload', {})).status).toBe(200);
    expect(p.logs.records().filter((l) => l.event === 'redis_up')).toHaveLength(1);
    expect(p.server.fleet.redisConfigured).toBe(true);
    writeFileSync(p.configPath, `model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]\ngeneral_settings: { master_key: ${KEY} }\n`);
    expect((await p.post('/admin/reload', {})).status).toBe(200);
    expect(p.server.fleet.redisConfigured).toBe(false);
    expect((await ask(p)).status).toBe(200);
  });

  it('without Redis in the config nothing connects and no fleet metric appears', async () => {
    const up = await startUpstream(answers('ok'));
    const p = await startProxy(`model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]`);
    expect((await p.post('/v1/chat/completions', chatBody('g'))).status).toBe(200);
    expect(p.server.fleet.redisConfigured).toBe(false);
    expect(await metric(p.url, 'rainymodel_redis_up')).toBeNaN();
  });
});

async function redisCount(port: number, key: string): Promise<number> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true });
  try {
    await client.connect();
    return await client.zcard(key);
  } finally {
    client.disconnect();
  }
}

export type { FakeUpstream };
