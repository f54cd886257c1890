import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, createProducer } from '@lgsp/kafka';
import { captureLogger, eventually, quietLogger, startPrivateKafka, testKafka, uniqueTopicPrefix } from '@lgsp/testkit';

const kafka = testKafka();
const admin = kafka.admin();
const topic = `${uniqueTopicPrefix()}big`;

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true, timeout: 30_000 });
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

describe('the hub producer when the broker goes away', () => {
  it('answers unavailable, retires the kafkajs producer, and publishes under a new one once the broker is back', async () => {
    const broker = await startPrivateKafka();
    const privateKafka = createKafka({ brokers: broker.brokers, clientId: 'producer-test', logger: quietLogger(), connectionTimeoutMs: 1_000, requestTimeoutMs: 3_000 });
    const privateAdmin = privateKafka.admin();
    const captured = captureLogger();
    const producer = createProducer({ kafka: privateKafka, logger: captured.logger, timeoutMs: 2_000 });
    try {
      await privateAdmin.connect();
      await privateAdmin.createTopics({ topics: [{ topic: 'outage', numPartitions: 1 }], waitForLeaders: true, timeout: 30_000 });
      await privateAdmin.disconnect();
      await producer.publish('outage', [{ key: 'a', value: 'before' }]);
      await broker.stop();
      await expect(producer.publish('outage', [{ key: 'a', value: 'while away' }])).rejects.toMatchObject({ status: 503 });
      expect(captured.lines().some((line) => line.msg === 'producer retired after a failed send; the next publish uses a new producer id')).toBe(true);
      await broker.start();
      const metadata = await eventually(() => producer.publish('outage', [{ key: 'a', value: 'after' }]).catch(() => undefined), { timeoutMs: 60_000, intervalMs: 500 });
      expect(metadata[0]?.errorCode).toBe(0);
    } finally {
      await producer.disconnect().catch(() => {});
      await broker.destroy();
    }
  }, 120_000);
});
