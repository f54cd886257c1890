import { afterAll, describe, expect, it } from 'vitest';
import { closeRedis, createRedis, redisReadiness } from '@lgsp/redis';
import { quietLogger, stackEndpoints, testRedis, uniqueKeyPrefix } from '@lgsp/testkit';

const redis = testRedis();
const prefix = uniqueKeyPrefix();
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await closeRedis(redis);
});

describe('Redis client factory', () => {
  it('round-trips values, hashes and a MULTI/EXEC transaction on the real server', async () => {
    await redis.set(`${prefix}plain`, 'value');
    expect(await redis.get(`${prefix}plain`)).toBe('value');
    const results = await redis.multi().hset(`${prefix}hash`, { a: '1', b: '2' }).incr(`${prefix}counter`).exec();
    expect(results?.every(([error]) => error === null)).toBe(true);
    expect(await redis.hgetall(`${prefix}hash`)).toEqual({ a: '1', b: '2' });
    expect(await redis.get(`${prefix}counter`)).toBe('1');
  });

  it('runs a Lua script atomically', async () => {
    const script = "redis.call('SET', KEYS[1], ARGV[1]); return redis.call('INCRBY', KEYS[2], ARGV[2])";
    expect(await redis.eval(script, 2, `${prefix}{p}:a`, `${prefix}{p}:n`, 'x', '5')).toBe(5);
  });

  it('is ready while the server answers and reports a failure otherwise', async () => {
    await expect(redisReadiness(redis).check()).resolves.toBeUndefined();
    const unreachable = createRedis({ url: 'redis://127.0.0.1:1', logger: quietLogger(), maxRetriesPerRequest: 0 });
    await expect(redisReadiness(unreachable).check()).rejects.toThrow();
    unreachable.disconnect();
  });

  it('uses the run\'s server', () => {
    expect(stackEndpoints().redisUrl).toMatch(/^redis:\/\//);
  });
});
