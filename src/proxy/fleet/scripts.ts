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
 * A failed upstream attempt. Counts it in the deployment's fleet-wide one-minute window; past
 * allowed_fails (or when the replica's own circuit already opened: force ms > 0) the deployment enters
 * the fleet's cooldown set (member = deployment id, score = cooldown end), which every replica pulls.
 * KEYS: failure counter, cooldown zset. ARGV: deployment id, allowed_fails, cooldown ms, force ms.
 * Returns the cooldown opened, in ms (0 when none).
 */
export const RECORD_FAILURE = new RedisScript(
  'record_failure',
  `${NOW}
local openMs = tonumber(ARGV[4])
if openMs <= 0 then
  local n = redis.call('INCR', KEYS[1])
  if n == 1 then redis.call('PEXPIRE', KEYS[1], 60000) end
  if n > tonumber(ARGV[2]) then openMs = tonumber(ARGV[3]) end
end
if openMs > 0 then
  redis.call('DEL', KEYS[1])
  local untilMs = now + openMs
  local cur = tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]) or '0')
  if untilMs > cur then redis.call('ZADD', KEYS[2], untilMs, ARGV[1]) end
  if redis.call('PTTL', KEYS[2]) < openMs then redis.call('PEXPIRE', KEYS[2], openMs) end
  return openMs
end
return 0
`,
);

/**
 * The background sync of one replica: pushes its per-deployment request/token deltas into the fleet's
 * current-minute counters, reads the totals back, and reads the live cooldown set. One round trip per
 * interval, whatever the traffic.
 * KEYS: cooldown zset, then one usage hash per rate-limited deployment. ARGV: request delta, token delta
 * per usage hash. Returns {redis now ms, {requests, tokens per usage hash}, {id, end ms, ...}}.
 */
export const SYNC = new RedisScript(
  'sync',
  `${NOW}
local win = math.floor(now / 60000)
local usage = {}
for i = 2, #KEYS do
  local dr = tonumber(ARGV[(i - 2) * 2 + 1])
  local dt = tonumber(ARGV[(i - 2) * 2 + 2])
  local h = redis.call('HMGET', KEYS[i], 'w', 'r', 't')
  local r, tk = 0, 0
  if tonumber(h[1]) == win then
    r = tonumber(h[2]) or 0
    tk = tonumber(h[3]) or 0
  end
  if dr > 0 or dt > 0 then
    r = r + dr
    tk = tk + dt
    redis.call('HSET', KEYS[i], 'w', win, 'r', r, 't', tk)
    redis.call('PEXPIRE', KEYS[i], 120000)
  end
  usage[#usage + 1] = r
  usage[#usage + 1] = tk
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local cool = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
return {now, usage, cool}
`,
);
