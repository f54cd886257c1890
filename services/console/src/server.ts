// Entry point: `node services/console/src/server.ts`. Reads the configuration and the access policy once
// (a bad one stops start-up with one line, exit 78), builds the clients, starts sampling the figures and
// listens. Kafka or Redis may come up later: the figures are answered 503 until they can be read.
import { randomBytes } from 'node:crypto';
import { provinceFigures } from '@lgsp/figures';
import { createKafka, topicNames } from '@lgsp/kafka';
import { agencyKeyFor, agencyKeyVariable, exitOnPolicyError, loadPolicy, type Policy } from '@lgsp/policy';
import { liveInstances, readReplayLease, watchGeneration } from '@lgsp/record-store';
import { closeRedis, createRedis } from '@lgsp/redis';
import { createLogger, createMetricsRegistry, exitOnConfigError, runService } from '@lgsp/runtime';
import { buildApp } from './app.ts';
import { createLoginLimiter } from './auth/login-limiter.ts';
import { createSessionStore } from './auth/session-store.ts';
import { adapterUrlOf, loadConsoleConfig, type ConsoleConfig } from './config.ts';
import { createCitizenClient } from './core/citizen-client.ts';
import { createDeadLetterBook } from './core/dead-letter-book.ts';
import { createSampler } from './core/sampler.ts';
import { loadConsoleAssets } from './http/static-assets.ts';
import { createConsoleMetrics } from './metrics.ts';

const SERVICE = 'console';
let config: ConsoleConfig;
let policy: Policy;
try {
  config = loadConsoleConfig();
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
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}-${SERVICE}`, logger });
const admin = kafka.admin();
const redis = createRedis({ url: config.REDIS_URL, clusterNodes: config.REDIS_CLUSTER_NODES, logger, name: SERVICE });
const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
const prefix = config.REDIS_KEY_PREFIX;
const groupId = config.CONSOLIDATOR_GROUP_ID;

const sessions = createSessionStore({
  secret: config.CONSOLE_SESSION_SECRET === undefined ? randomBytes(32) : Buffer.from(config.CONSOLE_SESSION_SECRET, 'utf8'),
  ttlMs: config.CONSOLE_SESSION_TTL_SECONDS * 1000,
});
const metrics = createConsoleMetrics(metricsRegistry, () => sessions.size());
const keyspace = await watchGeneration(redis, prefix, { role: 'console', logger });
const sampler = createSampler({
  read: async () => {
    const [figures, lease, instances] = await Promise.all([
      provinceFigures({ redis, admin, prefix, topics, groupId }),
      readReplayLease(redis, prefix),
      liveInstances(redis, prefix),
    ]);
    // The lease's token is its holder's right to renew or release it; it is not shown.
    const replay = lease ? (({ token: _token, ...shown }) => shown)(lease) : null;
    return { figures, replay, instances };
  },
  intervalMs: config.CONSOLE_SAMPLE_INTERVAL_MS,
  timeoutMs: Math.max(5_000, config.CONSOLE_SAMPLE_INTERVAL_MS * 2),
  capacity: config.CONSOLE_SERIES_POINTS,
  logger,
  onFailure: () => metrics.sampleFailures.inc(),
});
const book = createDeadLetterBook({
  kafka,
  admin,
  redis,
  prefix,
  topic: topics.deadLetter,
  adapterUrl: (registry) => adapterUrlOf(config, registry),
  agencyKey: (registry) => agencyKeyFor(config, registry),
  missingKey: (registry) => `${agencyKeyVariable(registry)} is not set (development keys are refused in production)`,
  timeoutMs: config.HTTP_TIMEOUT_MS,
});

const app = await buildApp({
  logger,
  policy,
  sessions,
  loginLimiter: createLoginLimiter({ maxFailures: 10, windowMs: 60_000 }),
  assets: loadConsoleAssets(),
  sampler,
  sampleIntervalMs: config.CONSOLE_SAMPLE_INTERVAL_MS,
  book,
  citizens: createCitizenClient({ baseUrl: config.CITIZEN_API_URL, timeoutMs: config.HTTP_TIMEOUT_MS }),
  admin,
  redis,
  keyspace,
  topics,
  groupId,
  metrics,
  metricsRegistry,
  hstsMaxAgeSeconds: config.HSTS_MAX_AGE_SECONDS,
  // Closed in reverse: the sampler and the watcher first, the clients they use last.
  resources: [
    { name: 'redis', close: () => closeRedis(redis) },
    { name: 'kafka-admin', close: () => admin.disconnect() },
    { name: 'generation-watcher', close: () => keyspace.stop() },
    { name: 'sampler', close: () => sampler.stop() },
  ],
});

await admin.connect().catch((error: unknown) => logger.warn({ err: error }, 'Kafka not reachable at start-up'));
sampler.start();
await runService({ app, port: config.PORT, host: config.HOST, logger, graceMs: config.SHUTDOWN_GRACE_MS });
logger.info({ policy: policy.source, citizenApi: config.CITIZEN_API_URL, groupId, sampleIntervalMs: config.CONSOLE_SAMPLE_INTERVAL_MS }, 'console ready');
