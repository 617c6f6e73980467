// Issue 16, items 1, 2 and 5 with real `rmctl serve` replicas on one real Redis: a key's rpm and a
// deployment's rpm are exact under bursts with 2 and 3 replicas at the default command timeout; a slow
// Redis (DEBUG SLEEP) is waited for, not declared down; when a replica must decide alone, its window
// already holds what it admitted through Redis and its 429 says when the window really has room.
import { afterEach, describe, expect, it } from 'vitest';
import { skipUnless } from '../../support/skip.js';
import { answers, cleanupAll, startUpstream, writeTempFile } from '../helpers.js';
import { metric } from './fleet-helpers.js';
import { burst, chat, events, fleetConfig, MASTER, redisClient, serveFleet } from './replicas.js';
import { redisAvailable, SKIP_MESSAGE, startRedis, waitFor } from './redis-server.js';

afterEach(cleanupAll);

if (!redisAvailable) console.warn(SKIP_MESSAGE);

const count = (rs: Array<{ status: number }>, status: number): number => rs.filter((r) => r.status === status).length;

describe('fleet limits are exact under bursts (real replicas, default redis_timeout_ms)', { ...skipUnless(redisAvailable, SKIP_MESSAGE), timeout: 120_000 }, () => {
  it.each([2, 3])('key rpm 30, 90 requests at once over %i replicas: exactly 30 admitted, Redis never declared down', async (n) => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const config = writeTempFile(fleetConfig({ redisPort: redis.port, ns: `key${n}`, models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }`, rateLimit: '{ rpm: 30 }' }));
    const replicas = await serveFleet(config, n);
    const results = await burst(replicas, 90, MASTER);
    expect(count(results, 200)).toBe(30);
    expect(count(results, 429)).toBe(60);
    expect(up.seen).toHaveLength(30);
    for (const r of results.filter((x) => x.status === 429)) {
      // The fleet's window: the oldest of the 30 leaves a minute after it came, not a token in 2 s.
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(30);
      expect(r.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    }
    for (const r of replicas) {
      expect(events(r, 'redis_down')).toBe(0);
      expect(await metric(r.url, 'rainymodel_redis_fallbacks_total')).toBeNaN();
      expect(r.stderr()).toBe('');
    }
  });

  it.each([2, 3])('deployment rpm 30, 90 requests at once over %i replicas: exactly 30 reach the upstream', async (n) => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const config = writeTempFile(fleetConfig({ redisPort: redis.port, ns: `dep${n}`, models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base}, rpm: 30 }, model_info: { id: capped } }` }));
    const replicas = await serveFleet(config, n);
    const results = await burst(replicas, 90, MASTER);
    expect(count(results, 200)).toBe(30);
    expect(up.seen).toHaveLength(30);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(60);
    for (const r of refused) {
      expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'deployments_rate_limited' } });
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(30);
    }
    for (const r of replicas) expect(events(r, 'redis_down')).toBe(0);
  });

  it('a Redis busy for 400 ms (DEBUG SLEEP) during a burst is waited for: exact count, no redis_down', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const config = writeTempFile(fleetConfig({ redisPort: redis.port, ns: 'slow', models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }`, rateLimit: '{ rpm: 20 }' }));
    const replicas = await serveFleet(config, 2);
    const client = await redisClient(redis.port);
    const [, results] = await Promise.all([client.call('DEBUG', 'SLEEP', '0.4'), burst(replicas, 60, MASTER)]);
    expect(count(results, 200)).toBe(20);
    expect(count(results, 429)).toBe(40);
    for (const r of replicas) {
      expect(events(r, 'redis_down')).toBe(0);
      expect(await metric(r.url, 'rainymodel_redis_up')).toBe(1);
      expect(await metric(r.url, 'rainymodel_redis_fallbacks_total')).toBeNaN();
    }
  });

  it('Redis gone: a replica decides alone from a window that holds what it admitted through Redis; its 429 waits for the window', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const config = writeTempFile(fleetConfig({ redisPort: redis.port, ns: 'alone', models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }`, rateLimit: '{ rpm: 5 }' }));
    const [a] = await serveFleet(config, 1);
    for (let i = 0; i < 3; i++) expect((await chat(a, MASTER, `shared${i}`)).status).toBe(200);
    await redis.stop();
    await waitFor('replica on local state', async () => (await metric(a.url, 'rainymodel_redis_up')) === 0);
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 4; i++) {
      const r = await chat(a, MASTER, `alone${i}`);
      statuses.push(r.status);
      if (r.status === 429) refused ??= r;
      else await r.arrayBuffer();
    }
    // 3 went through Redis, so only 2 more fit the replica's own minute.
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(30);
    expect(await metric(a.url, 'rainymodel_redis_fallbacks_total', 'op="rate_limit"')).toBe(4);
    expect(up.seen).toHaveLength(5);
  });
});
