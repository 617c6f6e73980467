// Issue 16, item 6 with real `rmctl serve` processes: one circuit rule with and without Redis. A deployment
// that fails every other request with allowed_fails 3 opens at its 4th failure within the window (the 7th
// request), whether one replica counts alone, one counts through Redis, or two share the count.
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { skipUnless } from '../../support/skip.js';
import { answers, cleanupAll, sendJson, startUpstream, writeTempFile, type UpstreamHandler } from '../helpers.js';
import { chat, circuit, fleetConfig, MASTER, redisClient, serveFleet, serveReplica, type Replica } from './replicas.js';
import { redisAvailable, SKIP_MESSAGE, startRedis, waitFor } from './redis-server.js';
import { at } from '../../support/must.js';

afterEach(cleanupAll);

if (!redisAvailable) console.warn(SKIP_MESSAGE);

/** Every odd request fails with a 500, every even one succeeds. */
function everyOtherFails(): UpstreamHandler {
  let n = 0;
  const ok = answers('ok');
  return (req, res, seen) => (++n % 2 === 1 ? sendJson(res, 500, { error: { message: 'flaky' } }) : ok(req, res, seen));
}

const EXPECTED = [502, 200, 502, 200, 502, 200, 502, 503, 503, 503, 503, 503];

/**
 * 12 requests one after the other, spread over the replicas. With Redis, after each failure it waits until
 * the fleet has it (the failure log grew, or the cooldown opened and every replica has it), so the outcome
 * is a count, not a race.
 */
async function run(replicas: Replica[], redis?: { client: Redis; ns: string }): Promise<number[]> {
  const statuses: number[] = [];
  let failures = 0;
  for (let i = 0; i < EXPECTED.length; i++) {
    const r = await chat(at(replicas, i % replicas.length), MASTER, `q${i}`);
    statuses.push(r.status);
    await r.arrayBuffer();
    if (r.status !== 502 || !redis) continue;
    failures++;
    await waitFor('the fleet has the failure', async () => {
      if ((await redis.client.zscore(`rainymodel:${redis.ns}:cooldowns`, 'half')) !== null) {
        for (const p of replicas) if ((await circuit(p, MASTER, 'half')) !== 'open') return false;
        return true;
      }
      return (await redis.client.zcard(`rainymodel:${redis.ns}:faillog:half`)) === failures;
    });
  }
  return statuses;
}

const models = (base: string): string => `  - { model_name: g, litellm_params: { model: openai/m, api_base: ${base} }, model_info: { id: half } }`;
const router = 'allowed_fails: 3, cooldown_time: 120, num_retries: 0';

describe('one circuit rule, without Redis', { timeout: 120_000 }, () => {
  it('a success between failures does not reset the count; the 4th failure opens the circuit', async () => {
    const up = await startUpstream(everyOtherFails());
    const p = await serveReplica(writeTempFile(fleetConfig({ ns: 'solo', models: models(up.base), router })));
    expect(await run([p])).toEqual(EXPECTED);
    expect(up.seen).toHaveLength(7);
  });
});

describe('the same circuit rule with Redis', { ...skipUnless(redisAvailable, SKIP_MESSAGE), timeout: 120_000 }, () => {
  it.each([1, 2])('%i replica(s) sharing the count: the same requests reach the upstream', async (n) => {
    const redisProc = await startRedis();
    const up = await startUpstream(everyOtherFails());
    const ns = `circuit${n}`;
    const replicas = await serveFleet(writeTempFile(fleetConfig({ redisPort: redisProc.port, ns, models: models(up.base), router })), n);
    expect(await run(replicas, { client: await redisClient(redisProc.port), ns })).toEqual(EXPECTED);
    expect(up.seen).toHaveLength(7);
  });
});
