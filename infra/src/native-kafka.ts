// Runs a real Apache Kafka broker (KRaft, one combined broker+controller node) from Maven Central jars.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureKafkaJars, javaMajorVersion } from './kafka-jars.ts';
import { waitForPort } from './ports.ts';
import { spawnServer, type ServerProcess } from './process-control.ts';

export interface NativeKafkaOptions {
  port: number;
  controllerPort: number;
  dataDir: string;
  detached?: boolean;
  heapMb?: number;
  env?: NodeJS.ProcessEnv;
}

export interface NativeKafka extends ServerProcess {
  readonly brokers: string;
}

export function serverProperties(options: NativeKafkaOptions): string {
  const logDirs = path.join(options.dataDir, 'log');
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${options.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${options.port},CONTROLLER://127.0.0.1:${options.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${options.port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${logDirs}`,
    'num.partitions=6',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // The hub creates its own topics with their settings; a typo must not create a stray topic.
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

const LOG4J2 = `
Configuration:
  status: warn
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: warn
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.server.KafkaRaftServer
        level: info
`;

/** Starts the broker, formatting its storage on first use, and resolves once it accepts connections. */
export async function startNativeKafka(options: NativeKafkaOptions): Promise<NativeKafka> {
  const java = javaMajorVersion();
  if (java === undefined) throw new Error('Kafka needs Java 17 or newer, and no `java` was found on PATH');
  if (java < 17) throw new Error(`Kafka needs Java 17 or newer; this machine has Java ${java}`);
  const lib = ensureKafkaJars(options.env);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const propertiesFile = path.join(options.dataDir, 'server.properties');
  fs.writeFileSync(propertiesFile, serverProperties(options));
  const log4jFile = path.join(options.dataDir, 'log4j2.yaml');
  fs.writeFileSync(log4jFile, LOG4J2);
  const classpath = `${lib}/*`;

  if (!fs.existsSync(path.join(options.dataDir, 'log', 'meta.properties'))) {
    const clusterId = execFileSync('java', ['-cp', classpath, 'kafka.tools.StorageTool', 'random-uuid'], {
      encoding: 'utf8',
    }).trim();
    execFileSync(
      'java',
      ['-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propertiesFile, '--standalone', '--ignore-formatted'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
  }

  const heap = `${options.heapMb ?? 512}m`;
  const server = spawnServer({
    command: 'java',
    args: [
      `-Xmx${heap}`,
      `-Xms${heap}`,
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${log4jFile}`,
      `-Dkafka.logs.dir=${options.dataDir}`,
      '-cp',
      classpath,
      'kafka.Kafka',
      propertiesFile,
    ],
    logFile: path.join(options.dataDir, 'kafka.log'),
    detached: options.detached ?? false,
    pidFile: path.join(options.dataDir, 'kafka.pid'),
  });
  try {
    await waitForPort(options.port, { timeoutMs: 90_000, isAlive: server.isAlive });
  } catch (error) {
    await server.stop(2_000);
    throw new Error(`Kafka did not start: ${(error as Error).message}; see ${path.join(options.dataDir, 'kafka.log')}`);
  }
  return { ...server, brokers: `127.0.0.1:${options.port}` };
}
