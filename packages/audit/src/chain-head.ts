// The head of each audit partition's hash chain, held in Redis, and the lock that makes one writer at a
// time append to a partition — whichever citizen-api instance it runs in.
//
// Why: the chain links each entry to the previous one *in log order*. Two instances appending to the same
// partition at once would each link to the head they saw, and the log would interleave them — a fork. So a
// writer takes the partition's lock (SET NX PX) and reads the head in the same Lua call, publishes, and
// in one more call stores the new head and releases the lock if the lock is still its own.
//
// The head is marked dirty while a writer holds it. A writer that dies or whose publish failed leaves it
// dirty (Kafka may or may not have taken the batch), and the next writer recovers the head from the log
// itself (chain-recovery.ts) instead of trusting Redis. A missing head (new partition, Redis emptied) is
// recovered the same way, so restarts and Redis loss never fork the chain.
//
// Remaining risk, by design: a writer whose publish outlives the lock's TTL could append after the next
// writer read the head. The TTL (AUDIT_LOCK_TTL_MS, 60 s) is far above the publish timeout, and a writer
// whose release finds the lock taken logs it as an error. Kafka transactions with one transactional id per
// partition would fence such a writer outright, at the cost of two more round trips per commit.
//
// Keys carry `{<topic>/<partition>}` as hash tag: the state and the lock of a partition share a Cluster slot.
import { randomUUID } from 'node:crypto';
import { withScripts, type RedisClient } from '@lgsp/redis';

export interface ChainHead {
  hash: string;
  /** The offset the next entry of this partition will get, as Kafka counts. */
  nextOffset: string;
}

export interface HeldPartition {
  partition: number;
  token: string;
  /** The head, when Redis holds a trustworthy one; undefined when it must be recovered from the log. */
  head: ChainHead | undefined;
}

export interface ChainTail {
  offset: string;
  hash: string;
}

export interface ChainHeads {
  /** Takes the partition's lock, or returns undefined when another writer holds it. */
  acquire(partition: number): Promise<HeldPartition | undefined>;
  /** Stores the new head and releases the lock; false when the lock was no longer ours. */
  releaseClean(held: HeldPartition, head: ChainHead): Promise<boolean>;
  /** Releases the lock leaving the head dirty, for the next writer to recover from the log. */
  releaseDirty(held: HeldPartition): Promise<void>;
  /** The last entry the access-log projection has seen on the partition (what recovery reads). */
  readTail(partition: number): Promise<ChainTail | undefined>;
  recordTail(partition: number, tail: ChainTail): Promise<void>;
  /** The head as recorded, for verification against the log (a removed tail shows only against it). */
  readHead(partition: number): Promise<ChainHead | undefined>;
}

const ACQUIRE = `
if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
local head = redis.call('HMGET', KEYS[1], 'hash', 'next', 'dirty')
redis.call('HSET', KEYS[1], 'dirty', '1')
return {head[1] or '', head[2] or '', head[3] or ''}`;

const RELEASE_CLEAN = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'hash', ARGV[2], 'next', ARGV[3], 'dirty', '0')
redis.call('DEL', KEYS[2])
return 1`;

const RELEASE_DIRTY = `
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1`;

const RECORD_TAIL = `
local current = tonumber(redis.call('HGET', KEYS[1], 'tailOffset') or '-1')
if tonumber(ARGV[1]) > current then redis.call('HSET', KEYS[1], 'tailOffset', ARGV[1], 'tailHash', ARGV[2]) end
return 1`;

interface ChainCommands {
  lgspAuditAcquire(state: string, lock: string, token: string, ttlMs: number): Promise<[string, string, string] | null>;
  lgspAuditReleaseClean(state: string, lock: string, token: string, hash: string, next: string): Promise<number>;
  lgspAuditReleaseDirty(state: string, lock: string, token: string): Promise<number>;
  lgspAuditRecordTail(state: string, offset: string, hash: string): Promise<number>;
}

function chainCommands(redis: RedisClient): RedisClient & ChainCommands {
  return withScripts<ChainCommands>(redis, {
    lgspAuditAcquire: { numberOfKeys: 2, lua: ACQUIRE },
    lgspAuditReleaseClean: { numberOfKeys: 2, lua: RELEASE_CLEAN },
    lgspAuditReleaseDirty: { numberOfKeys: 2, lua: RELEASE_DIRTY },
    lgspAuditRecordTail: { numberOfKeys: 1, lua: RECORD_TAIL },
  });
}

export function chainStateKey(keyPrefix: string, topic: string, partition: number): string {
  return `${keyPrefix}lgsp:audit-chain:{${topic}/${partition}}`;
}

export function createChainHeads({ redis, keyPrefix, topic, lockTtlMs }: { redis: RedisClient; keyPrefix: string; topic: string; lockTtlMs: number }): ChainHeads {
  const client = chainCommands(redis);
  const state = (partition: number): string => chainStateKey(keyPrefix, topic, partition);
  const lock = (partition: number): string => `${state(partition)}:lock`;

  return {
    async acquire(partition) {
      const token = randomUUID();
      const answer = await client.lgspAuditAcquire(state(partition), lock(partition), token, lockTtlMs);
      if (answer === null) return undefined;
      const [hash, nextOffset, dirty] = answer;
      const trustworthy = hash !== '' && nextOffset !== '' && dirty !== '1';
      return { partition, token, head: trustworthy ? { hash, nextOffset } : undefined };
    },
    async releaseClean(held, head) {
      return (await client.lgspAuditReleaseClean(state(held.partition), lock(held.partition), held.token, head.hash, head.nextOffset)) === 1;
    },
    async releaseDirty(held) {
      await client.lgspAuditReleaseDirty(state(held.partition), lock(held.partition), held.token);
    },
    async readTail(partition) {
      const [offset, hash] = await redis.hmget(state(partition), 'tailOffset', 'tailHash');
      return offset && hash ? { offset, hash } : undefined;
    },
    async recordTail(partition, tail) {
      await client.lgspAuditRecordTail(state(partition), tail.offset, tail.hash);
    },
    async readHead(partition) {
      const [hash, nextOffset] = await redis.hmget(state(partition), 'hash', 'next');
      return hash && nextOffset ? { hash, nextOffset } : undefined;
    },
  };
}
