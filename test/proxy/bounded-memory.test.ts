// What rmctl serve remembers per client and per requested name stays bounded, least recently used first
// out: rate-limit windows per client address, pattern routes' per-name deployments and their metrics.
// Clients are presented as distinct loopback addresses (the whole of 127.0.0.0/8 answers on Linux).
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answers, chatBody, chatCompletion, cleanupAll, sendJson, startProxy, startUpstream } from './helpers.js';
import { MAX_RATE_KEYS } from '../../src/proxy/limits.js';
import { PATTERN_CACHE_MAX } from '../../src/proxy/table.js';

afterEach(async () => {
  await cleanupAll();
  vi.useRealTimers();
});

// Thousands of requests on a shared machine take a while; nothing below depends on how long.
const SLOW = 240_000;

/** POSTs from a given local address on a fresh connection; resolves to the status. */
function postFrom(url: string, localAddress: string, body: unknown): Promise<number> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/chat/completions`, { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** The n-th distinct loopback address other than 127.0.0.1. */
function address(n: number): string {
  return `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

describe('bounded memory', () => {
  it('a rate-limited client keeps its window while more clients than the limiter keeps come and go', async () => {
    // The wall clock stands still (timers run as usual): however long the flood takes, the limited
    // client's minute has not passed, so only eviction could give it a fresh window.
    vi.useFakeTimers({ toFake: ['Date'] });
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list: [{ model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }]
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  rate_limit: { rpm: 2 }
`);
    const client = '127.0.0.1';
    expect(await postFrom(proxy.url, client, chatBody('g'))).toBe(200);
    expect(await postFrom(proxy.url, client, chatBody('g'))).toBe(200);
    expect(await postFrom(proxy.url, client, chatBody('g'))).toBe(429);
    // Other addresses, a batch at a time; between batches the limited client asks again and is refused.
    const others = MAX_RATE_KEYS + 500;
    const batch = 250;
    for (let start = 0; start < others; start += batch) {
      const statuses = await Promise.all(Array.from({ length: batch }, (_, i) => postFrom(proxy.url, address(start + i), {})));
      // Each is counted by the limiter (allowed), then refused for its empty body.
      expect(statuses.every((s) => s === 400)).toBe(true);
      expect(await postFrom(proxy.url, client, chatBody('g'))).toBe(429);
    }
    expect(up.seen).toHaveLength(2);
    // Bounded: the limiter knows at most MAX_RATE_KEYS clients, the limited one among them.
    const usage = proxy.server.currentTable.rateLimiter?.usage(Date.now()) ?? [];
    expect(usage.length).toBe(MAX_RATE_KEYS);
    expect(usage.find((u) => u.key === client)?.requests).toBe(2);
  }, SLOW);

  it('a pattern route keeps deployments and /metrics series for its most recently used names only', async () => {
    // Every tenth name fails upstream, so failure outcomes have series too.
    const up = await startUpstream((_req, res, seen) => {
      const model = String(seen.json?.model);
      if (model.endsWith('0')) sendJson(res, 503, { error: { message: 'busy', type: 'server_error' } });
      else sendJson(res, 200, chatCompletion(model, 'ok'));
    });
    const proxy = await startProxy(`
model_list: [{ model_name: known, litellm_params: { model: openai/k, api_base: ${up.base} } }]
router_settings: { disable_cooldowns: true }
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  patterns:
    - pattern: "org/.*"
      deployments:
        - { model_name: "org/*", litellm_params: { model: "openai/{model}", api_base: ${up.base} }, model_info: { tier: free, provider: org } }
`);
    const names = 2 * PATTERN_CACHE_MAX;
    const batch = 100;
    const kept = 'org/kept-name';
    for (let start = 0; start < names; start += batch) {
      const statuses = await Promise.all(Array.from({ length: batch }, (_, i) => proxy.post('/v1/chat/completions', chatBody(`org/name-${start + i}`)).then(async (r) => (await r.arrayBuffer(), r.status))));
      expect(statuses.filter((s) => s === 200)).toHaveLength(batch - batch / 10);
      // One name keeps being asked for: it stays among the recently used ones.
      expect((await proxy.post('/v1/chat/completions', chatBody(kept))).status).toBe(200);
    }
    // Runtime state: the static deployment plus at most PATTERN_CACHE_MAX names.
    expect(proxy.server.store.size).toBeLessThanOrEqual(1 + PATTERN_CACHE_MAX);
    expect(proxy.server.store.find(`${kept}:openai/${kept}@${new URL(up.url).host}`)).toBeDefined();
    const text = await (await proxy.get('/metrics')).text();
    const seriesOf = (metric: string): string[] => text.split('\n').filter((l) => l.startsWith(`${metric}{`) && l.includes('deployment="org/'));
    const attempts = seriesOf('rainymodel_upstream_requests_total');
    const deployments = new Set(attempts.map((l) => /deployment="([^"]+)"/.exec(l)?.[1]));
    expect(deployments.size).toBeLessThanOrEqual(PATTERN_CACHE_MAX);
    expect(deployments.size).toBeGreaterThan(PATTERN_CACHE_MAX / 2);
    expect(attempts.some((l) => l.includes('outcome="503"'))).toBe(true);
    expect(attempts.some((l) => l.includes(`deployment="${kept}:`) && l.includes('outcome="success"'))).toBe(true);
    // The oldest names are gone, from state and from /metrics.
    expect(text).not.toContain('deployment="org/name-1:');
    const latency = new Set(seriesOf('rainymodel_upstream_latency_seconds_bucket').map((l) => /deployment="([^"]+)"/.exec(l)?.[1]));
    expect(latency.size).toBeLessThanOrEqual(PATTERN_CACHE_MAX);
  }, SLOW);
});
