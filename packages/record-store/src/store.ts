// Reads and compare-and-set writes of the projection. Each entity is one Redis hash `{ s: state, n: revision }`;
// a write succeeds only if the revision is still the one that was read, so two consumers that briefly own the
// same partition during a rebalance can never overwrite each other's work.
import type { RedisClient } from '@lgsp/redis';
import { enterpriseHoldersKey, enterpriseKey, generationPointerKey, offsetsKey, personKey, type Keyspace } from './keys.ts';
import { decodeStored, encodeStored, type StoredEnterprise, type StoredPerson } from './stored-state.ts';

export interface Versioned<T> {
  value: T | undefined;
  /** 0 when the entity does not exist yet. */
  revision: number;
}

const CAS_SCRIPT = `
local current = redis.call('HGET', KEYS[1], 'n')
if (current or '0') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 's', ARGV[2], 'n', tostring(tonumber(ARGV[1]) + 1))
return 1`;

type RedisWithCas = RedisClient & {
  lgspCompareAndSet(key: string, expectedRevision: string, value: string): Promise<number>;
};

export function withCasCommand(redis: RedisClient): RedisWithCas {
  const client = redis as RedisWithCas;
  if (typeof client.lgspCompareAndSet !== 'function') client.defineCommand('lgspCompareAndSet', { numberOfKeys: 1, lua: CAS_SCRIPT });
  return client;
}

async function loadMany<T extends StoredPerson | StoredEnterprise>(redis: RedisClient, keys: string[]): Promise<Array<Versioned<T>>> {
  // Separate commands, not one pipeline: in a Redis Cluster the keys live on many nodes, and ioredis's
  // auto-pipelining batches them per node in one round trip anyway.
  const results = await Promise.all(keys.map((key) => redis.hmget(key, 's', 'n')));
  return results.map(([state, revision]) => ({
    value: state === null || state === undefined ? undefined : decodeStored<T>(state),
    revision: revision === null || revision === undefined ? 0 : Number(revision),
  }));
}

export function loadPeople(redis: RedisClient, keyspace: Keyspace, personalIds: string[]): Promise<Array<Versioned<StoredPerson>>> {
  return loadMany<StoredPerson>(redis, personalIds.map((id) => personKey(keyspace, id)));
}

export function loadEnterprises(redis: RedisClient, keyspace: Keyspace, codes: string[]): Promise<Array<Versioned<StoredEnterprise>>> {
  return loadMany<StoredEnterprise>(redis, codes.map((code) => enterpriseKey(keyspace, code)));
}

export interface CasWrite {
  key: string;
  expectedRevision: number;
  value: StoredPerson | StoredEnterprise;
}

/** Runs the writes in one round trip; returns the keys whose revision had moved (to be reloaded and redone). */
export async function compareAndSetMany(redis: RedisClient, writes: CasWrite[]): Promise<string[]> {
  if (writes.length === 0) return [];
  const client = withCasCommand(redis);
  const results = await Promise.all(writes.map((write) => client.lgspCompareAndSet(write.key, String(write.expectedRevision), encodeStored(write.value))));
  return writes.filter((_, index) => results[index] !== 1).map((write) => write.key);
}

export async function addEnterpriseHolders(redis: RedisClient, keyspace: Keyspace, holders: Map<string, Set<string>>): Promise<void> {
  if (holders.size === 0) return;
  await Promise.all([...holders].map(([code, people]) => redis.sadd(enterpriseHoldersKey(keyspace, code), ...people)));
}

export function enterpriseHolders(redis: RedisClient, keyspace: Keyspace, code: string): Promise<string[]> {
  return redis.smembers(enterpriseHoldersKey(keyspace, code));
}

export async function loadOffsets(redis: RedisClient, keyspace: Keyspace, group: string): Promise<Record<string, string>> {
  return redis.hgetall(offsetsKey(keyspace, group));
}

export async function saveOffsets(redis: RedisClient, keyspace: Keyspace, group: string, offsets: Record<string, string>): Promise<void> {
  if (Object.keys(offsets).length === 0) return;
  await redis.hset(offsetsKey(keyspace, group), offsets);
}

/** The generation readers and the live consolidator use; `1` until a replay switches it. */
export async function currentGeneration(redis: RedisClient, prefix: string): Promise<string> {
  const generation = await redis.get(generationPointerKey(prefix));
  return generation ?? '1';
}
