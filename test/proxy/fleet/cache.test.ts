// The response cache: local LRU without Redis, and the Redis store shared by two replicas.
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { skipUnless } from '../../support/skip.js';
import { answers, cleanupAll, onCleanup, sendJson, startProxy, startUpstream, type RunningProxy } from '../helpers.js';
import { metric, waitRedisUp } from './fleet-helpers.js';
import { redisAvailable, SKIP_MESSAGE, startRedis, waitFor } from './redis-server.js';
import { at } from '../../support/must.js';

afterEach(cleanupAll);

if (!redisAvailable) console.warn(SKIP_MESSAGE);

const chat = (p: RunningProxy, content: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<Response> =>
  p.post('/v1/chat/completions', { model: 'g', messages: [{ role: 'user', content }], ...extra }, headers);

function localConfig(base: string, cacheParams = '{ type: local }'): string {
  return `
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${base} } }
  - { model_name: e, litellm_params: { model: openai/emb, api_base: ${base} }, model_info: { mode: embedding } }
router_settings: { model_group_alias: { g-alias: g } }
litellm_settings: { cache: true, cache_params: ${cacheParams} }
`;
}

describe('response cache, local (no Redis)', () => {
  it('answers an identical request from memory; user, stream:false and key order do not matter; headers say hit/miss', async () => {
    const up = await startUpstream(answers('cached'));
    const p = await startProxy(localConfig(up.base));
    const first = await chat(p, 'hello', { temperature: 0, user: 'alice' });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-rainymodel-cache')).toBe('miss');
    const firstBody = await first.text();
    const second = await p.post('/v1/chat/completions', { user: 'bob', stream: false, temperature: 0, messages: [{ content: 'hello', role: 'user' }], model: 'g-alias' });
    expect(second.status).toBe(200);
    expect(second.headers.get('x-rainymodel-cache')).toBe('hit');
    expect(second.headers.get('x-rainymodel-upstream')).toBe('openai');
    expect(await second.text()).toBe(firstBody);
    expect(up.seen).toHaveLength(1);
    // A different parameter is a different request.
    expect((await chat(p, 'hello', { temperature: 1 })).headers.get('x-rainymodel-cache')).toBe('miss');
    expect(up.seen).toHaveLength(2);
    expect(await metric(p.url, 'rainymodel_cache_requests_total', 'result="hit"')).toBe(1);
    expect(p.logs.records().some((l) => l.event === 'request' && l.cache === 'hit')).toBe(true);
  });

  it('caches completions and embeddings too, never streams', async () => {
    const up = await startUpstream(answers('x'));
    const p = await startProxy(localConfig(up.base));
    for (let i = 0; i < 2; i++) {
      const r = await p.post('/v1/embeddings', { model: 'e', input: 'vectorize me' });
      expect(r.headers.get('x-rainymodel-cache')).toBe(i === 0 ? 'miss' : 'hit');
      const c = await p.post('/v1/completions', { model: 'g', prompt: 'complete me' });
      expect(c.headers.get('x-rainymodel-cache')).toBe(i === 0 ? 'miss' : 'hit');
    }
    expect(up.seen).toHaveLength(2);
    for (let i = 0; i < 2; i++) {
      const s = await chat(p, 'stream me', { stream: true });
      expect(s.headers.get('x-rainymodel-cache')).toBeNull();
      expect(await s.text()).toContain('[DONE]');
    }
    expect(up.seen).toHaveLength(4);
  });

  it('Cache-Control: no-cache bypasses the lookup (and refreshes the entry); no-store leaves the cache alone', async () => {
    let n = 0;
    const up = await startUpstream((_q, res, seen) => sendJson(res, 200, { id: 'c', object: 'chat.completion', model: seen.json?.model, choices: [{ index: 0, message: { role: 'assistant', content: `answer ${++n}` }, finish_reason: 'stop' }] }));
    const p = await startProxy(localConfig(up.base));
    const content = async (r: Response): Promise<string> => at(((await r.json()) as { choices: Array<{ message: { content: string } }> }).choices, 0).message.content;
    expect(await content(await chat(p, 'q'))).toBe('answer 1');
    const bypass = await chat(p, 'q', {}, { 'cache-control': 'no-cache' });
    expect(bypass.headers.get('x-rainymodel-cache')).toBe('bypass');
    expect(await content(bypass)).toBe('answer 2');
    // no-cache still stored the fresh answer.
    expect(await content(await chat(p, 'q'))).toBe('answer 2');
    const noStore = await chat(p, 'q', {}, { 'cache-control': 'no-cache, no-store' });
    expect(await content(noStore)).toBe('answer 3');
    expect(await content(await chat(p, 'q'))).toBe('answer 2');
    // no-store alone may still read.
    const readOnly = await chat(p, 'fresh', {}, { 'cache-control': 'no-store' });
    expect(readOnly.headers.get('x-rainymodel-cache')).toBe('miss');
    expect((await chat(p, 'fresh')).headers.get('x-rainymodel-cache')).toBe('miss');
    expect(up.seen).toHaveLength(5);
  });

  it('stores only 200 answers', async () => {
    const up = await startUpstream((_q, res) => sendJson(res, 400, { error: { message: 'bad request', type: 'invalid_request_error' } }));
    const p = await startProxy(localConfig(up.base));
    for (let i = 0; i < 2; i++) {
      const r = await chat(p, 'refused');
      expect(r.status).toBe(400);
      expect(r.headers.get('x-rainymodel-cache')).toBe('miss');
    }
    expect(up.seen).toHaveLength(2);
  });

  it('is a bounded LRU (max_size_in_memory): the least recently used entry goes first', async () => {
    const up = await startUpstream(answers('x'));
    const p = await startProxy(localConfig(up.base, '{ type: local, max_size_in_memory: 2 }'));
    const status = async (q: string): Promise<string | null> => (await chat(p, q)).headers.get('x-rainymodel-cache');
    expect(await status('a')).toBe('miss');
    expect(await status('b')).toBe('miss');
    expect(await status('a')).toBe('hit');
    expect(await status('c')).toBe('miss');
    // b was the least recently used of the two kept.
    expect(await status('a')).toBe('hit');
    expect(await status('b')).toBe('miss');
    expect(up.seen).toHaveLength(4);
  });

  it('warns and stays off for cache types it does not implement', async () => {
    const up = await startUpstream(answers('x'));
    const p = await startProxy(localConfig(up.base, '{ type: s3 }'));
    expect(p.logs.records().some((l) => l.event === 'config_warning' && String(l.msg).includes('"s3" is not supported'))).toBe(true);
    for (let i = 0; i < 2; i++) expect((await chat(p, 'q')).headers.get('x-rainymodel-cache')).toBeNull();
    expect(up.seen).toHaveLength(2);
  });
});

describe('response cache, redis (shared by replicas)', skipUnless(redisAvailable, SKIP_MESSAGE), () => {
  it('a second replica answers from the cache: the upstream saw one request; no-cache bypasses', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('shared'));
    const yaml = `
model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]
router_settings: { redis_host: 127.0.0.1, redis_port: ${redis.port} }
litellm_settings: { cache: true, cache_params: { type: redis, ttl: 60, namespace: rc } }
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  fleet: { redis_timeout_ms: 2000 }
`;
    const a = await startProxy(yaml);
    const b = await startProxy(yaml);
    await waitRedisUp(a);
    await waitRedisUp(b);
    const first = await chat(a, 'across');
    expect(first.headers.get('x-rainymodel-cache')).toBe('miss');
    const body = await first.text();
    // The write is fire-and-forget after the answer went out: poll B until it lands.
    let hit: Response | undefined;
    await waitFor('B answers from the shared cache', async () => {
      const r = await chat(b, 'across', {}, { 'cache-control': 'no-store' });
      if (r.headers.get('x-rainymodel-cache') === 'hit') hit = r;
      else await r.arrayBuffer();
      return hit !== undefined;
    });
    expect(await hit!.text()).toBe(body);
    // Entries live under cache_params.namespace (rc), not the fleet's default namespace, and expire.
    const client = new Redis({ host: '127.0.0.1', port: redis.port, lazyConnect: true });
    onCleanup(() => void client.disconnect());
    await client.connect();
    const entries = await client.keys('*:cache:*');
    expect(entries.length).toBeGreaterThan(0);
    for (const k of entries) {
      expect(k.startsWith('rainymodel:rc:cache:')).toBe(true);
      expect(await client.pttl(k)).toBeGreaterThan(0);
    }
    const seen = up.seen.length;
    const bypass = await chat(b, 'across', {}, { 'cache-control': 'no-cache' });
    expect(bypass.headers.get('x-rainymodel-cache')).toBe('bypass');
    expect(up.seen).toHaveLength(seen + 1);
    expect(await metric(b.url, 'rainymodel_cache_requests_total', 'result="hit"')).toBeGreaterThanOrEqual(1);
  });

  it('with the cache Redis down, requests are answered (miss) and the fallback is counted', async () => {
    const redis = await startRedis();
    const up = await startUpstream(answers('ok'));
    const p = await startProxy(`
model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]
litellm_settings: { cache: true, cache_params: { type: redis, host: 127.0.0.1, port: ${redis.port} } }
`);
    await waitRedisUp(p);
    await redis.stop();
    await waitRedisUp(p, false);
    for (let i = 0; i < 3; i++) {
      const r = await chat(p, 'q');
      expect(r.status).toBe(200);
      expect(r.headers.get('x-rainymodel-cache')).toBe('miss');
    }
    expect(await metric(p.url, 'rainymodel_redis_fallbacks_total', 'op="cache_get"')).toBeGreaterThanOrEqual(3);
    expect(up.seen).toHaveLength(3);
  });
});
