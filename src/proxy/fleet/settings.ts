// Fleet-mode and response-cache settings, read from the already env-resolved compiled config.
// Pure: no connection is opened here, so the route table can carry the result and a reload can compare it.
import type { CompiledConfig } from '../../shared/compiled-config.js';

export interface RedisTarget {
  host: string;
  port: number;
  password?: string;
  db: number;
}

export interface CacheSettings {
  type: 'local' | 'redis';
  ttlMs: number;
  /** Key prefix segment: `rainymodel:<namespace>:cache:<hash>`. */
  namespace: string;
  /** Entry cap of the in-memory LRU (local type). */
  maxEntries: number;
  /** Redis of the cache (redis type): cache_params host/port/password, else the router's Redis. */
  redis?: RedisTarget;
}

export interface FleetSettings {
  /** Shared state (limits, usage, cooldowns) through this Redis; undefined keeps everything in memory. */
  redis?: RedisTarget;
  /** Key prefix segment: `rainymodel:<namespace>:...`. */
  namespace: string;
  /** Redis counts as down after answering nothing for 3 x this while a command waits (connection.ts). */
  commandTimeoutMs: number;
  /** How often each replica replays its backlog and pulls the fleet's cooldowns (a safety net under pub/sub). */
  syncIntervalMs: number;
  cache?: CacheSettings;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 500;
export const DEFAULT_SYNC_INTERVAL_MS = 250;
export const DEFAULT_CACHE_TTL_S = 600;
export const DEFAULT_CACHE_ENTRIES = 1000;

function toInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function positive(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

function target(host: unknown, port: unknown, password: unknown, db: unknown, where: string, warnings: string[]): RedisTarget | undefined {
  const h = nonEmpty(host);
  if (!h) return undefined;
  const p = port === undefined ? 6379 : toInt(port);
  if (p === undefined || p < 1 || p > 65535) {
    warnings.push(`${where}: redis port ${JSON.stringify(port)} is not a port number; Redis not used`);
    return undefined;
  }
  const d = db === undefined ? 0 : toInt(db);
  if (d === undefined) {
    warnings.push(`${where}: redis_db ${JSON.stringify(db)} is not a number; Redis not used`);
    return undefined;
  }
  return { host: h, port: p, password: nonEmpty(password), db: d };
}

/** Identity of a connection, so a reload keeps the open one when nothing changed. */
export function targetKey(t: RedisTarget | undefined): string {
  return t ? JSON.stringify([t.host, t.port, t.password ?? '', t.db]) : '';
}

export function fleetSettings(config: CompiledConfig, warnings: string[]): FleetSettings {
  const rs = config.router_settings ?? {};
  const ls = config.litellm_settings ?? {};
  const fleetBlock = config.rainymodel?.fleet;
  const fb = fleetBlock !== null && typeof fleetBlock === 'object' ? (fleetBlock as Record<string, unknown>) : {};
  const redis = target(rs.redis_host, rs.redis_port, rs.redis_password, rs.redis_db, 'router_settings', warnings);
  const namespace = nonEmpty(fb.namespace) ?? 'default';
  const settings: FleetSettings = {
    redis,
    namespace,
    commandTimeoutMs: positive(fb.redis_timeout_ms) ?? DEFAULT_COMMAND_TIMEOUT_MS,
    syncIntervalMs: positive(fb.sync_interval_ms) ?? DEFAULT_SYNC_INTERVAL_MS,
  };
  if (ls.cache !== true) return settings;
  const cp = ls.cache_params ?? {};
  const type = cp.type ?? 'local';
  if (cp.mode === 'default_off') {
    // LiteLLM's default_off turns caching on per request through a body field we would have to strip
    // before forwarding; serving cached answers nobody asked for would be worse than not caching.
    warnings.push('litellm_settings.cache_params.mode default_off is not supported by rmctl serve: response cache off');
    return settings;
  }
  const ttlS = typeof cp.ttl === 'number' && cp.ttl > 0 ? cp.ttl : DEFAULT_CACHE_TTL_S;
  const maxEntries = toInt(cp.max_size_in_memory) ?? DEFAULT_CACHE_ENTRIES;
  const cacheNamespace = nonEmpty(cp.namespace) ?? namespace;
  if (type === 'local') {
    settings.cache = { type: 'local', ttlMs: ttlS * 1000, namespace: cacheNamespace, maxEntries: Math.max(1, maxEntries) };
  } else if (type === 'redis') {
    const own = target(cp.host, cp.port, cp.password, undefined, 'litellm_settings.cache_params', warnings);
    const cacheRedis = own ?? redis;
    if (!cacheRedis) {
      warnings.push('litellm_settings.cache_params.type is redis but no Redis is configured (cache_params.host or router_settings.redis_host): response cache off');
    } else {
      settings.cache = { type: 'redis', ttlMs: ttlS * 1000, namespace: cacheNamespace, maxEntries: Math.max(1, maxEntries), redis: cacheRedis };
    }
  } else {
    warnings.push(`litellm_settings.cache_params.type "${String(type)}" is not supported by rmctl serve (local and redis are): response cache off`);
  }
  return settings;
}
