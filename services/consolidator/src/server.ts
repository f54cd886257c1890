// Entry point: `node services/consolidator/src/server.ts`.
import { createBatchApplier, createConsolidatorConsumer, createConsolidatorMetrics, createGenerationGate } from '@lgsp/consolidation';
import { createRegistryCounters, provinceFigures, registerFigureGauges } from '@lgsp/figures';
import { createKafka, createProducer, topicNames, REGISTRIES } from '@lgsp/kafka';
import { currentGeneration, newInstanceId } from '@lgsp/record-store';
import { closeRedis, createRedis } from '@lgsp/redis';
import { createLogger, createMetricsRegistry, exitOnConfigError, runService } from '@lgsp/runtime';
import { buildApp } from './app.ts';
import { loadConsolidatorConfig, type ConsolidatorConfig } from './config.ts';
import { createGenerationFollower } from './generation-follower.ts';

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
const prefix = config.REDIS_KEY_PREFIX;
const gate = createGenerationGate({ prefix, generation: await currentGeneration(redis, prefix) });
const follower = createGenerationFollower({
  redis,
  prefix,
  gate,
  instanceId: newInstanceId('consolidator'),
  logger,
  metrics: { generation: metrics.generation, paused: metrics.handoverPaused },
});

const counters = new Map(REGISTRIES.map((name) => [topics.registry[name], createRegistryCounters(redis, prefix, name, logger)]));
registerFigureGauges(
  registry,
  () => provinceFigures({ redis, admin, prefix, topics, groupId: config.CONSOLIDATOR_GROUP_ID }),
  logger,
);

const applier = createBatchApplier({
  redis,
  publishRecords: async (messages) => void (await producer.publish(topics.records, messages)),
  publishDeadLetters: async (topic, messages) => {
    await producer.publish(topics.deadLetter, messages);
    counters.get(topic)?.deadLettered(messages.map((message) => String(message.key)));
  },
  now: () => new Date().toISOString(),
  logger,
  metrics,
});

const consumer = createConsolidatorConsumer({
  kafka,
  admin,
  redis,
  gate,
  groupId: config.CONSOLIDATOR_GROUP_ID,
  topics: Object.fromEntries(REGISTRIES.map((name) => [topics.registry[name], name])),
  applier,
  chunkSize: config.CONSOLIDATOR_CHUNK_SIZE,
  maxWaitMs: config.CONSOLIDATOR_MAX_WAIT_MS,
  partitionsConcurrently: config.CONSOLIDATOR_PARTITIONS_CONCURRENTLY,
  sessionTimeoutMs: config.CONSOLIDATOR_SESSION_TIMEOUT_MS,
  logger,
  metrics,
  // Exit, so the supervisor (pnpm start, systemd, Kubernetes) starts a fresh process: the floors stored with
  // the records make it resume where this one stopped.
  onFatalCrash: (error) => {
    logger.fatal({ err: error }, 'the consumer stopped for good; exiting to be restarted');
    void app.close().finally(() => process.exit(70));
  },
});

const app = await buildApp({
  logger,
  admin,
  redis,
  consumer,
  metrics: registry,
  requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  resources: [
    { name: 'redis', close: () => closeRedis(redis) },
    { name: 'kafka-producer', close: () => producer.disconnect() },
    { name: 'kafka-admin', close: () => admin.disconnect() },
    { name: 'consumer', close: () => consumer.stop() },
    { name: 'generation-follower', close: () => follower.stop() },
  ],
});

await admin.connect();
await producer.connect();
await runService({ app, port: config.PORT, host: config.HOST, logger, graceMs: config.SHUTDOWN_GRACE_MS });
// Reported, and told of any handover under way, before the first chunk is applied.
await follower.poll();
follower.start();
await consumer.start();
logger.info({ generation: gate.current().generation, group: config.CONSOLIDATOR_GROUP_ID }, 'consolidating');
