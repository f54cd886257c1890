// Per-consumer rate limit, shared by every citizen-api instance through Redis (api.md §3: requestsPerMinute
// and burst). The algorithm is GCRA — the token bucket written as one timestamp per consumer: requests
// drain at `requestsPerMinute`, up to `burst` may arrive at once, and the answer for a refused request is
// exactly how long until it would fit (Retry-After). One key, one Lua call, atomic; the clock is Redis's
// own (TIME), so instances with skewed clocks agree. A fixed window would let 2× the limit through at a
// window edge, and a sliding log costs one entry per request.
import type { RateLimit } from '@lgsp/policy';
import { withScripts, type RedisClient } from '@lgsp/redis';

const TAKE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local newTat = tat + cost * interval
local wait = newTat - burst * interval - now
if wait > 0 then return math.ceil(wait) end
redis.call('SET', KEYS[1], string.format('%.3f', newTat), 'PX', math.ceil(newTat - now))
return 0`;

interface LimiterCommands {
  lgspRateLimitTake(key: string, intervalMs: string, burst: number, cost: number): Promise<number>;
}

export interface RateLimiter {
  /** 0 when the request may go ahead, else the milliseconds until it would. */
  take(consumer: string, limit: RateLimit, cost: number): Promise<number>;
}

export function createRateLimiter(redis: RedisClient, keyPrefix: string): RateLimiter {
  const client = withScripts<LimiterCommands>(redis, { lgspRateLimitTake: { numberOfKeys: 1, lua: TAKE } });
  return {
    take: (consumer, { requestsPerMinute, burst }, cost) =>
      // A request costing more than the burst could never fit; it is charged the whole burst instead.
      client.lgspRateLimitTake(`${keyPrefix}lgsp:rate:{${consumer}}`, String(60_000 / requestsPerMinute), burst, Math.min(cost, burst)),
  };
}
