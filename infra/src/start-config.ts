// Settings of `pnpm start` and `pnpm stack`, from the environment, checked once.
import { loadConfig, type ConfigOf } from '@lgsp/runtime';

export const startConfigSchema = {
  type: 'object',
  properties: {
    NODE_ENV: { type: 'string', enum: ['development', 'test', 'production'], default: 'development' },
    LOG_LEVEL: { type: 'string', enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'warn' },
    KAFKA_BROKERS: { type: 'string', pattern: '^[^,\\s]+(,[^,\\s]+)*$' },
    REDIS_URL: { type: 'string', pattern: '^rediss?://' },
    KAFKA_TOPIC_PREFIX: { type: 'string', pattern: '^[a-zA-Z0-9._-]*$', default: '' },
    KAFKA_TOPIC_PARTITIONS: { type: 'integer', minimum: 1, maximum: 1000, default: 6 },
    KAFKA_REPLICATION_FACTOR: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
  },
} as const;

export type StartConfig = ConfigOf<typeof startConfigSchema>;

export function loadStartConfig(env: NodeJS.ProcessEnv = process.env): StartConfig {
  return loadConfig<StartConfig>(startConfigSchema, env);
}
