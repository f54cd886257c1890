import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTopics, hubTopicSpecs } from '@lgsp/kafka';
import { stackEndpoints, testKafka, uniqueId, uniqueTopicPrefix } from '@lgsp/testkit';
import { startSampleService } from './service-process.ts';

const kafka = testKafka();
const admin = kafka.admin();
const topic = `${uniqueTopicPrefix()}sample`;

beforeAll(async () => {
  await admin.connect();
  await ensureTopics(admin, [{ ...hubTopicSpecs()[0]!, topic, numPartitions: 1 }]);
});
afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => {});
  await admin.disconnect();
});

describe('graceful shutdown', () => {
  it('lets a request in flight at SIGTERM finish and publish, then closes resources and exits 0', async () => {
    const { kafkaBrokers, redisUrl } = stackEndpoints();
    const service = await startSampleService({ KAFKA_BROKERS: kafkaBrokers, REDIS_URL: redisUrl, SAMPLE_TOPIC: topic, SLOW_MS: '1500', PORT: '0' });
    const requestId = uniqueId('req');
    const inFlight = fetch(`${service.url}/v1/slow`, { method: 'POST', headers: { 'x-request-id': requestId } });
    await new Promise((r) => setTimeout(r, 300));
    service.child.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ published: requestId });
    const { code } = await service.exited;
    expect(code).toBe(0);

    // New connections are refused once shutdown began.
    await expect(fetch(`${service.url}/health`)).rejects.toThrow();

    const messages = service.lines.map((line) => line.msg);
    const order = ['shutting down: no new requests, finishing in-flight ones', 'request completed', 'shutdown complete'];
    const positions = order.map((msg) => messages.indexOf(msg));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(service.lines.filter((line) => line.msg === 'resource closed').map((line) => line.resource)).toEqual([
      'kafka-producer',
      'kafka-admin',
      'redis',
    ]);

    // The published message is in Kafka: the producer was flushed before the process left.
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(1);
  });
});
