export { createRedis, redisReadiness, closeRedis } from './client.ts';
export type { RedisClient, CreateRedisOptions } from './client.ts';
export { withScripts } from './scripts.ts';
export type { ScriptDefinition } from './scripts.ts';
