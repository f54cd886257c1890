// What subscribers and operators see from the consolidator: every changed record on the compacted
// records topic, and every message it cannot use in the dead-letter topic — with the loop going on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent, createGenerator, encodeKafkaMessage } from '@lgsp/contract';
import { createProducer, ensureTopics, hubTopicSpecs, parseDeadLetter, topicNames, type KafkaMessage } from '@lgsp/kafka';
import { eventually, quietLogger, stackEndpoints, testKafka, uniqueId, uniqueKeyPrefix, uniqueTopicPrefix } from '@lgsp/testkit';
import { startConsolidator, type RunningConsolidator } from './consolidator-process.ts';

const kafka = testKafka();
const prefix = uniqueTopicPrefix();
const names = topicNames(prefix);
let consolidator: RunningConsolidator;

async function readUntil(topic: string, done: (messages: KafkaMessage[]) => boolean): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueId('reader') });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  try {
    await eventually(() => (done(messages) ? true : undefined), { timeoutMs: 30_000 });
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

beforeAll(async () => {
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, hubTopicSpecs({ prefix, partitions: 3 }));
  await admin.disconnect();
  consolidator = startConsolidator({
    KAFKA_BROKERS: stackEndpoints().kafkaBrokers,
    REDIS_URL: stackEndpoints().redisUrl,
    KAFKA_TOPIC_PREFIX: prefix,
    REDIS_KEY_PREFIX: uniqueKeyPrefix(),
    CONSOLIDATOR_GROUP_ID: uniqueId('consolidator'),
  });
  await consolidator.started;
}, 60_000);

afterAll(async () => {
  consolidator.child.kill('SIGTERM');
  await consolidator.exited;
});

describe('what the consolidator publishes', () => {
  it('publishes each changed record, keyed by personal ID, with the enterprise status joined in', async () => {
    const generator = createGenerator(3);
    const person = generator.person();
    const holdings = generator.holdings();
    const producer = createProducer({ kafka, logger: quietLogger() });
    await producer.publish(names.registry.household, [encodeKafkaMessage(generator.event('vn.lgsp.household.citizen-registered.v1', person, holdings))]);
    await producer.publish(names.registry.enterprise, [
      encodeKafkaMessage(generator.event('vn.lgsp.enterprise.status-changed.v1', person, holdings)),
      encodeKafkaMessage(generator.event('vn.lgsp.enterprise.role-assigned.v1', person, holdings)),
    ]);
    await producer.disconnect();

    type Published = { version: number; enterpriseRoles: Array<{ enterpriseStatus: string | null }> };
    const parse = (message: KafkaMessage): Published => JSON.parse(message.value!.toString()) as Published;
    // The last message of the key — what a compacted topic keeps — carries the joined status, whichever
    // of the role and the status the consolidator applied first.
    const records = await readUntil(names.records, (messages) => {
      const last = messages[messages.length - 1];
      return last !== undefined && parse(last).enterpriseRoles[0]?.enterpriseStatus != null;
    });
    expect(records.every((message) => message.key?.toString() === person.personalId)).toBe(true);
    const last = parse(records[records.length - 1]!);
    expect(last.version).toBe(2);
    expect(last.enterpriseRoles).toEqual([expect.objectContaining({ enterpriseCode: holdings.enterpriseCode, enterpriseStatus: expect.any(String) })]);
  });

  it('dead-letters a message it cannot use, with the reason and the original, and goes on', async () => {
    const generator = createGenerator(4);
    const person = generator.person();
    const unknownVersion = { ...encodeKafkaMessage(generator.event('vn.lgsp.household.citizen-registered.v1', person)) };
    unknownVersion.headers = { ...unknownVersion.headers, ce_type: 'vn.lgsp.household.citizen-registered.v9' };
    const good = buildEvent('vn.lgsp.household.death-registered.v1', {
      id: 'HT-AFTER-POISON',
      subject: person.personalId,
      time: '2025-08-01T08:00:00+07:00',
      data: { personalId: person.personalId, dateOfDeath: '2025-07-31' },
    });
    const producer = createProducer({ kafka, logger: quietLogger() });
    await producer.publish(names.registry.household, [
      { key: person.personalId, value: '{not json' },
      unknownVersion,
      encodeKafkaMessage(good),
    ]);
    await producer.disconnect();

    const letters = (await readUntil(names.deadLetter, (messages) => messages.length >= 2)).map((message) => parseDeadLetter(message.value));
    expect(letters).toHaveLength(2);
    expect(letters.map((letter) => letter?.stage)).toEqual(['consolidator', 'consolidator']);
    expect(letters.find((letter) => letter?.original.body === '{not json')?.reason).toMatch(/not a CloudEvent|contract/);
    expect(letters.find((letter) => letter?.original.headers?.ce_type?.endsWith('.v9'))?.errors).toEqual([expect.objectContaining({ pointer: '/type' })]);
    expect(letters.every((letter) => letter?.origin?.topic === names.registry.household)).toBe(true);

    // The event after the poison was applied: the loop went on.
    await readUntil(names.records, (messages) => messages.some((message) => JSON.parse(message.value!.toString()).status?.lifeStatus === 'dead'));
  });
});
