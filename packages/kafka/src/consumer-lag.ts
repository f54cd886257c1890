// Consumer lag: per partition, the end offset (next to be written) minus the group's committed offset.
// A partition the group never committed to is behind by everything still in it (end − low watermark),
// since the consolidator starts such partitions from the beginning.
import type { Admin } from 'kafkajs';

export interface PartitionOffsets {
  partition: number;
  /** Earliest offset still in the log. */
  low: string;
  /** End offset: the next one Kafka will write. */
  high: string;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** The group's committed offset (the next it will read), or null when it has never committed one. */
  committed: string | null;
  end: string;
  lag: number;
}

export interface LagReport {
  group: string;
  total: number;
  partitions: PartitionLag[];
}

export function partitionLag(topic: string, offsets: PartitionOffsets, committed: string | undefined): PartitionLag {
  const high = BigInt(offsets.high);
  const hasCommitted = committed !== undefined && committed !== '-1' && committed !== '';
  const from = hasCommitted ? BigInt(committed) : BigInt(offsets.low);
  const lag = high > from ? high - from : 0n;
  return { topic, partition: offsets.partition, committed: hasCommitted ? committed : null, end: offsets.high, lag: Number(lag) };
}

export function lagReport(group: string, topics: ReadonlyArray<{ topic: string; offsets: PartitionOffsets[]; committed: ReadonlyMap<number, string> }>): LagReport {
  const partitions = topics.flatMap(({ topic, offsets, committed }) =>
    [...offsets].sort((a, b) => a.partition - b.partition).map((partition) => partitionLag(topic, partition, committed.get(partition.partition))),
  );
  return { group, total: partitions.reduce((sum, entry) => sum + entry.lag, 0), partitions };
}

/** Lag of a topic's partitions summed, per topic. */
export function lagByTopic(report: LagReport): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of report.partitions) totals.set(entry.topic, (totals.get(entry.topic) ?? 0) + entry.lag);
  return totals;
}

export async function topicOffsets(admin: Admin, topics: readonly string[]): Promise<Map<string, PartitionOffsets[]>> {
  const existing = new Set(await admin.listTopics());
  const result = new Map<string, PartitionOffsets[]>();
  for (const topic of topics) {
    if (!existing.has(topic)) continue;
    const offsets = await admin.fetchTopicOffsets(topic);
    result.set(topic, offsets.map(({ partition, low, high }) => ({ partition, low, high })).sort((a, b) => a.partition - b.partition));
  }
  return result;
}

export async function fetchLag(admin: Admin, group: string, topics: readonly string[]): Promise<LagReport> {
  const offsets = await topicOffsets(admin, topics);
  const present = [...offsets.keys()];
  const committed = present.length > 0 ? await admin.fetchOffsets({ groupId: group, topics: present }) : [];
  return lagReport(
    group,
    present.map((topic) => ({
      topic,
      offsets: offsets.get(topic)!,
      committed: new Map((committed.find((entry) => entry.topic === topic)?.partitions ?? []).map(({ partition, offset }) => [partition, offset])),
    })),
  );
}
