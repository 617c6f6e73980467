// Issue 16, items 4 and 7 with real `rmctl serve` replicas: what a replica decided or saw while Redis was
// paused or gone reaches Redis when it answers again (cooldowns, failures, key admissions), and a
// cooldown reaches the other replicas over pub/sub without waiting for a poll.
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { skipUnless } from '../../support/skip.js';
import { answers, cleanupAll, sendJson, startUpstream, writeTempFile, type FakeUpstream } from '../helpers.js';
import { metric } from './fleet-helpers.js';
import { chat, circuit, fleetConfig, MASTER, redisClient, serveFleet, type Replica } from './replicas.js';
import { redisAvailable, SKIP_MESSAGE, startRedis, waitFor } from './redis-server.js';

afterEach(cleanupAll);

if (!redisAvailable) console.warn(SKIP_MESSAGE);

async function flakyAndFine(): Promise<{ bad: FakeUpstream; good: FakeUpstream; models: string }> {
  const bad = await startUpstream((_q, res) => sendJson(res, 500, { error: { message: 'boom' } }));
  const good = await startUpstream(answers('good'));
  const models = `
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${bad.base}, order: 1 }, model_info: { id: flaky } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${good.base}, order: 2 }, model_info: { id: fine } }`;
  return { bad, good, models };
}

/** B never sent anything to flaky; once it knows the cooldown, none of its requests go there. */
async function expectSkipped(b: Replica, bad: FakeUpstream): Promise<void> {
  await waitFor('replica B has the cooldown', async () => (await circuit(b, MASTER, 'flaky')) === 'open', 20_000);
  const seen = bad.seen.length;
  for (let i = 0; i < 10; i++) {
    const r = await chat(b, MASTER, `b${i}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-rainymodel-tried')).toBeNull();
    await r.arrayBuffer();
  }
  expect(bad.seen).toHaveLength(seen);
}

describe('fleet: what happened during a Redis blip reaches Redis', { ...skipUnless(redisAvailable, SKIP_MESSAGE), timeout: 120_000 }, () => {
  it('a cooldown opened while Redis was paused (SIGSTOP) reaches the other replica once it answers', async () => {
    const redis = await startRedis();
    const { bad, models } = await flakyAndFine();
    const config = writeTempFile(fleetConfig({ redisPort: redis.port, ns: 'pause', models, router: 'allowed_fails: 0, cooldown_time: 120, num_retries: 2' }));
    const [a, b] = await serveFleet(config, 2);
    redis.pause();
    const first = await chat(a, MASTER, 'during the pause');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-rainymodel-tried')).toBe('flaky:500');
    redis.resume();
    await expectSkipped(b, bad);
    expect(bad.seen).toHaveLength(1);
  });

  it('a cooldown opened while Redis was gone is replayed into the restarted Redis; the other replica gets it', async () => {
    const redis = await startRedis();
    const { bad, models } = await flakyAndFine();
    const config = writeTempFile(fleetConfig({ redisPort: redis.port, ns: 'gone', models, router: 'allowed_fails: 0, cooldown_time: 120, num_retries: 2' }));
    const [a, b] = await serveFleet(config, 2);
    await redis.stop();
    for (const r of [a, b]) await waitFor('local state', async () => (await metric(r.url, 'rainymodel_redis_up')) === 0);
    expect((await chat(a, MASTER, 'during the outage')).headers.get('x-rainymodel-tried')).toBe('flaky:500');
    expect(await metric(a.url, 'rainymodel_redis_fallbacks_total', 'op="failure"')).toBe(1);
    await redis.start();
    await expectSkipped(b, bad);
    expect(bad.seen).toHaveLength(1);
  });

  it('key admissions decided locally while Redis was gone count in the fleet window afterwards', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const config = writeTempFile(fleetConfig({ redisPort: redis.port, ns: 'admit', models: `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }`, rateLimit: '{ rpm: 5 }' }));
    const [a, b] = await serveFleet(config, 2);
    await redis.stop();
    await waitFor('local state', async () => (await metric(a.url, 'rainymodel_redis_up')) === 0);
    for (let i = 0; i < 3; i++) expect((await chat(a, MASTER, `local${i}`)).status).toBe(200);
    await redis.start();
    const client = await redisClient(redis.port);
    await waitFor('the 3 local admissions replayed', async () => {
      const [log] = await client.keys('rainymodel:admit:rl:req:*');
      return log !== undefined && (await client.zcard(log)) === 3;
    }, 20_000);
    await waitFor('B shares again', async () => (await metric(b.url, 'rainymodel_redis_up')) === 1, 20_000);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await chat(b, MASTER, `b${i}`)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(up.seen).toHaveLength(5);
  });

  it('a cooldown is pushed over pub/sub: the other replica has it with polling effectively off', async () => {
    const redis = await startRedis();
    const { bad, models } = await flakyAndFine();
    const config = writeTempFile(fleetConfig({ redisPort: redis.port, ns: 'push', models, router: 'allowed_fails: 0, cooldown_time: 120, num_retries: 2', fleet: 'sync_interval_ms: 3600000' }));
    const [a, b] = await serveFleet(config, 2);
    expect((await chat(a, MASTER, 'opens it')).headers.get('x-rainymodel-tried')).toBe('flaky:500');
    await expectSkipped(b, bad);
    // A reload re-subscribes under the new namespace: a cooldown there still reaches B.
    const reloaded = fleetConfig({ redisPort: redis.port, ns: 'push2', models, router: 'allowed_fails: 0, cooldown_time: 120, num_retries: 2', fleet: 'sync_interval_ms: 3600000' });
    writeFileSync(config, reloaded.replaceAll('flaky', 'flaky2'));
    for (const r of [a, b]) expect((await r.post('/admin/reload', {}, MASTER)).status).toBe(200);
    expect((await chat(a, MASTER, 'opens the new one')).headers.get('x-rainymodel-tried')).toBe('flaky2:500');
    await waitFor('B has the new cooldown', async () => (await circuit(b, MASTER, 'flaky2')) === 'open', 20_000);
  });
});
