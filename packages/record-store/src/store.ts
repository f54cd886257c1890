// Reads and compare-and-set writes of the projection. Each entity is one Redis hash `{ s: state, n: revision }`;
// a write succeeds only if the revision is still the one that was read, so two consumers that briefly own the
// same partition during a rebalance can never overwrite each other's work.
import { withScripts, type RedisClient } from '@lgsp/redis';
import { hashTagOf } from './cluster-slots.ts';
import { encodeFigureDelta, figureKeysFor, ISSUE_CODES } from './figures.ts';
import { enterpriseHoldersKey, enterpriseKey, offsetsKey, personKey, type Keyspace } from './keys.ts';
import { decodeStored, encodeStored, type StoredEnterprise, type StoredPerson } from './stored-state.ts';

export interface Versioned<T> {
  value: T | undefined;
  /** 0 when the entity does not exist yet. */
  revision: number;
}

// Compare-and-set of many entities in one script run: each key is written only if its revision is the
// one that was read, and only then are its figure deltas added to the figures hash and the entity put in
// (or taken out of) the index of each quality issue code it gained (or lost).
// KEYS: the n entities, the figures hash, the issue indexes in ISSUE_CODES order.
// ARGV: n, then per entity its revision, value, figure delta (`field=change …`) and ID.
// Returns the 1-based positions that were not written. Per key, not all-or-nothing: an entity that lost a
// race is redone alone.
const CAS_MANY_SCRIPT = `
local n = tonumber(ARGV[1])
local figures = KEYS[n + 1]
local indexes = {}
${ISSUE_CODES.map((code, index) => `indexes['issue:${code}'] = KEYS[n + ${index + 2}]`).join('\n')}
local failed = {}
for i = 1, n do
  local at = 4 * i - 2
  local expected = ARGV[at]
  if (redis.call('HGET', KEYS[i], 'n') or '0') == expected then
    redis.call('HSET', KEYS[i], 's', ARGV[at + 1], 'n', tostring(tonumber(expected) + 1))
    for field, change in string.gmatch(ARGV[at + 2], '([%w:_%-]+)=(%-?%d+)') do
      redis.call('HINCRBY', figures, field, change)
      local index = indexes[field]
      if index then
        if tonumber(change) > 0 then redis.call('SADD', index, ARGV[at + 3]) else redis.call('SREM', index, ARGV[at + 3]) end
      end
    end
  else
    failed[#failed + 1] = i
  end
end
return failed`;

interface CasCommands {
  lgspCompareAndSetMany(numberOfKeys: number, ...keysThenArgs: Array<string | Buffer>): Promise<number[]>;
}

export function withCasCommand(redis: RedisClient): RedisClient & CasCommands {
  return withScripts<CasCommands>(redis, {
    // The number of keys comes first: on a Redis Cluster one entity and its slot's figure keys, routed by them.
    lgspCompareAndSetMany: { lua: CAS_MANY_SCRIPT },
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

/** What the script receives for one write: revision, value, figure delta, and the entity's ID (its hash tag). */
function writeArguments(write: CasWrite): Array<string | Buffer> {
  return [String(write.expectedRevision), encodeStored(write.value), encodeFigureDelta(write.figures), hashTagOf(write.key)];
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
      writes.map((write) => {
        const keys = [write.key, ...figureKeysFor(redis, keyspace, write.key)];
        return client.lgspCompareAndSetMany(keys.length, ...keys, '1', ...writeArguments(write));
      }),
    );
    return writes.filter((_, index) => (results[index] ?? []).length > 0).map((write) => write.key);
  }
  // A single Redis: the whole chunk in one script run, one round trip.
  const keys = [...writes.map((write) => write.key), ...figureKeysFor(redis, keyspace)];
  const failed = await client.lgspCompareAndSetMany(keys.length, ...keys, String(writes.length), ...writes.flatMap(writeArguments));
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
