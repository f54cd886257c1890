// Entry point: `node services/citizen-api/src/server.ts`. Reads the configuration and the access policy
// once (a bad one stops start-up with one line, exit 78), builds the clients, listens, then starts the
// access-log projection. Kafka may come up later: reads are answered 503 until the audit log takes writes.
import { createKafka, createProducer, topicNames } from '@lgsp/kafka';
import { exitOnPolicyError, loadPolicy, type Policy } from '@lgsp/policy';
import { watchGeneration } from '@lgsp/record-store';
import { closeRedis, createRedis } from '@lgsp/redis';
import { createLogger, createMetricsRegistry, exitOnConfigError, runService } from '@lgsp/runtime';
import { createAccessLogProjection } from './access-log/projection.ts';
import { buildApp } from './app.ts';
import { createChainHeads } from '@lgsp/audit';
import { createAuditWriter } from './audit/writer.ts';
import { loadCitizenApiConfig, type CitizenApiConfig } from './config.ts';
import { createCitizenReads } from './core/citizen-reads.ts';
import { createCitizenApiMetrics } from './metrics.ts';
import { createRateLimiter } from './rate-limit/limiter.ts';

const SERVICE = 'citizen-api';
let config: CitizenApiConfig;
let policy: Policy;
try {
  config = loadCitizenApiConfig();
} catch (error) {
  exitOnConfigError(SERVICE, error);
}
try {
  policy = loadPolicy(config.POLICY_FILE, { nodeEnv: config.NODE_ENV });
} catch (error) {
  exitOnPolicyError(SERVICE, error);
}

const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
const metricsRegistry = createMetricsRegistry(SERVICE);
const metrics = createCitizenApiMetrics(metricsRegistry);
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-${SERVICE}`, logger });
const admin = kafka.admin();
const producer = createProducer({ kafka, logger, timeoutMs: config.AUDIT_TIMEOUT_MS });
const redis = createRedis({ url: config.REDIS_URL, clusterNodes: config.REDIS_CLUSTER_NODES, logger, name: SERVICE });
const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
const keyPrefix = config.REDIS_KEY_PREFIX;

const heads = createChainHeads({ redis, keyPrefix, topic: topics.audit, lockTtlMs: config.AUDIT_LOCK_TTL_MS });
const audit = createAuditWriter({
  kafka,
  producer,
  admin,
  heads,
  topic: topics.audit,
  maxBatch: config.AUDIT_MAX_BATCH,
  timeoutMs: config.AUDIT_TIMEOUT_MS,
  logger,
  metrics: metrics.audit,
});
// Consumer groups are named after the topic prefix too, so two hubs sharing a cluster never share a group.
const accessLogGroup = config.ACCESS_LOG_GROUP_ID ?? `${config.KAFKA_TOPIC_PREFIX}lgsp-citizen-api-access-log`;
const accessLog = createAccessLogProjection({
  kafka,
  redis,
  heads,
  keyPrefix,
  topic: topics.audit,
  groupId: accessLogGroup,
  logger,
  onProjected: (entries) => metrics.accessLogEntries.inc(entries),
});
const keyspace = await watchGeneration(redis, keyPrefix, { role: 'citizen-api', logger });
const reads = createCitizenReads({ redis, keyspace: keyspace.current, audit, keyPrefix, now: () => new Date().toISOString(), metrics });

const app = await buildApp({
  logger,
  policy,
  reads,
  limiter: createRateLimiter(redis, keyPrefix),
  admin,
  redis,
  accessLog,
  metrics,
  metricsRegistry,
  bodyLimitBytes: config.BODY_LIMIT_BYTES,
  requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  hstsMaxAgeSeconds: config.HSTS_MAX_AGE_SECONDS,
  // Closed in reverse: the projection and the audit writer first, the clients they use last.
  resources: [
    { name: 'redis', close: () => closeRedis(redis) },
    { name: 'kafka-producer', close: () => producer.disconnect() },
    { name: 'kafka-admin', close: () => admin.disconnect() },
    { name: 'generation-watcher', close: () => keyspace.stop() },
    { name: 'audit-writer', close: () => audit.close() },
    { name: 'access-log', close: () => accessLog.stop() },
  ],
});

await admin.connect().catch((error: unknown) => logger.warn({ err: error }, 'Kafka not reachable at start-up'));
await producer.connect().catch((error: unknown) => logger.warn({ err: error }, 'Kafka producer not connected at start-up'));
await runService({ app, port: config.PORT, host: config.HOST, logger, graceMs: config.SHUTDOWN_GRACE_MS });
accessLog.start().catch((error: unknown) => logger.error({ err: error }, 'the access-log projection did not start'));
logger.info({ policy: policy.source, auditTopic: topics.audit, accessLogGroup }, 'citizen api ready');
