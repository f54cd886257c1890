// An adapter app on the run's real Kafka and Redis (or a private broker), isolated by a fresh topic
// prefix and Redis key prefix, with a collector reading its topics: what integration tests start from.
import type { Registry } from '@lgsp/contract';
import { createKafka, createProducer, ensureTopics, hubTopicSpecs, topicNames, type Kafka, type TopicNames } from '@lgsp/kafka';
import { developmentPolicyPath, loadPolicy } from '@lgsp/policy';
import { closeRedis, type RedisClient } from '@lgsp/redis';
import type { Logger, ServiceApp } from '@lgsp/runtime';
import { quietLogger, testKafka, testRedis, uniqueId, uniqueKeyPrefix, uniqueTopicPrefix } from '@lgsp/testkit';
import type { AdapterAppDeps } from '../app.ts';
import { collectTopics, type TopicCollector } from './topic-collector.ts';

export interface AdapterUnderTest {
  app: ServiceApp;
  kafka: Kafka;
  redis: RedisClient;
  topics: TopicNames;
  topicPrefix: string;
  keyPrefix: string;
  /** The registry's topic and the dead-letter topic. */
  collector: TopicCollector;
  close(): Promise<void>;
}

export interface StartAdapterUnderTestOptions {
  registry: Registry;
  buildApp: (deps: AdapterAppDeps) => Promise<ServiceApp>;
  /** A private broker's address; the run's shared broker by default. */
  brokers?: string;
  /** How long a publish may wait for Kafka (short for outage tests). */
  publishTimeoutMs?: number;
  logger?: Logger;
}

export async function startAdapterUnderTest({ registry, buildApp, brokers, publishTimeoutMs, logger = quietLogger() }: StartAdapterUnderTestOptions): Promise<AdapterUnderTest> {
  const kafka = brokers ? createKafka({ brokers, clientId: uniqueId('adapter-test'), logger, connectionTimeoutMs: 1_000, retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500 } }) : testKafka(uniqueId('adapter-test'), logger);
  const topicPrefix = uniqueTopicPrefix();
  const keyPrefix = uniqueKeyPrefix();
  const topics = topicNames(topicPrefix);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, hubTopicSpecs({ prefix: topicPrefix, partitions: 3 }));
  const producer = createProducer({ kafka, logger, ...(publishTimeoutMs ? { timeoutMs: publishTimeoutMs } : {}) });
  await producer.connect();
  const redis = testRedis(logger);
  const app = await buildApp({
    logger,
    policy: loadPolicy(developmentPolicyPath, { nodeEnv: 'test' }),
    producer,
    admin,
    redis,
    topicPrefix,
    keyPrefix,
  });
  await app.ready();
  const collector = await collectTopics(kafka, [topics.registry[registry], topics.deadLetter]);
  return {
    app,
    kafka,
    redis,
    topics,
    topicPrefix,
    keyPrefix,
    collector,
    close: async () => {
      await app.close();
      await collector.stop();
      await producer.disconnect();
      await admin.disconnect();
      await closeRedis(redis);
    },
  };
}
