// What a fault scenario must end with, checked through the hub's own outputs: the registry topics (the
// system of record) hold exactly the events that were acknowledged — none lost, none that was not — and
// the records served equal, byte for byte, a reference fold of those events in the log's order, every
// acknowledged event in its person's history exactly once.
import { decodeKafkaMessage, type HubEvent } from '@lgsp/contract';
import { readRanges, topicOffsets, type Kafka, type TopicNames } from '@lgsp/kafka';
import { currentGeneration, readPerson, type Keyspace } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import { referenceRecords, storedRecords } from '@lgsp/testkit';

const identity = (event: { source: string; id: string }): string => `${event.source} ${event.id}`;

/** Every event in the registry topics, partition by partition in offset order. */
export async function registryLog(kafka: Kafka, names: TopicNames): Promise<HubEvent[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = Object.values(names.registry);
    const ranges = [...(await topicOffsets(admin, topics))].flatMap(([topic, partitions]) =>
      partitions.map(({ partition, low, high }) => ({ topic, partition, from: BigInt(low), to: BigInt(high) })),
    );
    const messages = await readRanges(kafka, admin, ranges, { timeoutMs: 120_000 });
    return messages.map((message) => decodeKafkaMessage({ value: message.value, headers: message.headers }) as HubEvent);
  } finally {
    await admin.disconnect();
  }
}

export interface Verdict {
  /** Acknowledged events missing from the log. */
  lost: string[];
  /** Events in the log nobody got a 2xx for. */
  unacknowledged: string[];
  /** Records that differ from the reference (first few), and how many differ in all. */
  differences: string[];
  differing: number;
  /** Acknowledged person events not exactly once in their person's history. */
  notExactlyOnce: string[];
  records: number;
  generation: string;
}

export async function verifyHub({ kafka, redis, names, keyPrefix, acknowledged }: { kafka: Kafka; redis: RedisClient; names: TopicNames; keyPrefix: string; acknowledged: readonly HubEvent[] }): Promise<Verdict> {
  const log = await registryLog(kafka, names);
  const inLog = new Set(log.map(identity));
  const acked = new Set(acknowledged.map(identity));
  const generation = await currentGeneration(redis, keyPrefix);
  const keyspace: Keyspace = { prefix: keyPrefix, generation };
  const expected = referenceRecords(log);
  const actual = await storedRecords(redis, keyspace);
  const differences: string[] = [];
  for (const [id, bytes] of expected) {
    if (!actual.has(id)) differences.push(`${id}: missing`);
    else if (actual.get(id) !== bytes) differences.push(`${id}: differs\n  expected ${bytes}\n  actual   ${actual.get(id)}`);
  }
  for (const id of actual.keys()) if (!expected.has(id)) differences.push(`${id}: not expected`);

  const notExactlyOnce: string[] = [];
  const bySubject = new Map<string, HubEvent[]>();
  for (const event of acknowledged) if (event.type !== 'vn.lgsp.enterprise.status-changed.v1') bySubject.set(event.subject, [...(bySubject.get(event.subject) ?? []), event]);
  for (const [subject, events] of bySubject) {
    const history = (await readPerson(redis, keyspace, subject))?.state.history ?? [];
    for (const event of new Map(events.map((entry) => [identity(entry), entry])).values()) {
      const times = history.filter((entry) => entry.source === event.source && entry.eventId === event.id).length;
      if (times !== 1) notExactlyOnce.push(`${identity(event)} ×${times}`);
    }
  }
  return {
    lost: [...acked].filter((key) => !inLog.has(key)),
    unacknowledged: [...inLog].filter((key) => !acked.has(key)),
    differences: differences.slice(0, 3),
    differing: differences.length,
    notExactlyOnce: notExactlyOnce.slice(0, 5),
    records: actual.size,
    generation,
  };
}
