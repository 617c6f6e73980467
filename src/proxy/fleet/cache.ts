// Exact-match response cache: key derivation, Cache-Control handling, the bounded in-memory LRU and the
// shape of a stored answer (shared with the Redis store, which keeps the same JSON with a TTL).
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';
import type { Endpoint } from '../providers/types.js';

export type CacheStatus = 'hit' | 'miss' | 'bypass';

export interface CachedResponse {
  /** The JSON body exactly as the client got it the first time. */
  b: string;
  /** Tier, provider and upstream model of the deployment that produced it (for the x-rainymodel-* headers). */
  r: string;
  u: string;
  m: string;
}

/** Bodies above this are not worth the memory (or the Redis bandwidth) of a copy. */
export const MAX_ENTRY_BYTES = 1 << 20;
const MAX_LOCAL_BYTES = 64 << 20;

// Fields that change how the answer is delivered or who is billed, never what the answer is.
const IGNORED_FIELDS = new Set(['user', 'stream', 'stream_options', 'model']);

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * Hash of what decides the answer: endpoint, resolved model group, policy (it picks the tiers) and the
 * request body with its keys sorted, minus the fields above. The requested name is dropped in favour of
 * the group, so an alias and its target share entries.
 */
export function cacheKey(endpoint: Endpoint, group: string, policy: string, body: Record<string, unknown>): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(['v1', endpoint, group, policy]));
  h.update('{');
  for (const k of Object.keys(body).sort()) {
    if (IGNORED_FIELDS.has(k)) continue;
    h.update(`${JSON.stringify(k)}:${canonical(body[k])},`);
  }
  h.update('}');
  return h.digest('hex');
}

export function parseCacheControl(header: string | string[] | undefined): { noCache: boolean; noStore: boolean } {
  if (header === undefined) return { noCache: false, noStore: false };
  const text = (Array.isArray(header) ? header.join(',') : header).toLowerCase();
  const directives = new Set(text.split(',').map((d) => d.trim().split('=')[0]));
  return { noCache: directives.has('no-cache'), noStore: directives.has('no-store') };
}

export function parseCached(text: string): CachedResponse | undefined {
  try {
    const v = JSON.parse(text) as Partial<CachedResponse>;
    if (typeof v.b === 'string' && typeof v.r === 'string' && typeof v.u === 'string' && typeof v.m === 'string') return v as CachedResponse;
  } catch {
    // A foreign or truncated value under our key: treat as a miss; the next answer overwrites it.
  }
  return undefined;
}

export function writeCacheHit(res: ServerResponse, hit: CachedResponse, startedAt: number, base?: Record<string, string>): void {
  res.writeHead(200, {
    ...base,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(hit.b)),
    'x-rainymodel-cache': 'hit',
    'x-rainymodel-route': hit.r,
    'x-rainymodel-upstream': hit.u,
    'x-rainymodel-model': hit.m,
    'x-rainymodel-latency-ms': String(Math.round(performance.now() - startedAt)),
  });
  res.end(hit.b);
}

interface Entry {
  value: CachedResponse;
  expires: number;
  bytes: number;
}

/** LRU bounded by entry count and total bytes (lru-cache); an entry expires by the caller's clock. */
export class LocalCache {
  private readonly entries: LRUCache<string, Entry>;

  constructor(readonly maxEntries: number) {
    this.entries = new LRUCache<string, Entry>({ max: maxEntries, maxSize: MAX_LOCAL_BYTES, sizeCalculation: (e) => Math.max(1, e.bytes) });
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): CachedResponse | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: CachedResponse, ttlMs: number, now: number): void {
    const bytes = value.b.length * 2;
    if (bytes > MAX_ENTRY_BYTES * 2) return;
    this.entries.set(key, { value, expires: now + ttlMs, bytes });
  }
}
