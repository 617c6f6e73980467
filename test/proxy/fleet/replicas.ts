// Real `rmctl serve` processes for the fleet tests (needs `npm run build`, which `npm test` runs first):
// nothing can be shared through process memory between them, only through Redis. Each reads one config
// file, logs JSON lines on stdout (parsed here) and is stopped by the test's cleanup.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { onCleanup } from '../helpers.js';
import { metric } from './fleet-helpers.js';
import { waitFor } from './redis-server.js';
import { at } from '../../support/must.js';

const RMCTL = fileURLToPath(new URL('../../../bin/rmctl', import.meta.url));

export interface Replica {
  url: string;
  /** Every JSON log line so far. */
  logs(): Array<Record<string, unknown>>;
  stdout(): string;
  stderr(): string;
  post(path: string, body: unknown, key: string): Promise<Response>;
  get(path: string, key: string): Promise<Response>;
}

export async function serveReplica(configPath: string): Promise<Replica> {
  const proc = spawn(process.execPath, [RMCTL, 'serve', '--config', configPath, '--port', '0', '--log-level', 'info'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  onCleanup(async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      await exited;
    }
  });
  let url = '';
  await waitFor('rmctl serve listening', () => {
    if (proc.exitCode !== null) throw new Error(`rmctl serve exited ${proc.exitCode}: ${err}`);
    const m = /"address":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
    if (m?.[1]) url = m[1];
    return url !== '';
  }, 30_000);
  return {
    url,
    logs: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    stdout: () => out,
    stderr: () => err,
    post: (path, body, key) => fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) }),
    get: (path, key) => fetch(url + path, { headers: { authorization: `Bearer ${key}` } }),
  };
}

/** Starts `n` replicas on one config and waits until each shares state through Redis. */
export async function serveFleet(configPath: string, n: 1): Promise<[Replica]>;
export async function serveFleet(configPath: string, n: 2): Promise<[Replica, Replica]>;
export async function serveFleet(configPath: string, n: number): Promise<Replica[]>;
export async function serveFleet(configPath: string, n: number): Promise<Replica[]> {
  const replicas = await Promise.all(Array.from({ length: n }, () => serveReplica(configPath)));
  for (const r of replicas) await waitFor(`redis up on ${r.url}`, async () => (await metric(r.url, 'rainymodel_redis_up')) === 1, 30_000);
  return replicas;
}

export const chat = (r: Replica, key: string, content = 'hi', model = 'g'): Promise<Response> =>
  r.post('/v1/chat/completions', { model, messages: [{ role: 'user', content }] }, key);

/** Sends `n` requests at once, round-robin over the replicas; returns the responses (bodies read). */
export async function burst(replicas: Replica[], n: number, key: string, model = 'g'): Promise<Array<{ status: number; headers: Headers; body: string }>> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const r = await chat(at(replicas, i % replicas.length), key, `q${i}`, model);
      return { status: r.status, headers: r.headers, body: await r.text() };
    }),
  );
}

export function events(r: Replica, event: string): number {
  return r.logs().filter((l) => l.event === event).length;
}

/** A plain client on the test's Redis, closed by the cleanup. */
export async function redisClient(port: number): Promise<Redis> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true });
  onCleanup(() => void client.disconnect());
  await client.connect();
  return client;
}

export async function circuit(r: Replica, key: string, id: string): Promise<string | undefined> {
  const h = (await (await r.get('/health', key)).json()) as { deployments: Array<{ id: string; circuit: string }> };
  return h.deployments.find((d) => d.id === id)?.circuit;
}

export const MASTER = 'sk-fleet-master';

/** A compiled config for a fleet test: models, Redis, master key, and what the test adds. */
export function fleetConfig(o: { redisPort?: number; ns: string; models: string; rateLimit?: string; router?: string; fleet?: string; keys?: string[] }): string {
  const redis = o.redisPort !== undefined ? [`redis_host: 127.0.0.1`, `redis_port: ${o.redisPort}`] : [];
  return `
model_list:
${o.models}
router_settings: { ${[...redis, ...(o.router ? [o.router] : [])].join(', ')} }
general_settings: { master_key: ${MASTER} }
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  fleet: { namespace: ${o.ns}${o.fleet ? `, ${o.fleet}` : ''} }
${o.rateLimit ? `  rate_limit: ${o.rateLimit}\n` : ''}${o.keys ? `  auth: { keys: [${o.keys.join(', ')}] }\n` : ''}`;
}
