// Walks keys matching a pattern with SCAN, on every master of a Redis Cluster, in pages, so neither Redis
// nor the caller holds the whole keyspace at once. O(keyspace): for operators and tests, not a metric.
import type { RedisClient } from '@lgsp/redis';

export type ScanNode = Pick<RedisClient, 'scan'>;

export function scanNodes(redis: RedisClient): ScanNode[] {
  return redis.isCluster && 'nodes' in redis ? redis.nodes('master') : [redis];
}

export async function* scanKeyPages(redis: RedisClient, pattern: string, pageSize = 1_000): AsyncGenerator<string[]> {
  for (const node of scanNodes(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', pageSize);
      cursor = next;
      if (keys.length > 0) yield keys;
    } while (cursor !== '0');
  }
}
