export { createRedis, redisReadiness, closeRedis } from './client.ts';
export type { RedisClient, CreateRedisOptions } from './client.ts';
