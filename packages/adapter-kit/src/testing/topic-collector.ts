// Reads hub topics from their beginning for as long as a test runs, so a test can take the end offsets
// before a request, and after it see exactly what the request published (or prove it published nothing).
import { decodeKafkaMessage, type DecodedEvent } from '@lgsp/contract';
import { headersAsStrings, type Admin, type Kafka } from '@lgsp/kafka';
import { eventually, uniqueId } from '@lgsp/testkit';

export interface CollectedMessage {
  topic: string;
  partition: number;
  offset: bigint;
  key: string | null;
  headers: Record<string, string>;
  value: string | null;
}

/** End offset (next offset to be written) of every partition, by `topic:partition`. */
export type EndOffsets = ReadonlyMap<string, bigint>;

export interface TopicCollector {
  endOffsets(): Promise<EndOffsets>;
  /** Waits until everything below `ends` is collected, then returns what lies between `from` and there. */
  publishedBetween(topic: string, from: EndOffsets, ends?: EndOffsets): Promise<CollectedMessage[]>;
  /** Everything collected so far of a topic, once caught up with its current end. */
  all(topic: string): Promise<CollectedMessage[]>;
  stop(): Promise<void>;
}

export function decodeCollected(message: CollectedMessage): DecodedEvent {
  return decodeKafkaMessage({ headers: message.headers, value: message.value === null ? null : Buffer.from(message.value, 'utf8') });
}

async function readEnds(admin: Admin, topics: readonly string[]): Promise<Map<string, bigint>> {
  const ends = new Map<string, bigint>();
  for (const topic of topics) {
    for (const { partition, high } of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}:${partition}`, BigInt(high));
  }
  return ends;
}

export async function collectTopics(kafka: Kafka, topics: readonly string[]): Promise<TopicCollector> {
  const admin = kafka.admin();
  await admin.connect();
  const consumer = kafka.consumer({ groupId: uniqueId('collector'), maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  const collected: CollectedMessage[] = [];
  const reached = new Map<string, bigint>();
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      collected.push({
        topic,
        partition,
        offset: BigInt(message.offset),
        key: message.key?.toString('utf8') ?? null,
        headers: headersAsStrings(message.headers),
        value: message.value?.toString('utf8') ?? null,
      });
      reached.set(`${topic}:${partition}`, BigInt(message.offset) + 1n);
    },
  });

  const caughtUp = async (ends: EndOffsets): Promise<void> => {
    await eventually(() => ([...ends].every(([at, end]) => end === 0n || (reached.get(at) ?? 0n) >= end) ? true : undefined), { timeoutMs: 30_000 });
  };

  const between = async (topic: string, from: EndOffsets, ends?: EndOffsets): Promise<CollectedMessage[]> => {
    const until = ends ?? (await readEnds(admin, [topic]));
    await caughtUp(until);
    return collected.filter(
      (message) =>
        message.topic === topic &&
        message.offset >= (from.get(`${topic}:${message.partition}`) ?? 0n) &&
        message.offset < (until.get(`${topic}:${message.partition}`) ?? 0n),
    );
  };

  return {
    endOffsets: () => readEnds(admin, topics),
    publishedBetween: between,
    all: (topic) => between(topic, new Map()),
    stop: async () => {
      await consumer.disconnect();
      await admin.disconnect();
    },
  };
}
