// `pnpm start`: brings up Kafka and Redis when none are configured or running, creates the topics,
// starts every service under a supervisor, prints the endpoints, and runs until Ctrl-C — then stops the
// services and only the parts of the stack it started itself.
import { DEV_KEYS } from '@lgsp/policy';
import { createLogger, exitOnConfigError } from '@lgsp/runtime';
import { bootstrapTopics } from './bootstrap-topics.ts';
import { composeStarter } from './compose-stack.ts';
import { hubServicesAt } from './services.ts';
import { resolveStack, type KafkaEndpoint, type RedisEndpoint } from './stack.ts';
import { superviseServices, type Supervisor } from './supervisor.ts';
import { loadStartConfig, type StartConfig } from './start-config.ts';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

let config: StartConfig;
try {
  config = loadStartConfig();
} catch (error) {
  exitOnConfigError('lgsp start', error);
}
const logger = createLogger({ service: 'lgsp-start', level: config.LOG_LEVEL });

let stack: { kafka: KafkaEndpoint; redis: RedisEndpoint } | undefined;
let stopping = false;
let supervisor: Supervisor | undefined;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('\nStopping…');
    await supervisor?.stop();
    await stack?.kafka.stop?.();
    await stack?.redis.stop?.();
  }
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

try {
  say('LGSP Hub — starting');
  stack = await resolveStack({ env: process.env, docker: composeStarter, log: (message) => say(`  ${message}`) });
  const report = await bootstrapTopics({
    brokers: stack.kafka.brokers,
    logger,
    prefix: config.KAFKA_TOPIC_PREFIX,
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
  });
  say(`  Topics: ${report.created.length} created, ${report.existing.length} already there`);
  for (const drift of report.drift) {
    say(`  WARNING: topic ${drift.topic} has ${drift.key}=${drift.actual ?? '(unset)'}, expected ${drift.expected}; fix it by hand (it is never altered automatically)`);
  }
  say('');
  say(`  ${'Kafka'.padEnd(18)} ${stack.kafka.brokers}   (${stack.kafka.origin})`);
  say(`  ${'Redis'.padEnd(18)} ${stack.redis.url}   (${stack.redis.origin})`);
  const { services, urls } = hubServicesAt(config.HUB_PORT_OFFSET);
  const width = Math.max(18, ...services.map((service) => service.name.length));
  for (const service of services) say(`  ${service.name.padEnd(width)} http://127.0.0.1:${service.port}   (/health, /ready, /metrics, /openapi.json)`);
  say('');
  say('Development keys (Authorization: Bearer <key>; refused when NODE_ENV=production):');
  const keyWidth = Math.max(...DEV_KEYS.map((key) => key.key.length));
  for (const key of DEV_KEYS) say(`  ${key.key.padEnd(keyWidth)}  ${key.holder}: ${key.may}`);
  say('');
  say('Press Ctrl-C to stop.');
  say('');
  supervisor = superviseServices(
    services,
    { ...process.env, ...urls, KAFKA_BROKERS: stack.kafka.brokers, REDIS_URL: stack.redis.url, NODE_ENV: config.NODE_ENV, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
    say,
  );
} catch (error) {
  say(`lgsp start: ${(error as Error).message}`);
  await stop(1);
}

// Stay in the foreground while the stack runs, like the services that will run under it.
setInterval(() => {}, 1 << 30);
