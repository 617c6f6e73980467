// The Lua scripts behind fleet mode. Each runs atomically in Redis, so replicas never race on a
// read-modify-write, and each takes the time from Redis (TIME), so replicas with skewed clocks agree on
// windows and cooldown ends. Every key they write expires: nothing grows without bound.
import { RedisScript } from './connection.js';

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * Request gate: the per-key limit and, in the same round trip, the response-cache lookup.
 * Requests: a sliding log (sorted set of admission times) gives exact totals, at most rpm in any 60 s.
 * Tokens: known only after the answer, so a sliding-window estimate (previous minute weighted by the part
 * of it still inside the window, plus the current minute) decides, as the in-memory bucket does.
 * KEYS: requests zset, tokens hash, cache key. ARGV: rpm (0 none), tpm (0 none), unique member,
 * check rate (1/0), read cache (1/0).
 * Returns {allowed, requests in window, ms until the oldest leaves, tokens used, ms until the minute ends, cached or ''}.
 */
export const ADMIT = new RedisScript(
  'admit',
  `${NOW}
local allowed, count, reqReset, used, tokReset = 1, 0, 0, 0, 0
if ARGV[4] == '1' then
  local rpm = tonumber(ARGV[1])
  local tpm = tonumber(ARGV[2])
  if tpm > 0 then
    local h = redis.call('HMGET', KEYS[2], 'w', 'cur', 'prev')
    local win = math.floor(now / 60000)
    local w = tonumber(h[1]) or win
    local cur = tonumber(h[2]) or 0
    local prev = tonumber(h[3]) or 0
    if w ~= win then
      if w == win - 1 then prev = cur else prev = 0 end
      cur = 0
    end
    local into = now % 60000
    used = math.floor(prev * (60000 - into) / 60000 + cur)
    tokReset = 60000 - into
    if used >= tpm then allowed = 0 end
  end
  if rpm > 0 then
    redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 60000)
    count = redis.call('ZCARD', KEYS[1])
    if count >= rpm then allowed = 0 end
    if allowed == 1 then
      redis.call('ZADD', KEYS[1], now, ARGV[3])
      redis.call('PEXPIRE', KEYS[1], 60000)
      count = count + 1
    end
    local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    if oldest[2] then reqReset = tonumber(oldest[2]) + 60000 - now end
  end
end
local cached = ''
if ARGV[5] == '1' and allowed == 1 then
  cached = redis.call('GET', KEYS[3]) or ''
end
return {allowed, count, reqReset, used, tokReset, cached}
`,
);

/** Adds a finished request's tokens to the key's current minute. KEYS: tokens hash. ARGV: tokens. */
export const CONSUME_TOKENS = new RedisScript(
  'consume_tokens',
  `${NOW}
local win = math.floor(now / 60000)
local h = redis.call('HMGET', KEYS[1], 'w', 'cur')
local w = tonumber(h[1]) or win
local cur = tonumber(h[2]) or 0
if w ~= win then
  local prev = 0
  if w == win - 1 then prev = cur end
  redis.call('HSET', KEYS[1], 'prev', prev)
  cur = 0
end
cur = cur + tonumber(ARGV[1])
redis.call('HSET', KEYS[1], 'w', win, 'cur', cur)
redis.call('PEXPIRE', KEYS[1], 120000)
return cur
`,
);

/**
 * A failed upstream attempt, under the circuit rule of state.ts with the fleet's failures: each failure is
 * a member of the deployment's failure log (a sorted set scored by time, so a failure re-sent after a Redis
 * outage is counted once); more than allowed_fails in the last 60 s (or a replica whose own circuit already
 * opened: force ms > 0) puts the deployment in the fleet's cooldown set (member = deployment id, score =
 * cooldown end) and publishes `<id> <ms>` on the cooldown channel, so every replica hears it at once.
 * KEYS: failure log, cooldown zset. ARGV: deployment id, allowed_fails, cooldown ms, force ms, failure
 * member, age ms (how long ago it happened), channel. Returns the cooldown opened, in ms (0 when none).
 */
export const RECORD_FAILURE = new RedisScript(
  'record_failure',
  `${NOW}
local openMs = tonumber(ARGV[4])
if openMs <= 0 then
  local at = now - tonumber(ARGV[6])
  if at <= now - 60000 then return 0 end
  redis.call('ZADD', KEYS[1], at, ARGV[5])
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 60000)
  redis.call('PEXPIRE', KEYS[1], 60000)
  if redis.call('ZCARD', KEYS[1]) > tonumber(ARGV[2]) then openMs = tonumber(ARGV[3]) end
end
if openMs > 0 then
  redis.call('DEL', KEYS[1])
  local untilMs = now + openMs
  local cur = tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]) or '0')
  if untilMs > cur then
    redis.call('ZADD', KEYS[2], untilMs, ARGV[1])
    redis.call('PUBLISH', ARGV[7], ARGV[1] .. ' ' .. openMs)
  end
  if redis.call('PTTL', KEYS[2]) < openMs then redis.call('PEXPIRE', KEYS[2], openMs) end
  return openMs
end
return 0
`,
);

/**
 * Admissions decided locally (Redis was down or went down while the decision waited) brought into the
 * shared logs: an allowed request is added under its own member (a no-op when the original ADMIT did run
 * after all), a refused one removed (in case the original ADMIT ran late and admitted it).
 * KEYS: one request log per admission. ARGV per admission: member, age ms, allowed (1/0).
 */
export const RECONCILE_ADMISSIONS = new RedisScript(
  'reconcile_admissions',
  `${NOW}
for i = 1, #KEYS do
  local member = ARGV[i * 3 - 2]
  local at = now - tonumber(ARGV[i * 3 - 1])
  if ARGV[i * 3] == '1' then
    if at > now - 60000 then
      redis.call('ZADD', KEYS[i], at, member)
      if redis.call('PTTL', KEYS[i]) < 60000 then redis.call('PEXPIRE', KEYS[i], 60000) end
    end
  else
    redis.call('ZREM', KEYS[i], member)
  end
end
return #KEYS
`,
);

/**
 * The background sync of one replica (the safety net under the cooldown channel): reads the live
 * cooldown set and Redis' clock. KEYS: cooldown zset. Returns {redis now ms, {id, end ms, ...}}.
 */
export const SYNC = new RedisScript(
  'sync',
  `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return {now, redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')}
`,
);
