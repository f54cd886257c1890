// An adapter's settings, read once from the environment: the hub's common ones, its port, the access
// policy file, and pull mode (off unless PULL_FEED_URL or PULL_DROP_DIR is set).
import cron from 'node-cron';
import { developmentPolicyPath } from '@lgsp/policy';
import { commonConfigProperties, ConfigError, loadConfig, portProperty, type ConfigOf } from '@lgsp/runtime';

export function adapterConfigSchema(defaultPort: number) {
  return {
    type: 'object',
    properties: {
      ...commonConfigProperties,
      PORT: portProperty(defaultPort),
      POLICY_FILE: { type: 'string', minLength: 1, default: developmentPolicyPath },
      /** How long one publish may wait for Kafka before the request is answered 503. */
      PUBLISH_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 120000, default: 10000 },
      /** Public base URL, so the schema catalogue lists absolute URLs; relative without it. */
      PUBLIC_BASE_URL: { type: 'string', pattern: '^https?://' },
      PULL_FEED_URL: { type: 'string', pattern: '^https?://' },
      PULL_DROP_DIR: { type: 'string', minLength: 1 },
      /** node-cron expression (seconds field optional); default every 30 seconds. */
      PULL_SCHEDULE: { type: 'string', minLength: 1, default: '*/30 * * * * *' },
      /** Records asked of the feed per page, or lines of a dropped file per publish. */
      PULL_BATCH_LIMIT: { type: 'integer', minimum: 1, maximum: 10000, default: 500 },
      /** Pages (or chunks) one run works through at most before it leaves the rest to the next tick. */
      PULL_MAX_PAGES_PER_RUN: { type: 'integer', minimum: 1, maximum: 100000, default: 1000 },
      /** How long a pull run's Redis lease lasts unless renewed: a crashed instance's run is taken over after it. */
      PULL_LEASE_TTL_MS: { type: 'integer', minimum: 1000, maximum: 3600000, default: 60000 },
      PULL_FEED_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 600000, default: 15000 },
      /** JSON file of code tables: registry codes → contract codes, applied before mapping (mapping/code-tables.ts). */
      CODE_TABLES_FILE: { type: 'string', minLength: 1 },
    },
  } as const;
}

export type AdapterConfig = ConfigOf<ReturnType<typeof adapterConfigSchema>>;

export function loadAdapterConfig(defaultPort: number, env: NodeJS.ProcessEnv = process.env): AdapterConfig {
  const config = loadConfig<AdapterConfig>(adapterConfigSchema(defaultPort), env);
  if (config.PULL_FEED_URL && config.PULL_DROP_DIR) {
    throw new ConfigError('PULL_DROP_DIR', 'PULL_DROP_DIR and PULL_FEED_URL are both set; an adapter pulls from one source');
  }
  if (!cron.validate(config.PULL_SCHEDULE)) {
    throw new ConfigError('PULL_SCHEDULE', `PULL_SCHEDULE is not a cron expression (got ${JSON.stringify(config.PULL_SCHEDULE)})`);
  }
  return config;
}
