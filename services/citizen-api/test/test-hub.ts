// A hub of a test's own on the shared Kafka and Redis: its topics (unique prefix), its keys (unique
// prefix), the real consolidator process folding real events, and citizen-api processes reading them.
import { encodeKafkaMessage, type HubEvent } from '@lgsp/contract';
import { createKafka, createProducer, ensureTopics, hubTopicSpecs, topicNames, type Kafka, type TopicNames } from '@lgsp/kafka';
import { readPerson } from '@lgsp/record-store';
import { closeRedis, type RedisClient } from '@lgsp/redis';
import { eventually, quietLogger, stackEndpoints, testKafka, testRedis, uniqueId, uniqueKeyPrefix, uniqueTopicPrefix } from '@lgsp/testkit';
import { readAuditLog, type AuditLogByPartition } from '@lgsp/audit';
import { CITIZEN_API_ENTRY, CONSOLIDATOR_ENTRY, startServiceProcess, type ServiceProcess } from '@lgsp/testkit';

export interface TestHub {
  topicPrefix: string;
  keyPrefix: string;
  names: TopicNames;
  kafka: Kafka;
  redis: RedisClient;
  /** Environment a citizen-api process of this hub needs (brokers, prefixes). */
  env: Record<string, string>;
  startCitizenApi(env?: Record<string, string>): Promise<ServiceProcess>;
  publish(events: readonly HubEvent[]): Promise<void>;
  /** Waits until the consolidator has folded the person up to at least `version`. */
  waitForVersion(personalId: string, version: number): Promise<void>;
  auditLog(): Promise<AuditLogByPartition[]>;
  close(): Promise<void>;
}

export interface TestHubOptions {
  partitions?: number;
  /** A broker of the test's own (startPrivateKafka), instead of the run's shared one. */
  kafkaBrokers?: string;
}

export async function startTestHub({ partitions = 3, kafkaBrokers: ownBrokers }: TestHubOptions = {}): Promise<TestHub> {
  const topicPrefix = uniqueTopicPrefix();
  const keyPrefix = uniqueKeyPrefix();
  const names = topicNames(topicPrefix);
  const kafka = ownBrokers ? createKafka({ brokers: ownBrokers, clientId: uniqueId('client'), logger: quietLogger() }) : testKafka();
  const redis = testRedis();
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, hubTopicSpecs({ prefix: topicPrefix, partitions }));
  await admin.disconnect();
  const { redisUrl } = stackEndpoints();
  const kafkaBrokers = ownBrokers ?? stackEndpoints().kafkaBrokers;
  const env = { KAFKA_BROKERS: kafkaBrokers, REDIS_URL: redisUrl, KAFKA_TOPIC_PREFIX: topicPrefix, REDIS_KEY_PREFIX: keyPrefix, NODE_ENV: 'test' };
  const processes: ServiceProcess[] = [];
  processes.push(await startServiceProcess(CONSOLIDATOR_ENTRY, { ...env, CONSOLIDATOR_GROUP_ID: uniqueId('consolidator'), CONSOLIDATOR_SESSION_TIMEOUT_MS: '6000' }, 'consolidating'));
  const producer = createProducer({ kafka, logger: quietLogger() });

  return {
    topicPrefix,
    keyPrefix,
    names,
    kafka,
    redis,
    env,
    async startCitizenApi(extra = {}) {
      const api = await startServiceProcess(CITIZEN_API_ENTRY, { ...env, ...extra }, 'citizen api ready');
      processes.push(api);
      return api;
    },
    async publish(events) {
      const byTopic = new Map<string, ReturnType<typeof encodeKafkaMessage>[]>();
      for (const event of events) {
        const topic = names.registry[event.source.split(':')[3] as keyof TopicNames['registry']];
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), encodeKafkaMessage(event)]);
      }
      await producer.publishBatch([...byTopic].map(([topic, messages]) => ({ topic, messages })));
    },
    async waitForVersion(personalId, version) {
      await eventually(async () => {
        const stored = await readPerson(redis, { prefix: keyPrefix, generation: '1' }, personalId);
        return stored && stored.state.version >= version ? true : undefined;
      }, { timeoutMs: 30_000 });
    },
    auditLog: () => readAuditLog(kafka, names.audit),
    async close() {
      await Promise.all(processes.map((service) => service.stop('SIGTERM')));
      await producer.disconnect();
      await closeRedis(redis);
    },
  };
}
