// The proof behind the Kafka version choice (README, "Kafka version"): kafkajs 2.2.4 does everything the
// hub needs against the real broker — admin with configs, idempotent produce, consumer groups that
// commit and resume, and transactions whose aborted writes stay hidden from read_committed readers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigResourceTypes, type Consumer, type KafkaMessage } from 'kafkajs';
import { createProducer } from '@lgsp/kafka';
import { quietLogger, testKafka, uniqueId, uniqueTopicPrefix } from '@lgsp/testkit';

const kafka = testKafka();
const admin = kafka.admin();
const prefix = uniqueTopicPrefix();
const topic = `${prefix}compat`;
const consumers: Consumer[] = [];

async function consumeUntil(groupId: string, count: number, options: { readUncommitted?: boolean } = {}): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId, readUncommitted: options.readUncommitted ?? false, allowAutoTopicCreation: false });
  consumers.push(consumer);
  const received: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} messages arrived`)), 30_000);
    void consumer.run({
      autoCommit: true,
      autoCommitInterval: 1,
      eachMessage: async ({ message }) => {
        received.push(message);
        if (received.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.commitOffsets([]); // flush pending auto-commits
  await consumer.disconnect();
  return received;
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] }],
    waitForLeaders: true,
    timeout: 30_000,
  });
});

afterAll(async () => {
  await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe('kafkajs 2.2.4 against the native broker', () => {
  it('creates a topic with configs and reads them back', async () => {
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }],
    });
    expect(described.resources[0]?.configEntries.find((entry) => entry.configName === 'retention.ms')?.configValue).toBe('-1');
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(3);
  });

  it('produces idempotently with keys and headers, and a consumer group reads them in key order', async () => {
    const producer = createProducer({ kafka, logger: quietLogger() });
    const messages = Array.from({ length: 30 }, (_, i) => ({
      key: `person-${i % 5}`,
      value: JSON.stringify({ i }),
      headers: { ce_id: `id-${i}` },
    }));
    const metadata = await producer.publish(topic, messages);
    expect(metadata.every((entry) => entry.errorCode === 0)).toBe(true);
    await producer.disconnect();

    const received = await consumeUntil(uniqueId('group'), 30);
    expect(received).toHaveLength(30);
    const byKey = new Map<string, number[]>();
    for (const message of received) {
      const key = message.key?.toString() ?? '';
      byKey.set(key, [...(byKey.get(key) ?? []), (JSON.parse(message.value?.toString() ?? '{}') as { i: number }).i]);
    }
    for (const order of byKey.values()) expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(received.find((message) => message.key?.toString() === 'person-0')?.headers?.ce_id?.toString()).toBe('id-0');
  });

  it('resumes a consumer group from its committed offsets', async () => {
    const groupId = uniqueId('group');
    const first = await consumeUntil(groupId, 30);
    expect(first.length).toBeGreaterThanOrEqual(30);
    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = offsets[0]?.partitions.reduce((sum, partition) => sum + Number(partition.offset), 0);
    const ends = await admin.fetchTopicOffsets(topic);
    const total = ends.reduce((sum, partition) => sum + Number(partition.high), 0);
    expect(committed).toBe(total);

    const producer = createProducer({ kafka, logger: quietLogger() });
    await producer.publish(topic, [{ key: 'late', value: 'after-commit' }]);
    await producer.disconnect();
    const second = await consumeUntil(groupId, 1);
    expect(second.map((message) => message.value?.toString())).toEqual(['after-commit']);
  });

  it('hides an aborted transaction from read_committed readers and shows a committed one', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, transactionalId: uniqueId('tx') });
    await producer.connect();
    const aborted = await producer.transaction();
    await aborted.send({ topic, acks: -1, messages: [{ key: 'tx', value: 'aborted' }] });
    await aborted.abort();
    const committed = await producer.transaction();
    await committed.send({ topic, acks: -1, messages: [{ key: 'tx', value: 'committed' }] });
    await committed.commit();
    await producer.disconnect();

    const all = await consumeUntil(uniqueId('group'), 32);
    const values = all.map((message) => message.value?.toString());
    expect(values).toContain('committed');
    expect(values).not.toContain('aborted');
  });

  it('lists, describes and deletes consumer groups', async () => {
    const groupId = uniqueId('group');
    await consumeUntil(groupId, 1);
    const { groups } = await admin.listGroups();
    expect(groups.map((group) => group.groupId)).toContain(groupId);
    const described = await admin.describeGroups([groupId]);
    expect(described.groups[0]?.state).toBe('Empty');
    await admin.resetOffsets({ groupId, topic, earliest: true });
    await admin.deleteGroups([groupId]);
    const after = await admin.listGroups();
    expect(after.groups.map((group) => group.groupId)).not.toContain(groupId);
  });
});
