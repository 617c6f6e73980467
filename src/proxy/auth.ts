// Client authentication: Bearer keys compared in constant time. Keys are hashed once at table-build time;
// a presented key is hashed once and compared against every configured key (no early exit), so neither
// the length nor the content of a key leaks through timing. Each key also gets an identity for counting
// (rate limits, in memory and in Redis) that follows the key itself, not its position in the list.
import { LRUCache } from 'lru-cache';
import * as crypto from 'node:crypto';

export interface AuthKey {
  digest: Buffer;
  /** A label safe to log (`master`, `key#2`): never the key itself. */
  label: string;
  master: boolean;
  /**
   * What rate limits count under: `k:` + HMAC-SHA256 of the key (hex, 128 bits), keyed with the master key
   * when there is one (every replica of a fleet has it; whoever reads Redis does not), else a
   * domain-separated SHA-256. The same key keeps its counters when the list is reordered or rotated.
   */
  id: string;
}

export function buildAuthKeys(masterKey: string | undefined, keys: readonly string[]): AuthKey[] {
  const out: AuthKey[] = [];
  if (masterKey) out.push({ digest: sha256(masterKey), label: 'master', master: true, id: keyIdentity(masterKey, masterKey) });
  keys.forEach((k, i) => out.push({ digest: sha256(k), label: `key#${i + 1}`, master: false, id: keyIdentity(k, masterKey) }));
  return out;
}

export function keyIdentity(key: string, secret: string | undefined): string {
  const mac = crypto.createHmac('sha256', secret ?? 'rainymodel key identity v1');
  return `k:${mac.update(key, 'utf8').digest('hex').slice(0, 32)}`;
}

function sha256(s: string): Buffer {
  // The one-shot hash (Node >= 20.12) skips the Hash object; it matters on a per-request path.
  if (typeof crypto.hash === 'function') return crypto.hash('sha256', s, 'buffer');
  return crypto.createHash('sha256').update(s, 'utf8').digest();
}

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  if (header.length > 7 && header.slice(0, 7).toLowerCase() === 'bearer ') return header.slice(7).trim();
  return undefined;
}

/** The matching key, or undefined. */
export function authenticate(keys: readonly AuthKey[], token: string | undefined): AuthKey | undefined {
  if (token === undefined) return undefined;
  const digest = sha256(token);
  let match: AuthKey | undefined;
  for (const k of keys) {
    if (crypto.timingSafeEqual(k.digest, digest) && match === undefined) match = k;
  }
  return match;
}

// Headers that authenticated before, per key list (one list per route table, so a reload starts afresh).
// A hit skips the hash on the per-request path. Only accepted headers are kept, a bounded number of them,
// so presenting random keys cannot grow it (least recently used out). A miss still pays the full hash and the constant-time
// comparison; the Map lookup before it compares against stored headers only on a (seeded, 32-bit) hash
// collision, which a caller who does not know a key cannot aim for.
const verified = new WeakMap<readonly AuthKey[], LRUCache<string, AuthKey>>();
const MAX_VERIFIED = 256;

/** authenticate() for a raw Authorization header, remembering headers that matched. */
export function authenticateHeader(keys: readonly AuthKey[], header: string | undefined): AuthKey | undefined {
  if (!header) return undefined;
  let cache = verified.get(keys);
  const hit = cache?.get(header);
  if (hit) return hit;
  const key = authenticate(keys, bearerToken(header));
  if (key) {
    if (!cache) {
      cache = new LRUCache({ max: MAX_VERIFIED });
      verified.set(keys, cache);
    }
    cache.set(header, key);
  }
  return key;
}
