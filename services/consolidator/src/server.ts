// Entry point: `node services/consolidator/src/server.ts`.
import { createKafka, createProducer, topicNames, REGISTRIES } from '@lgsp/kafka';
import { currentGeneration } from '@lgsp/record-store';
import { closeRedis, createRedis } from '@lgsp/redis';
import { createLogger, createMetricsRegistry, exitOnConfigError, runService } from '@lgsp/runtime';
import { buildApp } from './app.ts';
import { createBatchApplier } from './batch-applier.ts';
import { loadConsolidatorConfig, type ConsolidatorConfig } from './config.ts';
import { createConsolidatorConsumer } from './consumer.ts';
import { createConsolidatorMetrics } from './metrics.ts';

let config: ConsolidatorConfig;
try {
  config = loadConsolidatorConfig();
} catch (error) {
  exitOnConfigError('consolidator', error);
}

const logger = createLogger({ service: 'consolidator', level: config.LOG_LEVEL });
const registry = createMetricsRegistry('consolidator');
const metrics = createConsolidatorMetrics(registry);
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-consolidator`, logger });
const admin = kafka.admin();
const producer = createProducer({ kafka, logger });
const redis = createRedis({ url: config.REDIS_URL, clusterNodes: config.REDIS_CLUSTER_NODES, logger, name: 'consolidator', maxRetriesPerRequest: 20 });
const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
const keyspace = { prefix: config.REDIS_KEY_PREFIX, generation: await currentGeneration(redis, config.REDIS_KEY_PREFIX) };

const applier = createBatchApplier({
  redis,
  keyspace,
  publishRecords: async (messages) => void (await producer.publish(topics.records, messages)),
  publishDeadLetters: async (messages) => void (await producer.publish(topics.deadLetter, messages)),
  now: () => new Date().toISOString(),
  logger,
  metrics,
});

const consumer = createConsolidatorConsumer({
  kafka,
  admin,
  redis,
  keyspace,
  groupId: config.CONSOLIDATOR_GROUP_ID,
  topics: Object.fromEntries(REGISTRIES.map((name) => [topics.registry[name], name])),
  applier,
  chunkSize: config.CONSOLIDATOR_CHUNK_SIZE,
  maxWaitMs: config.CONSOLIDATOR_MAX_WAIT_MS,
  partitionsConcurrently: config.CONSOLIDATOR_PARTITIONS_CONCURRENTLY,
  sessionTimeoutMs: config.CONSOLIDATOR_SESSION_TIMEOUT_MS,
  logger,
  metrics,
});

const app = await buildApp({
  logger,
  admin,
  redis,
  consumer,
  metrics: registry,
  resources: [
    { name: 'redis', close: () => closeRedis(redis) },
    { name: 'kafka-producer', close: () => producer.disconnect() },
    { name: 'kafka-admin', close: () => admin.disconnect() },
    { name: 'consumer', close: () => consumer.stop() },
  ],
});

await admin.connect();
await producer.connect();
await runService({ app, port: config.PORT, host: config.HOST, logger, graceMs: config.SHUTDOWN_GRACE_MS });
await consumer.start();
logger.info({ generation: keyspace.generation, group: config.CONSOLIDATOR_GROUP_ID }, 'consolidating');
