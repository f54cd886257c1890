// What a command runs with: the configuration, and Kafka and Redis clients built on first use through the
// hub's own factories and closed once at the end. A server that cannot be reached becomes exit 69 here.
import { createKafka, topicNames, type Admin, type Kafka, type TopicNames } from '@lgsp/kafka';
import { currentGeneration, type Keyspace } from '@lgsp/record-store';
import { closeRedis, createRedis, type RedisClient } from '@lgsp/redis';
import { createLogger, type Logger } from '@lgsp/runtime';
import { unavailableError } from './errors.ts';
import type { CliConfig } from './config.ts';

export interface CliContext {
  config: CliConfig;
  topics: TopicNames;
  logger: Logger;
  kafka(): Kafka;
  admin(): Promise<Admin>;
  redis(): Promise<RedisClient>;
  /** The generation readers use now, with the key prefix. */
  keyspace(): Promise<Keyspace>;
  /** The operator asked for --json: stdout carries one JSON document and nothing else. */
  jsonOutput: boolean;
  /** Where human-facing extras (progress) go; undefined when stderr is not a terminal. */
  progressStream: NodeJS.WriteStream | undefined;
  close(): Promise<void>;
}

const REDIS_PING_TIMEOUT_MS = 5_000;

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createCliContext(config: CliConfig, { json = false, stderr = process.stderr }: { json?: boolean; stderr?: NodeJS.WriteStream } = {}): CliContext {
  const logger = createLogger({ service: 'lgsp-cli', level: config.LOG_LEVEL, destination: stderr });
  let kafka: Kafka | undefined;
  let admin: Promise<Admin> | undefined;
  let redis: Promise<RedisClient> | undefined;
  let redisClient: RedisClient | undefined;
  let connectedAdmin: Admin | undefined;
  const redisWhere = config.REDIS_CLUSTER_NODES ? `Redis Cluster ${config.REDIS_CLUSTER_NODES}` : `Redis at ${config.REDIS_URL}`;

  const getKafka = (): Kafka => {
    // Few, quick retries: an operator waiting at a prompt wants "unreachable" in seconds, not minutes.
    kafka ??= createKafka({
      brokers: config.KAFKA_BROKERS,
      clientId: 'lgsp-cli',
      logger,
      connectionTimeoutMs: 3_000,
      requestTimeoutMs: 15_000,
      retry: { initialRetryTime: 200, retries: 2, maxRetryTime: 1_000 },
    });
    return kafka;
  };

  return {
    config,
    topics: topicNames(config.KAFKA_TOPIC_PREFIX),
    logger,
    kafka: getKafka,
    admin() {
      admin ??= (async () => {
        const candidate = getKafka().admin();
        try {
          await candidate.connect();
        } catch (error) {
          throw unavailableError(`Kafka at ${config.KAFKA_BROKERS} cannot be reached: ${(error as Error).message}`, error);
        }
        connectedAdmin = candidate;
        return candidate;
      })();
      return admin;
    },
    redis() {
      redis ??= (async () => {
        redisClient = createRedis({ url: config.REDIS_URL, ...(config.REDIS_CLUSTER_NODES ? { clusterNodes: config.REDIS_CLUSTER_NODES } : {}), logger, name: 'cli', maxRetriesPerRequest: 2 });
        try {
          await withTimeout(redisClient.ping(), REDIS_PING_TIMEOUT_MS, redisWhere);
        } catch (error) {
          throw unavailableError(`${redisWhere} cannot be reached: ${(error as Error).message}`, error);
        }
        return redisClient;
      })();
      return redis;
    },
    async keyspace() {
      const client = await this.redis();
      return { prefix: config.REDIS_KEY_PREFIX, generation: await currentGeneration(client, config.REDIS_KEY_PREFIX) };
    },
    jsonOutput: json,
    progressStream: stderr.isTTY ? stderr : undefined,
    async close() {
      await Promise.allSettled([connectedAdmin?.disconnect(), redisClient ? closeRedis(redisClient) : undefined]);
      if (redisClient && redisClient.status !== 'end') redisClient.disconnect();
    },
  };
}
