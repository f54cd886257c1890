// Fresh topics for one benchmark run, and loading them with events, untimed.
import { encodeKafkaMessage, type HubEvent } from '@lgsp/contract';
import { createProducer, ensureTopics, hubTopicSpecs, topicNames, type Kafka, type TopicNames } from '@lgsp/kafka';
import type { Logger } from '@lgsp/runtime';

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
