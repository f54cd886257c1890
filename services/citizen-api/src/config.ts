// The citizen API's settings, read once from the environment at start-up.
import { developmentPolicyPath } from '@lgsp/policy';
import { commonConfigProperties, loadConfig, portProperty, type ConfigOf } from '@lgsp/runtime';

export const configSchema = {
  type: 'object',
  properties: {
    ...commonConfigProperties,
    PORT: portProperty(8080),
    /** The access policy (api.md §3); the development policy is refused when NODE_ENV=production. */
    POLICY_FILE: { type: 'string', minLength: 1, default: developmentPolicyPath },
    /** How long a read may wait for its audit entry to be acknowledged before it is answered 503. */
    AUDIT_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 60000, default: 5000 },
    /** Most entries one group commit sends; more wait for the next. */
    AUDIT_MAX_BATCH: { type: 'integer', minimum: 1, maximum: 5000, default: 500 },
    /** How long a writer may hold a partition's chain head; must exceed the longest publish (see audit/chain-head.ts). */
    AUDIT_LOCK_TTL_MS: { type: 'integer', minimum: 1000, maximum: 600000, default: 60000 },
    /** The consumer group of the access-log projection (audit topic → Redis); default `<KAFKA_TOPIC_PREFIX>lgsp-citizen-api-access-log`. */
    ACCESS_LOG_GROUP_ID: { type: 'string', minLength: 1, pattern: '^[a-zA-Z0-9._-]+$' },
    REQUEST_TIMEOUT_MS: { type: 'integer', minimum: 1000, maximum: 120000, default: 15000 },
    /** Largest request body; a batchGet of 100 IDs is about 1.6 KB. */
    BODY_LIMIT_BYTES: { type: 'integer', minimum: 1024, maximum: 1048576, default: 16384 },
    /** Strict-Transport-Security max-age, sent only when set: when the API is served over TLS (directly or behind a proxy). */
    HSTS_MAX_AGE_SECONDS: { type: 'integer', minimum: 1, maximum: 63072000 },
  },
} as const;

export type CitizenApiConfig = ConfigOf<typeof configSchema>;

export function loadCitizenApiConfig(env: NodeJS.ProcessEnv = process.env): CitizenApiConfig {
  return loadConfig<CitizenApiConfig>(configSchema, env);
}
