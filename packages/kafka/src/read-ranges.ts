// Reads chosen offset ranges of topic partitions once, then stops: a throw-away consumer group (kafkajs
// has no group-less consumer) that commits nothing, seeks each partition to its start and stops when
// every range is read; the group is deleted afterwards. For operator reads, never for the data path.
import { randomBytes } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import { headersAsStrings } from './dead-letter.ts';

export interface OffsetRange {
  topic: string;
  partition: number;
  /** First offset to read. */
  from: bigint;
  /** End, exclusive. */
  to: bigint;
}

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  /** Broker timestamp, milliseconds since the epoch. */
  timestamp: number;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

const rangeKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

export async function readRanges(kafka: Kafka, admin: Admin, ranges: readonly OffsetRange[], { timeoutMs = 60_000 } = {}): Promise<ReadMessage[]> {
  const wanted = new Map(ranges.filter((range) => range.to > range.from).map((range) => [rangeKey(range.topic, range.partition), range]));
  if (wanted.size === 0) return [];
  const groupId = `lgsp-cli-read-${randomBytes(6).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false, retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 } });
  const messages: ReadMessage[] = [];
  const pending = new Set(wanted.keys());
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...new Set([...wanted.values()].map((range) => range.topic))], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const key = rangeKey(batch.topic, batch.partition);
        const range = wanted.get(key);
        if (!range || !pending.has(key)) return;
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset < range.from || offset >= range.to) continue;
          messages.push({
            topic: batch.topic,
            partition: batch.partition,
            offset: message.offset,
            timestamp: Number(message.timestamp),
            key: message.key?.toString('utf8') ?? null,
            value: message.value,
            headers: headersAsStrings(message.headers),
          });
        }
        // lastOffset() counts records kafkajs filtered out (control records), so a range ending on one ends.
        if (BigInt(batch.lastOffset()) >= range.to - 1n) {
          pending.delete(key);
          if (pending.size === 0) finish();
        }
      },
    });
    for (const range of wanted.values()) consumer.seek({ topic: range.topic, partition: range.partition, offset: range.from.toString() });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`reading ${[...new Set([...wanted.values()].map((range) => range.topic))].join(', ')} did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      await Promise.race([done, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await consumer.disconnect().catch(() => {});
    await admin.deleteGroups([groupId]).catch(() => {});
  }
  return messages.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition || (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1)));
}
