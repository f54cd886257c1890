// Finds or starts the Kafka broker and Redis server the hub runs on, in the order of spec/README.md §6:
// KAFKA_BROKERS / REDIS_URL when set; a server already on the default port; Docker when an engine answers;
// otherwise the native launcher (Kafka from Maven Central jars, Debian's redis-server).
import path from 'node:path';
import { dockerEngineAnswers } from './docker.ts';
import { startNativeKafka } from './native-kafka.ts';
import { startNativeRedis } from './native-redis.ts';
import { dataDir as defaultDataDir } from './paths.ts';
import { isPortOpen } from './ports.ts';

export type Origin = 'env' | 'running' | 'docker' | 'native';

export interface KafkaEndpoint {
  brokers: string;
  origin: Origin;
  /** Present when this call started the server: stops it again. */
  stop?: () => Promise<void>;
}

export interface RedisEndpoint {
  url: string;
  origin: Origin;
  stop?: () => Promise<void>;
}

/** How to start a server in Docker (testcontainers in tests, docker compose for `pnpm start`). */
export interface DockerStarter {
  startKafka(): Promise<KafkaEndpoint>;
  startRedis(): Promise<RedisEndpoint>;
}

export interface ResolveStackOptions {
  env?: NodeJS.ProcessEnv;
  kafkaPort?: number;
  controllerPort?: number;
  redisPort?: number;
  dataDir?: string;
  /** Native servers outlive this process (`pnpm stack up`). */
  detached?: boolean;
  docker?: DockerStarter;
  log?: (message: string) => void;
}

export async function resolveKafka(options: ResolveStackOptions = {}): Promise<KafkaEndpoint> {
  const env = options.env ?? process.env;
  const port = options.kafkaPort ?? 9092;
  const log = options.log ?? (() => {});
  if (env.KAFKA_BROKERS) return { brokers: env.KAFKA_BROKERS, origin: 'env' };
  if (await isPortOpen(port)) {
    log(`Kafka: using the broker already listening on 127.0.0.1:${port}`);
    return { brokers: `127.0.0.1:${port}`, origin: 'running' };
  }
  if (options.docker && (await dockerEngineAnswers())) {
    log('Kafka: starting apache/kafka in Docker');
    return options.docker.startKafka();
  }
  log(`Kafka: starting a native broker on 127.0.0.1:${port} (KRaft, Maven Central jars)`);
  const kafka = await startNativeKafka({
    port,
    controllerPort: options.controllerPort ?? port + 1,
    dataDir: path.join(options.dataDir ?? defaultDataDir(env), 'kafka'),
    detached: options.detached ?? false,
    env,
  });
  return { brokers: kafka.brokers, origin: 'native', stop: () => kafka.stop() };
}

export async function resolveRedis(options: ResolveStackOptions = {}): Promise<RedisEndpoint> {
  const env = options.env ?? process.env;
  const port = options.redisPort ?? 6379;
  const log = options.log ?? (() => {});
  if (env.REDIS_URL) return { url: env.REDIS_URL, origin: 'env' };
  if (await isPortOpen(port)) {
    log(`Redis: using the server already listening on 127.0.0.1:${port}`);
    return { url: `redis://127.0.0.1:${port}`, origin: 'running' };
  }
  if (options.docker && (await dockerEngineAnswers())) {
    log('Redis: starting redis in Docker');
    return options.docker.startRedis();
  }
  log(`Redis: starting a native redis-server on 127.0.0.1:${port} (append-only file on)`);
  const redis = await startNativeRedis({
    port,
    dataDir: path.join(options.dataDir ?? defaultDataDir(env), 'redis'),
    detached: options.detached ?? false,
  });
  return { url: redis.url, origin: 'native', stop: () => redis.stop() };
}

export async function resolveStack(options: ResolveStackOptions = {}): Promise<{ kafka: KafkaEndpoint; redis: RedisEndpoint }> {
  // Redis first: it is quick, and Kafka's JVM then has both cores to itself.
  const redis = await resolveRedis(options);
  try {
    const kafka = await resolveKafka(options);
    return { kafka, redis };
  } catch (error) {
    await redis.stop?.();
    throw error;
  }
}
