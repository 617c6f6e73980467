// What rmctl serve remembers per client and per requested name stays bounded, least recently used first
// out: rate-limit windows per client address, pattern routes' per-name deployments and their metrics.
// Clients are presented as distinct loopback addresses (the whole of 127.0.0.0/8 answers on Linux).
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { answers, chatBody, cleanupAll, startProxy, startUpstream } from './helpers.js';
import { MAX_RATE_KEYS } from '../../src/proxy/limits.js';

afterEach(cleanupAll);

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
  });
});
