// Two real `rmctl serve` processes on one Redis (needs `npm run build`, which `npm test` runs first):
// nothing can be shared through process memory here, only through Redis.
import { afterEach, describe, expect, it } from 'vitest';
import { skipUnless } from '../../support/skip.js';
import { answers, cleanupAll, sendJson, startUpstream, writeTempFile } from '../helpers.js';
import { circuitOf, waitRedisUp } from './fleet-helpers.js';
import { serveReplica } from './replicas.js';
import { redisAvailable, SKIP_MESSAGE, startRedis, waitFor } from './redis-server.js';

afterEach(cleanupAll);

if (!redisAvailable) console.warn(SKIP_MESSAGE);

const KEY = 'sk-fleet-proc';
const serve = serveReplica;

const ask = (url: string, content: string): Promise<Response> =>
  fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ model: 'g', messages: [{ role: 'user', content }] }),
  });

describe('fleet mode across two rmctl serve processes', skipUnless(redisAvailable, SKIP_MESSAGE), () => {
  it('share one per-key limit: exactly N requests through in total', async () => {
    const redis = await startRedis();
    const good = await startUpstream(answers('ok'));
    const config = writeTempFile(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${good.base} } }
router_settings: { redis_host: 127.0.0.1, redis_port: ${redis.port} }
general_settings: { master_key: ${KEY} }
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  rate_limit: { rpm: 5 }
  fleet: { namespace: procs, redis_timeout_ms: 2000 }
`);
    const a = await serve(config);
    const b = await serve(config);
    await waitRedisUp(a);
    await waitRedisUp(b);
    const statuses = (await Promise.all(Array.from({ length: 12 }, (_, i) => ask(i % 2 === 0 ? a.url : b.url, `q${i}`)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    expect(good.seen).toHaveLength(5);
    expect(a.stderr()).toBe('');
    expect(b.stderr()).toBe('');
  });

  it('a deployment cooled down through one process is skipped by the other', async () => {
    const redis = await startRedis();
    const good = await startUpstream(answers('ok'));
    const bad = await startUpstream((_q, res) => sendJson(res, 500, { error: { message: 'boom' } }));
    const config = writeTempFile(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${bad.base}, order: 1 }, model_info: { id: flaky } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${good.base}, order: 2 }, model_info: { id: fine } }
router_settings: { redis_host: 127.0.0.1, redis_port: ${redis.port}, allowed_fails: 0, cooldown_time: 120, num_retries: 2 }
general_settings: { master_key: ${KEY} }
`);
    const a = await serve(config);
    const b = await serve(config);
    await waitRedisUp(a);
    await waitRedisUp(b);
    const first = await ask(a.url, 'x');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-rainymodel-tried')).toBe('flaky:500');
    await waitFor('process B sees the cooldown', async () => {
      const h = await (await fetch(`${b.url}/health`, { headers: { authorization: `Bearer ${KEY}` } })).json();
      return circuitOf(h, 'flaky') === 'open';
    });
    const second = await ask(b.url, 'y');
    expect(second.status).toBe(200);
    expect(second.headers.get('x-rainymodel-tried')).toBeNull();
    expect(bad.seen).toHaveLength(1);
  });
});
