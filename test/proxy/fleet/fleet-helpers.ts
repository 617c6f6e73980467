// Shared bits of the fleet tests: metric reads over HTTP and the wait for a replica to see Redis.
import type { RunningProxy } from '../helpers.js';
import { waitFor } from './redis-server.js';

/** Sum of a metric's samples whose label text contains `labels` (every sample when omitted). */
export async function metric(url: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let sum = 0;
  let found = false;
  const re = new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`);
  for (const line of text.split('\n')) {
    const m = re.exec(line);
    if (m && (m[1] ?? '').includes(labels)) {
      sum += Number(m[2]);
      found = true;
    }
  }
  return found ? sum : Number.NaN;
}

export async function waitRedisUp(p: { url: string }, up = true): Promise<void> {
  await waitFor(`rainymodel_redis_up ${up ? 1 : 0} on ${p.url}`, async () => (await metric(p.url, 'rainymodel_redis_up')) === (up ? 1 : 0));
}

export function circuitOf(health: unknown, id: string): string | undefined {
  const list = (health as { deployments: Array<{ id: string; circuit: string }> }).deployments;
  return list.find((d) => d.id === id)?.circuit;
}

export async function health(p: RunningProxy): Promise<unknown> {
  return (await p.get('/health')).json();
}
