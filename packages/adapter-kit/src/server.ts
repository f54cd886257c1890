// The composition root of every adapter: `await startAdapter(definition)` in a service's server.ts.
// Reads the configuration and the access policy once (a bad one stops start-up with one line, exit 78),
// builds the clients, listens, and runs pull mode when configured. SIGTERM stops the schedule (letting
// a page in flight finish), then in-flight requests, then the clients.
import { createKafka, createProducer, topicNames } from '@lgsp/kafka';
import { exitOnPolicyError, loadPolicy, type Policy } from '@lgsp/policy';
import { closeRedis, createRedis } from '@lgsp/redis';
import { createLogger, createMetricsRegistry, exitOnConfigError, runService, type ClosableResource } from '@lgsp/runtime';
import { buildAdapterApp } from './app.ts';
import { loadAdapterConfig, type AdapterConfig } from './config.ts';
import { createAdapterCore } from './core.ts';
import { serviceNameOf, type AdapterDefinition } from './definition.ts';
import { configurePullMode } from './pull/pull-mode.ts';
import { loadCodeTables, type CodeTables } from './mapping/code-tables.ts';

export async function startAdapter(definition: AdapterDefinition, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const service = serviceNameOf(definition);
  let config: AdapterConfig;
  let policy: Policy;
  let codeTables: CodeTables | undefined;
  try {
    config = loadAdapterConfig(definition.defaultPort, env);
    codeTables = config.CODE_TABLES_FILE ? loadCodeTables(config.CODE_TABLES_FILE) : undefined;
  } catch (error) {
    exitOnConfigError(service, error);
  }
  try {
    policy = loadPolicy(config.POLICY_FILE, { nodeEnv: config.NODE_ENV });
  } catch (error) {
    exitOnPolicyError(service, error);
  }

  const logger = createLogger({ service, level: config.LOG_LEVEL });
  const metricsRegistry = createMetricsRegistry(service);
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-${service}`, logger });
  const admin = kafka.admin();
  const producer = createProducer({ kafka, logger, timeoutMs: config.PUBLISH_TIMEOUT_MS });
  const redis = createRedis({ url: config.REDIS_URL, clusterNodes: config.REDIS_CLUSTER_NODES, logger, name: service });
  const core = createAdapterCore(definition, {
    producer,
    redis,
    topics: topicNames(config.KAFKA_TOPIC_PREFIX),
    keyPrefix: config.REDIS_KEY_PREFIX,
    metricsRegistry,
    logger,
    ...(codeTables ? { codeTables } : {}),
  });
  const pull = configurePullMode({ config, core, policy, redis, logger, service });

  // Closed in reverse: the pull schedule first, the clients it needs last.
  const resources: ClosableResource[] = [
    { name: 'redis', close: () => closeRedis(redis) },
    { name: 'kafka-producer', close: () => producer.disconnect() },
    { name: 'kafka-admin', close: () => admin.disconnect() },
    ...(pull ? [{ name: 'pull-schedule', close: () => pull.stop() }] : []),
  ];
  const app = await buildAdapterApp(definition, {
    logger,
    policy,
    producer,
    admin,
    redis,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    keyPrefix: config.REDIS_KEY_PREFIX,
    metricsRegistry,
    core,
    resources,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  });

  // Kafka may come up after the adapter: until then requests are answered 503 and /ready says why.
  await admin.connect().catch((error: unknown) => logger.warn({ err: error }, 'Kafka not reachable at start-up'));
  await producer.connect().catch((error: unknown) => logger.warn({ err: error }, 'Kafka producer not connected at start-up'));
  await runService({ app, port: config.PORT, host: config.HOST, logger, graceMs: config.SHUTDOWN_GRACE_MS });
  logger.info({ registry: definition.registry, policy: policy.source, pull: pull?.source ?? 'off', codeTables: codeTables?.size ?? 0 }, 'adapter ready');
  pull?.start();
}
