// Walks the current generation's person keys with SCAN (every master of a Redis Cluster), in pages, so
// neither Redis nor the caller holds the whole keyspace at once. O(keyspace): for operators and tests, not a metric.
import { personKeyPattern, type Keyspace } from './keys.ts';
import { readPerson } from './store.ts';
import type { StoredPerson } from './stored-state.ts';
import type { RedisClient } from '@lgsp/redis';

type ScanNode = Pick<RedisClient, 'scan'>;

function scanNodes(redis: RedisClient): ScanNode[] {
  return redis.isCluster && 'nodes' in redis ? redis.nodes('master') : [redis];
}

/** Yields pages of personal IDs of the keyspace's person keys. */
export async function* personIdPages(redis: RedisClient, keyspace: Keyspace, pageSize = 1_000): AsyncGenerator<string[]> {
  const pattern = personKeyPattern(keyspace);
  for (const node of scanNodes(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', pageSize);
      cursor = next;
      const ids = keys.map((key) => /\{([^}]+)\}$/.exec(key)?.[1]).filter((id): id is string => id !== undefined);
      if (ids.length > 0) yield ids;
    } while (cursor !== '0');
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
