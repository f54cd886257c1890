// Where a generation's fold stands on the registry topics — per partition, the next offset to apply, as
// kept beside the records (the floors) — and how far it still has to go to the end of each partition.
import { topicOffsets, type Admin } from '@lgsp/kafka';
import { loadOffsets, type Keyspace } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';

/** `topic:partition` → offset. */
export type Positions = Map<string, bigint>;

export interface PartitionRange {
  low: bigint;
  high: bigint;
}

export async function partitionRanges(admin: Admin, topics: readonly string[]): Promise<Map<string, PartitionRange>> {
  const ranges = new Map<string, PartitionRange>();
  for (const [topic, partitions] of await topicOffsets(admin, topics)) {
    for (const { partition, low, high } of partitions) ranges.set(`${topic}:${partition}`, { low: BigInt(low), high: BigInt(high) });
  }
  return ranges;
}

export async function loadFloors(redis: RedisClient, keyspace: Keyspace, group: string): Promise<Positions> {
  const hash = await loadOffsets(redis, keyspace, group);
  return new Map(Object.entries(hash).map(([partition, offset]) => [partition, BigInt(offset)]));
}

/** Messages from `start` (or the low watermark) up to the end: the work of a fold that starts there. */
export function messagesFrom(ranges: ReadonlyMap<string, PartitionRange>, starts: ReadonlyMap<string, bigint> = new Map()): number {
  let total = 0n;
  for (const [partition, { low, high }] of ranges) {
    const start = maxOf(low, starts.get(partition) ?? low);
    if (high > start) total += high - start;
  }
  return Number(total);
}

/** Messages a fold standing at `floors` still has to apply to reach the end of every partition. */
export function messagesLeft(ranges: ReadonlyMap<string, PartitionRange>, floors: ReadonlyMap<string, bigint>): number {
  return messagesFrom(ranges, floors);
}

/** The partitions where `floors` are behind `required`, with both positions. */
export function behind(floors: ReadonlyMap<string, bigint>, required: ReadonlyMap<string, bigint>): Array<{ partition: string; at: bigint; needed: bigint }> {
  const late: Array<{ partition: string; at: bigint; needed: bigint }> = [];
  for (const [partition, needed] of required) {
    const at = floors.get(partition) ?? 0n;
    if (at < needed) late.push({ partition, at, needed });
  }
  return late;
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
