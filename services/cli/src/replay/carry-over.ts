// For `lgsp replay --registry <name>`: the new generation starts as a copy of the live one with that
// registry's share of every record taken out (withoutRegistry: its sections, history, provenance and change
// count, and the watermarks of its topic), so that folding the registry's topic from its beginning gives
// what a whole rebuild would. The other registries' partitions go on from the live floors read *before* the
// copy: events applied live after that are redelivered, and skipped by the copied watermarks.
import { figureDelta, recordFigureFields, renderRecordCore, withoutRegistry, type PersonState } from '@lgsp/record';
import type { Registry } from '@lgsp/contract';
import {
  compareAndSetMany,
  decodeStored,
  enterpriseHoldersKey,
  enterpriseHoldersKeyPattern,
  enterpriseKey,
  enterpriseKeyPattern,
  personKey,
  personKeyPattern,
  saveOffsets,
  scanKeyPages,
  type CasWrite,
  type Keyspace,
  type StoredEnterprise,
  type StoredPerson,
  type Watermarks,
} from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import type { Positions } from './positions.ts';

export interface CarryOverOptions {
  redis: RedisClient;
  from: Keyspace;
  to: Keyspace;
  registry: Registry;
  /** The registry's topic, whose watermarks go with its share. */
  registryTopic: string;
  /** The live floors read before the copy began; kept for every other topic. */
  liveFloors: Positions;
  /** The new generation's consumer group, whose floors are set. */
  groupId: string;
  onProgress(copied: number): void;
}

const tagOf = (key: string): string => /\{([^}]+)\}$/.exec(key)![1]!;

function withoutTopic(watermarks: Watermarks, topic: string): Watermarks {
  return Object.fromEntries(Object.entries(watermarks).filter(([partition]) => !partition.startsWith(`${topic}:`)));
}

/** Nothing left of a person once the registry's share is out: only that registry ever spoke of them. */
function nothingLeft(state: PersonState): boolean {
  return state.history.length === 0;
}

export async function carryOver(options: CarryOverOptions): Promise<{ people: number; enterprises: number }> {
  const { redis, from, to, registry, registryTopic } = options;
  let people = 0;
  for await (const keys of scanKeyPages(redis, personKeyPattern(from), 500)) {
    const values = await Promise.all(keys.map((key) => redis.hgetBuffer(key, 's')));
    const writes: CasWrite[] = [];
    keys.forEach((key, index) => {
      const bytes = values[index];
      if (!bytes) return;
      const stored = decodeStored<StoredPerson>(bytes);
      const state = withoutRegistry(stored.state, registry);
      if (nothingLeft(state)) return;
      writes.push({
        key: personKey(to, tagOf(key)),
        expectedRevision: 0,
        value: { state, watermarks: withoutTopic(stored.watermarks, registryTopic) },
        figures: figureDelta(undefined, recordFigureFields(renderRecordCore(state))),
      });
    });
    await compareAndSetMany(redis, to, writes);
    people += writes.length;
    options.onProgress(people);
  }

  let enterprises = 0;
  // An enterprise's status and its holders belong to the enterprise registry: rebuilt when it is replayed.
  if (registry !== 'enterprise') {
    for await (const keys of scanKeyPages(redis, enterpriseKeyPattern(from), 500)) {
      const values = await Promise.all(keys.map((key) => redis.hgetBuffer(key, 's')));
      const writes = keys.flatMap((key, index): CasWrite[] => {
        const bytes = values[index];
        return bytes ? [{ key: enterpriseKey(to, tagOf(key)), expectedRevision: 0, value: decodeStored<StoredEnterprise>(bytes) }] : [];
      });
      await compareAndSetMany(redis, to, writes);
      enterprises += writes.length;
    }
    for await (const keys of scanKeyPages(redis, enterpriseHoldersKeyPattern(from), 500)) {
      const members = await Promise.all(keys.map((key) => redis.smembers(key)));
      await Promise.all(keys.map((key, index) => (members[index]!.length > 0 ? redis.sadd(enterpriseHoldersKey(to, tagOf(key)), ...members[index]!) : 0)));
    }
  }

  const floors = Object.fromEntries([...options.liveFloors].filter(([partition]) => !partition.startsWith(`${registryTopic}:`)).map(([partition, offset]) => [partition, offset.toString()]));
  await saveOffsets(redis, to, options.groupId, floors);
  return { people, enterprises };
}
