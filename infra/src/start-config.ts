// Settings of `pnpm start` and `pnpm stack`, from the environment, checked once.
import { commonConfigProperties, loadConfig, type ConfigOf } from '@lgsp/runtime';

export const startConfigSchema = {
  type: 'object',
  properties: {
    NODE_ENV: commonConfigProperties.NODE_ENV,
    LOG_LEVEL: { ...commonConfigProperties.LOG_LEVEL, default: 'warn' },
    // Checked for their form only, without defaults: when unset, the stack is found or started instead.
    KAFKA_BROKERS: { type: 'string', pattern: commonConfigProperties.KAFKA_BROKERS.pattern },
    REDIS_URL: { type: 'string', pattern: commonConfigProperties.REDIS_URL.pattern },
    KAFKA_TOPIC_PREFIX: commonConfigProperties.KAFKA_TOPIC_PREFIX,
    KAFKA_TOPIC_PARTITIONS: { type: 'integer', minimum: 1, maximum: 1000, default: 6 },
    KAFKA_REPLICATION_FACTOR: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
    /** Added to every service's port (8080 → 8080 + offset …), to run a second hub beside the first. */
    HUB_PORT_OFFSET: { type: 'integer', minimum: 0, maximum: 50000, default: 0 },
  },
} as const;

export type StartConfig = ConfigOf<typeof startConfigSchema>;

export function loadStartConfig(env: NodeJS.ProcessEnv = process.env): StartConfig {
  return loadConfig<StartConfig>(startConfigSchema, env);
}
