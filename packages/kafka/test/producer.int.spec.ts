import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProducer } from '@lgsp/kafka';
import { quietLogger, testKafka, uniqueTopicPrefix } from '@lgsp/testkit';

const kafka = testKafka();
const admin = kafka.admin();
const topic = `${uniqueTopicPrefix()}big`;

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
});
afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe('the hub producer', () => {
  it('publishes more than the broker takes in one request (5 MB) by splitting it, losing nothing', async () => {
    const producer = createProducer({ kafka, logger: quietLogger() });
    const messages = Array.from({ length: 5_000 }, (_, i) => ({ key: `k${i % 7}`, value: `${i}:${'x'.repeat(1_000)}` }));
    const metadata = await producer.publish(topic, messages);
    await producer.disconnect();
    expect(metadata.every((entry) => entry.errorCode === 0)).toBe(true);
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(5_000);
  });
});
