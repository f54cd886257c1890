// The one place a Redis client is built: a single node from REDIS_URL, or a Cluster from its seed nodes.
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { Logger, ReadinessCheck } from '@lgsp/runtime';

export type RedisClient = Redis | Cluster;

export interface CreateRedisOptions {
  url: string;
  /** `host:port,host:port`: when set, a Redis Cluster client is built from these seeds instead of `url`. */
  clusterNodes?: string;
  logger: Logger;
  name?: string;
  /** Fail a command after this many reconnection attempts instead of queueing it forever. */
  maxRetriesPerRequest?: number;
}

export function createRedis(options: CreateRedisOptions): RedisClient {
  const log = options.logger.child({ component: 'redis', connection: options.name ?? 'default' });
  const common: RedisOptions = {
    connectionName: options.name ? `lgsp:${options.name}` : 'lgsp',
    maxRetriesPerRequest: options.maxRetriesPerRequest ?? 3,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
  };
  const client: RedisClient = options.clusterNodes
    ? new Cluster(parseNodes(options.clusterNodes), { redisOptions: common, enableAutoPipelining: true } satisfies ClusterOptions)
    : new Redis(options.url, common);
  client.on('error', (error: Error) => log.warn({ err: error }, 'Redis connection error'));
  client.on('ready', () => log.debug('Redis ready'));
  return client;
}

function parseNodes(nodes: string): Array<{ host: string; port: number }> {
  return nodes.split(',').map((node) => {
    const [host = '', port = ''] = node.trim().split(':');
    return { host, port: Number(port) };
  });
}

export function redisReadiness(client: RedisClient): ReadinessCheck {
  return {
    name: 'redis',
    check: async () => {
      const answer = await client.ping();
      if (answer !== 'PONG') throw new Error(`unexpected PING answer ${answer}`);
    },
  };
}

export async function closeRedis(client: RedisClient): Promise<void> {
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
