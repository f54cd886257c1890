// Reads and compare-and-set writes of the projection. Each entity is one Redis hash `{ s: state, n: revision }`;
// a write succeeds only if the revision is still the one that was read, so two consumers that briefly own the
// same partition during a rebalance can never overwrite each other's work.
import { withScripts, type RedisClient } from '@lgsp/redis';
import { encodeFigureDelta, figuresKeyFor } from './figures.ts';
import { enterpriseHoldersKey, enterpriseKey, figuresKey, offsetsKey, personKey, type Keyspace } from './keys.ts';
import { decodeStored, encodeStored, type StoredEnterprise, type StoredPerson } from './stored-state.ts';

export interface Versioned<T> {
  value: T | undefined;
  /** 0 when the entity does not exist yet. */
  revision: number;
}

// Compare-and-set of many entities in one script run: each key is written only if its revision is the
// one that was read (ARGV holds revision, value, figure-delta triples), and only then are its figure deltas
// added to the figures hash, the last KEY. Returns the 1-based positions that were not written.
// Per key, not all-or-nothing: an entity that lost a race is redone alone.
const CAS_MANY_SCRIPT = `
local figures = KEYS[#KEYS]
local failed = {}
for i = 1, #KEYS - 1 do
  local expected = ARGV[3 * i - 2]
  if (redis.call('HGET', KEYS[i], 'n') or '0') == expected then
    redis.call('HSET', KEYS[i], 's', ARGV[3 * i - 1], 'n', tostring(tonumber(expected) + 1))
    for field, change in string.gmatch(ARGV[3 * i], '([%w:_%-]+)=(%-?%d+)') do
      redis.call('HINCRBY', figures, field, change)
    end
  else
    failed[#failed + 1] = i
  end
end
return failed`;

interface CasCommands {
  lgspCompareAndSetMany(numberOfKeys: number, ...keysThenArgs: Array<string | Buffer>): Promise<number[]>;
  lgspCompareAndSetOne(key: string, figures: string, expectedRevision: string, value: Buffer, figureDelta: string): Promise<number[]>;
}

export function withCasCommand(redis: RedisClient): RedisClient & CasCommands {
  return withScripts<CasCommands>(redis, {
    lgspCompareAndSetMany: { lua: CAS_MANY_SCRIPT },
    // The same script for one entity and its slot's figures hash, keys declared, so a Redis Cluster client
    // routes (and auto-pipelines) it by them: there a script may touch only one slot.
    lgspCompareAndSetOne: { lua: CAS_MANY_SCRIPT, numberOfKeys: 2 },
  });
}

async function loadMany<T extends StoredPerson | StoredEnterprise>(redis: RedisClient, keys: string[]): Promise<Array<Versioned<T>>> {
  // Separate commands, not one pipeline: in a Redis Cluster the keys live on many nodes, and ioredis's
  // auto-pipelining batches them per node in one round trip anyway.
  const results = await Promise.all(keys.map((key) => redis.hmgetBuffer(key, 's', 'n')));
  return results.map(([state, revision]) => ({
    value: state === null || state === undefined ? undefined : decodeStored<T>(state),
    revision: revision === null || revision === undefined ? 0 : Number(revision.toString('utf8')),
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
  /** What storing this value changes in the record figures (counter → change); counted only if stored. */
  figures?: Readonly<Record<string, number>>;
}

/**
 * Runs the writes of one keyspace in one round trip; returns the keys whose revision had moved (to be
 * reloaded and redone).
 */
export async function compareAndSetMany(redis: RedisClient, keyspace: Keyspace, writes: CasWrite[]): Promise<string[]> {
  if (writes.length === 0) return [];
  const client = withCasCommand(redis);
  if (redis.isCluster) {
    // One script run per key: a chunk's keys live in many slots. (`isCluster`, not instanceof: the
    // client may come from another copy of ioredis.)
    const results = await Promise.all(
      writes.map((write) =>
        client.lgspCompareAndSetOne(write.key, figuresKeyFor(redis, keyspace, write.key), String(write.expectedRevision), encodeStored(write.value), encodeFigureDelta(write.figures)),
      ),
    );
    return writes.filter((_, index) => (results[index] ?? []).length > 0).map((write) => write.key);
  }
  // A single Redis: the whole chunk in one script run, one round trip.
  const failed = await client.lgspCompareAndSetMany(
    writes.length + 1,
    ...writes.map((write) => write.key),
    figuresKey(keyspace),
    ...writes.flatMap((write) => [String(write.expectedRevision), encodeStored(write.value), encodeFigureDelta(write.figures)]),
  );
  return failed.map((position) => writes[position - 1]!.key);
}

export async function addEnterpriseHolders(redis: RedisClient, keyspace: Keyspace, holders: Map<string, Set<string>>): Promise<void> {
  if (holders.size === 0) return;
  await Promise.all([...holders].map(([code, people]) => redis.sadd(enterpriseHoldersKey(keyspace, code), ...people)));
}

export function enterpriseHolders(redis: RedisClient, keyspace: Keyspace, code: string): Promise<string[]> {
  return redis.smembers(enterpriseHoldersKey(keyspace, code));
}

/** One stored person, for readers (citizen API, operator tools). */
export async function readPerson(redis: RedisClient, keyspace: Keyspace, personalId: string): Promise<StoredPerson | undefined> {
  const bytes = await redis.hgetBuffer(personKey(keyspace, personalId), 's');
  return bytes ? decodeStored<StoredPerson>(bytes) : undefined;
}

export async function readEnterprise(redis: RedisClient, keyspace: Keyspace, code: string): Promise<StoredEnterprise | undefined> {
  const bytes = await redis.hgetBuffer(enterpriseKey(keyspace, code), 's');
  return bytes ? decodeStored<StoredEnterprise>(bytes) : undefined;
}

export async function loadOffsets(redis: RedisClient, keyspace: Keyspace, group: string): Promise<Record<string, string>> {
  return redis.hgetall(offsetsKey(keyspace, group));
}

export async function saveOffsets(redis: RedisClient, keyspace: Keyspace, group: string, offsets: Record<string, string>): Promise<void> {
  if (Object.keys(offsets).length === 0) return;
  await redis.hset(offsetsKey(keyspace, group), offsets);
}
