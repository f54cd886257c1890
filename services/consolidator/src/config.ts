// The consolidator's settings, read once from the environment.
import { commonConfigProperties, loadConfig, portProperty, type ConfigOf } from '@lgsp/runtime';

export const configSchema = {
  type: 'object',
  properties: {
    ...commonConfigProperties,
    PORT: portProperty(8090),
    CONSOLIDATOR_GROUP_ID: { type: 'string', minLength: 1, pattern: '^[a-zA-Z0-9._-]+$', default: 'lgsp-consolidator' },
    /** Messages applied per Redis round trip; larger batches are cut into chunks of this size. */
    CONSOLIDATOR_CHUNK_SIZE: { type: 'integer', minimum: 1, maximum: 20000, default: 2000 },
    /** How long a fetch waits for more messages: small keeps changes visible quickly under light traffic. */
    CONSOLIDATOR_MAX_WAIT_MS: { type: 'integer', minimum: 1, maximum: 5000, default: 25 },
    /** Partitions folded at once: their Redis and Kafka round trips overlap (a chunk waits on several). */
    CONSOLIDATOR_PARTITIONS_CONCURRENTLY: { type: 'integer', minimum: 1, maximum: 64, default: 12 },
    /** How long the group waits for a member that stopped answering before giving its partitions away. */
    CONSOLIDATOR_SESSION_TIMEOUT_MS: { type: 'integer', minimum: 6000, maximum: 300000, default: 30000 },
  },
} as const;

export type ConsolidatorConfig = ConfigOf<typeof configSchema>;

export function loadConsolidatorConfig(env: NodeJS.ProcessEnv = process.env): ConsolidatorConfig {
  return loadConfig<ConsolidatorConfig>(configSchema, env);
}
