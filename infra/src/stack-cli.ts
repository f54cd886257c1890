// `pnpm stack up|down|status`: the native Kafka and Redis in the background (pid files under .data/),
// for CI and for developers who want the stack to outlive one command.
import path from 'node:path';
import { createLogger, exitOnConfigError } from '@lgsp/runtime';
import { bootstrapTopics } from './bootstrap-topics.ts';
import { dataDir } from './paths.ts';
import { isPortOpen } from './ports.ts';
import { readPidFile, stopPid } from './process-control.ts';
import { resolveStack } from './stack.ts';
import { loadStartConfig, type StartConfig } from './start-config.ts';

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const pidFiles = {
  kafka: path.join(dataDir(), 'kafka', 'kafka.pid'),
  redis: path.join(dataDir(), 'redis', 'redis.pid'),
};

async function up(config: StartConfig): Promise<void> {
  const stack = await resolveStack({ env: process.env, detached: true, log: (message) => say(message) });
  const report = await bootstrapTopics({
    brokers: stack.kafka.brokers,
    logger: createLogger({ service: 'lgsp-stack', level: config.LOG_LEVEL }),
    prefix: config.KAFKA_TOPIC_PREFIX,
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
  });
  say(`Kafka ${stack.kafka.brokers} (${stack.kafka.origin}), Redis ${stack.redis.url} (${stack.redis.origin}); topics: ${report.created.length} created, ${report.existing.length} already there`);
}

async function down(): Promise<void> {
  for (const [name, file] of Object.entries(pidFiles)) {
    const pid = readPidFile(file);
    if (pid === undefined) {
      say(`${name}: not running under this checkout's .data/`);
      continue;
    }
    await stopPid(pid, 30_000);
    say(`${name}: stopped (pid ${pid})`);
  }
}

async function status(): Promise<void> {
  say(`kafka: ${(await isPortOpen(9092)) ? 'listening on 127.0.0.1:9092' : 'not listening'}${readPidFile(pidFiles.kafka) ? ` (native, pid ${readPidFile(pidFiles.kafka)})` : ''}`);
  say(`redis: ${(await isPortOpen(6379)) ? 'listening on 127.0.0.1:6379' : 'not listening'}${readPidFile(pidFiles.redis) ? ` (native, pid ${readPidFile(pidFiles.redis)})` : ''}`);
}

const command = process.argv[2];
let config: StartConfig;
try {
  config = loadStartConfig();
} catch (error) {
  exitOnConfigError('lgsp stack', error);
}
try {
  if (command === 'up') await up(config);
  else if (command === 'down') await down();
  else if (command === 'status') await status();
  else {
    process.stderr.write('usage: pnpm stack up|down|status\n');
    process.exit(64);
  }
} catch (error) {
  process.stderr.write(`lgsp stack ${command}: ${(error as Error).message}\n`);
  process.exit(1);
}
