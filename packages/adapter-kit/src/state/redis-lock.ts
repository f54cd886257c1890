// Short leases in Redis (SET NX PX with a random token): only the holder can release or extend one,
// and a holder that dies lets go when the lease runs out. Several keys are taken in sorted order, so two
// requests wanting overlapping sets cannot wait on each other forever.
import { randomUUID } from 'node:crypto';
import type { RedisClient } from '@lgsp/redis';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

export interface Lease {
  /** Renews every key for another ttl; false when one was lost (expired and taken by someone else). */
  extend(): Promise<boolean>;
  release(): Promise<void>;
}

export interface AcquireOptions {
  ttlMs: number;
  /** How long to wait for keys held by others; 0 tries once. */
  waitMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes every key, or none: undefined when one stayed held by another past `waitMs`. */
export async function acquireLease(redis: RedisClient, keys: readonly string[], { ttlMs, waitMs }: AcquireOptions): Promise<Lease | undefined> {
  const token = randomUUID();
  const held: string[] = [];
  const release = async (): Promise<void> => {
    await Promise.all(held.map((key) => redis.eval(RELEASE, 1, key, token)));
    held.length = 0;
  };
  const deadline = Date.now() + waitMs;
  for (const key of [...new Set(keys)].sort()) {
    let delay = 5;
    while ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') {
      if (Date.now() + delay > deadline) {
        await release();
        return undefined;
      }
      await sleep(delay);
      delay = Math.min(delay * 2, 200);
    }
    held.push(key);
  }
  return {
    extend: async () => {
      const answers = await Promise.all(held.map((key) => redis.eval(EXTEND, 1, key, token, String(ttlMs))));
      return answers.every((answer) => Number(answer) === 1);
    },
    release,
  };
}
