// Issue 16, item 3 with real `rmctl serve` replicas: a key's rate-limit counter belongs to the key, not
// to its position in rainymodel.auth.keys. The documented rotation [A, B] -> [B, A2] with a reload keeps
// B's own counter, and neither Redis nor the logs ever hold a key.
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { skipUnless } from '../../support/skip.js';
import { answers, cleanupAll, startProxy, startUpstream, writeTempFile } from '../helpers.js';
import { chat, fleetConfig, MASTER, redisClient, serveFleet } from './replicas.js';
import { redisAvailable, SKIP_MESSAGE, startRedis } from './redis-server.js';

afterEach(cleanupAll);

if (!redisAvailable) console.warn(SKIP_MESSAGE);

const A = 'sk-alpha-0123456789';
const B = 'sk-bravo-0123456789';
const A2 = 'sk-alpha2-0123456789';

describe('fleet: rate limits count per key identity', { ...skipUnless(redisAvailable, SKIP_MESSAGE), timeout: 120_000 }, () => {
  it('rotation [A, B] -> [B, A2] with a reload on both replicas: B keeps its own count, A2 starts fresh, A is refused', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const models = `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }`;
    const config = writeTempFile(fleetConfig({ redisPort: redis.port, ns: 'rot', models, rateLimit: '{ rpm: 5 }', keys: [A, B] }));
    const [r1, r2] = await serveFleet(config, 2);
    const statuses = async (key: string, n: number, replicaOf: (i: number) => typeof r1): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const r = await chat(replicaOf(i), key, `${key.slice(3, 8)}${i}`);
        out.push(r.status);
        await r.arrayBuffer();
      }
      return out;
    };
    expect(await statuses(A, 6, (i) => (i % 2 === 0 ? r1 : r2))).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await statuses(B, 2, () => r2)).toEqual([200, 200]);

    writeFileSync(config, fleetConfig({ redisPort: redis.port, ns: 'rot', models, rateLimit: '{ rpm: 5 }', keys: [B, A2] }));
    for (const r of [r1, r2]) expect((await r.post('/admin/reload', {}, MASTER)).status).toBe(200);
    // B is key#1 now, where A was: it still has 3 of its own 5 left, on either replica.
    expect(await statuses(B, 4, (i) => (i % 2 === 0 ? r1 : r2))).toEqual([200, 200, 200, 429]);
    expect(await statuses(A2, 5, () => r1)).toEqual([200, 200, 200, 200, 200]);
    expect((await chat(r2, A)).status).toBe(401);
    expect(up.seen).toHaveLength(15);

    const client = await redisClient(redis.port);
    const keys = await client.keys('*');
    const requestLogs = keys.filter((k) => k.startsWith('rainymodel:rot:rl:req:'));
    expect(requestLogs).toHaveLength(3);
    for (const k of requestLogs) expect(k).toMatch(/^rainymodel:rot:rl:req:k:[0-9a-f]{32}$/);
    for (const text of [keys.join('\n'), r1.stdout(), r2.stdout()]) for (const secret of [A, B, A2]) expect(text).not.toContain(secret);
    // Positions are not identities: no counter is named after one.
    expect(keys.join('\n')).not.toContain('key#');
  });
});

describe('per key identity without Redis', () => {
  it('a reload with the rotation keeps each key its own count in the replica\'s memory too', async () => {
    const up = await startUpstream(answers('ok'));
    const models = `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }`;
    const p = await startProxy(fleetConfig({ ns: 'local', models, rateLimit: '{ rpm: 3 }', keys: [A, B] }), { key: MASTER });
    const statuses = async (key: string, n: number): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await p.post('/v1/chat/completions', { model: 'g', messages: [{ role: 'user', content: `${i}` }] }, { authorization: `Bearer ${key}` })).status);
      return out;
    };
    expect(await statuses(A, 4)).toEqual([200, 200, 200, 429]);
    expect(await statuses(B, 1)).toEqual([200]);
    writeFileSync(p.configPath, fleetConfig({ ns: 'local', models, rateLimit: '{ rpm: 3 }', keys: [B, A2] }));
    expect((await p.post('/admin/reload', {})).status).toBe(200);
    expect(await statuses(B, 3)).toEqual([200, 200, 429]);
    expect(await statuses(A2, 3)).toEqual([200, 200, 200]);
  });
});
