// Fresh topics for one benchmark run, loading them with events (untimed), and the consumption ceiling:
// a bare kafkajs consumer group reading them with an empty handler.
import { encodeKafkaMessage, type HubEvent } from '@lgsp/contract';
import { createKafka, createProducer, ensureTopics, hubTopicSpecs, topicNames, type Kafka, type TopicNames } from '@lgsp/kafka';
import { createLogger, type Logger } from '@lgsp/runtime';
import { uniqueId } from '@lgsp/testkit';

export async function freshTopics(kafka: Kafka, prefix: string, partitions = 6): Promise<TopicNames> {
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, hubTopicSpecs({ prefix, partitions }));
  await admin.disconnect();
  return topicNames(prefix);
}

export async function deleteTopics(kafka: Kafka, names: TopicNames): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [...Object.values(names.registry), names.records, names.deadLetter, names.audit] }).catch(() => {});
  await admin.disconnect();
}

export async function loadEvents(kafka: Kafka, logger: Logger, names: TopicNames, events: readonly HubEvent[]): Promise<void> {
  const producer = createProducer({ kafka, logger });
  for (let at = 0; at < events.length; at += 2000) {
    const byTopic = new Map<string, ReturnType<typeof encodeKafkaMessage>[]>();
    for (const event of events.slice(at, at + 2000)) {
      const topic = names.registry[event.source.split(':')[3] as keyof TopicNames['registry']];
      const list = byTopic.get(topic) ?? [];
      list.push(encodeKafkaMessage(event));
      byTopic.set(topic, list);
    }
    await producer.publishBatch([...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }
  await producer.disconnect();
}

/** Events per second a bare kafkajs consumer group reads the topics at, with an empty handler (B2's and B5's ceiling). */
export async function ceilingConsume(brokers: string, topics: string[], total: number): Promise<number> {
  const kafka = createKafka({ brokers, clientId: 'bench-ceiling', logger: createLogger({ service: 'bench', level: 'error' }) });
  const consumer = kafka.consumer({ groupId: uniqueId('bench-ceiling'), maxBytes: 32 * 1024 * 1024, maxWaitTimeInMs: 25 });
  let seen = 0;
  const started = performance.now();
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= total) resolve();
      },
    });
  });
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return total / seconds;
}

