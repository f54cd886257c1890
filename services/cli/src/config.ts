// The CLI's settings, read once from the environment (with --brokers/--redis laid over it) and checked by
// the runtime's JSON Schema loader, like every service's.
import { REGISTRIES } from '@lgsp/kafka';
import { agencyKeyVariable } from '@lgsp/policy';
import { commonConfigProperties, loadConfig } from '@lgsp/runtime';
import type { GlobalOptions } from './args.ts';
import { SERVICE_NAMES, serviceUrlVariable } from './service-endpoints.ts';

const { NODE_ENV, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, REDIS_URL, REDIS_CLUSTER_NODES, REDIS_KEY_PREFIX } = commonConfigProperties;

export const configSchema = {
  type: 'object',
  properties: {
    NODE_ENV,
    KAFKA_BROKERS,
    KAFKA_TOPIC_PREFIX,
    REDIS_URL,
    REDIS_CLUSTER_NODES,
    REDIS_KEY_PREFIX,
    // The CLI's own output is its stdout; library logs go to stderr and only when asked for.
    LOG_LEVEL: { ...commonConfigProperties.LOG_LEVEL, default: 'silent' },
    CONSOLIDATOR_GROUP_ID: { type: 'string', minLength: 1, pattern: '^[a-zA-Z0-9._-]+$', default: 'lgsp-consolidator' },
    HUB_HOST: { type: 'string', minLength: 1, default: '127.0.0.1' },
    /** How long one HTTP call to a service (health, re-drive) may take. */
    HTTP_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 600000, default: 10000 },
    /** lgsp replay: messages applied per Redis round trip, and partitions folded at once. */
    REPLAY_CHUNK_SIZE: { type: 'integer', minimum: 1, maximum: 50000, default: 10000 },
    REPLAY_PARTITIONS_CONCURRENTLY: { type: 'integer', minimum: 1, maximum: 64, default: 12 },
    /** lgsp replay: how close to the end of the topics (messages left) the new generation must be for the handover. */
    REPLAY_HANDOVER_LAG: { type: 'integer', minimum: 0, maximum: 10000000, default: 5000 },
    /** lgsp replay: how long the live consolidators may take to pause, and the new generation to catch up, at the handover. */
    REPLAY_HANDOVER_TIMEOUT_MS: { type: 'integer', minimum: 1000, maximum: 600000, default: 30000 },
    /** lgsp replay: how long readers may take to leave the old generation before it is kept for the next replay to drop. */
    REPLAY_DRAIN_TIMEOUT_MS: { type: 'integer', minimum: 0, maximum: 600000, default: 60000 },
    ...Object.fromEntries(SERVICE_NAMES.map((name) => [serviceUrlVariable(name), { type: 'string', pattern: '^https?://' }])),
    ...Object.fromEntries(REGISTRIES.map((registry) => [agencyKeyVariable(registry), { type: 'string', minLength: 1 }])),
  },
} as const;

export interface CliConfig {
  NODE_ENV: 'development' | 'test' | 'production';
  KAFKA_BROKERS: string;
  KAFKA_TOPIC_PREFIX: string;
  REDIS_URL: string;
  REDIS_CLUSTER_NODES?: string;
  REDIS_KEY_PREFIX: string;
  LOG_LEVEL: string;
  CONSOLIDATOR_GROUP_ID: string;
  HUB_HOST: string;
  HTTP_TIMEOUT_MS: number;
  REPLAY_CHUNK_SIZE: number;
  REPLAY_PARTITIONS_CONCURRENTLY: number;
  REPLAY_HANDOVER_LAG: number;
  REPLAY_HANDOVER_TIMEOUT_MS: number;
  REPLAY_DRAIN_TIMEOUT_MS: number;
  /** `<SERVICE>_URL` and `AGENCY_KEY_<REGISTRY>` values, by variable name. */
  [variable: string]: string | number | undefined;
}

export function loadCliConfig(global: GlobalOptions, env: NodeJS.ProcessEnv = process.env): CliConfig {
  const effective: NodeJS.ProcessEnv = { ...env };
  if (global.brokers !== undefined) effective.KAFKA_BROKERS = global.brokers;
  if (global.redis !== undefined) {
    effective.REDIS_URL = global.redis;
    delete effective.REDIS_CLUSTER_NODES;
  }
  return loadConfig<CliConfig>(configSchema, effective);
}

/** The settings as environment variables, for processes the CLI starts (replay workers) to read the same. */
export function configEnvironment(config: CliConfig): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined).map(([name, value]) => [name, String(value)]));
}
