// Walks a generation's person keys in pages. O(keyspace): for operators and tests, not a metric (the
// record count is a counter, readRecordCounters).
import { scanKeyPages } from './key-scan.ts';
import { personKeyPattern, type Keyspace } from './keys.ts';
import { readPerson } from './store.ts';
import type { StoredPerson } from './stored-state.ts';
import type { RedisClient } from '@lgsp/redis';

/** Yields pages of personal IDs of the keyspace's person keys. */
export async function* personIdPages(redis: RedisClient, keyspace: Keyspace, pageSize = 1_000): AsyncGenerator<string[]> {
  for await (const keys of scanKeyPages(redis, personKeyPattern(keyspace), pageSize)) {
    const ids = keys.map((key) => /\{([^}]+)\}$/.exec(key)?.[1]).filter((id): id is string => id !== undefined);
    if (ids.length > 0) yield ids;
  }
}

export async function countPeople(redis: RedisClient, keyspace: Keyspace): Promise<number> {
  let count = 0;
  for await (const page of personIdPages(redis, keyspace)) count += page.length;
  return count;
}

/** Every stored person of the keyspace, a page at a time. */
export async function* storedPeople(redis: RedisClient, keyspace: Keyspace): AsyncGenerator<StoredPerson> {
  for await (const page of personIdPages(redis, keyspace, 500)) {
    const people = await Promise.all(page.map((id) => readPerson(redis, keyspace, id)));
    for (const person of people) if (person) yield person;
  }
}
