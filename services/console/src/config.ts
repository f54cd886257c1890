// The console's settings, read once from the environment at start-up. The addresses of the citizen API and
// the adapters default to the ports `pnpm start` gives them (infra's HUB_SERVICES) on this machine.
import { HUB_SERVICES } from '@lgsp/infra';
import { REGISTRIES, type Registry } from '@lgsp/kafka';
import { agencyKeyVariable, developmentPolicyPath } from '@lgsp/policy';
import { ConfigError, commonConfigProperties, loadConfig, portProperty } from '@lgsp/runtime';

const URL_PATTERN = '^https?://[^\\s]+$';

function defaultUrlOf(service: string): string {
  const spec = HUB_SERVICES.find((candidate) => candidate.name === service);
  if (!spec) throw new Error(`infra's HUB_SERVICES has no ${service}`);
  return `http://127.0.0.1:${spec.port}`;
}

/** `land` → `ADAPTER_LAND_URL`. */
export const adapterUrlVariable = (registry: Registry): string => `ADAPTER_${registry.toUpperCase()}_URL`;

export const configSchema = {
  type: 'object',
  properties: {
    ...commonConfigProperties,
    PORT: portProperty(8091),
    /** The access policy (api.md §3): only its operator keys open the console; the development policy is refused in production. */
    POLICY_FILE: { type: 'string', minLength: 1, default: developmentPolicyPath },
    /** The live consolidator's group, whose lag and progress the console shows. */
    CONSOLIDATOR_GROUP_ID: { type: 'string', minLength: 1, pattern: '^[a-zA-Z0-9._-]+$', default: 'lgsp-consolidator' },
    /** Where record views are read, as the logged-in operator (purpose operator-console, audited there). */
    CITIZEN_API_URL: { type: 'string', pattern: URL_PATTERN, default: defaultUrlOf('citizen-api') },
    ...Object.fromEntries(REGISTRIES.map((registry) => [adapterUrlVariable(registry), { type: 'string', pattern: URL_PATTERN, default: defaultUrlOf(`adapter-${registry}`) }])),
    /** Re-drives publish through the adapters with these keys; outside production the development keys stand in. */
    ...Object.fromEntries(REGISTRIES.map((registry) => [agencyKeyVariable(registry), { type: 'string', minLength: 1 }])),
    /** Signs session cookies (HMAC-SHA-256); required in production, random per process otherwise. */
    CONSOLE_SESSION_SECRET: { type: 'string', minLength: 32 },
    /** How long a login lasts. */
    CONSOLE_SESSION_TTL_SECONDS: { type: 'integer', minimum: 60, maximum: 604800, default: 28800 },
    /** How often the figures are sampled for the trends; the last hour or so is kept (CONSOLE_SERIES_POINTS). */
    CONSOLE_SAMPLE_INTERVAL_MS: { type: 'integer', minimum: 200, maximum: 600000, default: 5000 },
    CONSOLE_SERIES_POINTS: { type: 'integer', minimum: 2, maximum: 100000, default: 720 },
    /** How long one call to the citizen API or an adapter may take. */
    HTTP_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 120000, default: 10000 },
    /** Set to send Strict-Transport-Security and mark the cookie Secure: when the console is reached over TLS. */
    HSTS_MAX_AGE_SECONDS: { type: 'integer', minimum: 1, maximum: 63072000 },
  },
} as const;

export interface ConsoleConfig {
  NODE_ENV: 'development' | 'test' | 'production';
  LOG_LEVEL: string;
  HOST: string;
  PORT: number;
  KAFKA_BROKERS: string;
  KAFKA_CLIENT_ID: string;
  KAFKA_TOPIC_PREFIX: string;
  REDIS_URL: string;
  REDIS_CLUSTER_NODES?: string;
  REDIS_KEY_PREFIX: string;
  SHUTDOWN_GRACE_MS: number;
  POLICY_FILE: string;
  CONSOLIDATOR_GROUP_ID: string;
  CITIZEN_API_URL: string;
  CONSOLE_SESSION_SECRET?: string;
  CONSOLE_SESSION_TTL_SECONDS: number;
  CONSOLE_SAMPLE_INTERVAL_MS: number;
  CONSOLE_SERIES_POINTS: number;
  HTTP_TIMEOUT_MS: number;
  HSTS_MAX_AGE_SECONDS?: number;
  /** `ADAPTER_<REGISTRY>_URL` and `AGENCY_KEY_<REGISTRY>`, by variable name. */
  [variable: string]: string | number | undefined;
}

export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const config = loadConfig<ConsoleConfig>(configSchema, env);
  // A random secret would log everyone out at each restart and differ between instances: fine for a
  // developer, not for production, where it must be set (and kept secret).
  if (config.NODE_ENV === 'production' && config.CONSOLE_SESSION_SECRET === undefined) {
    throw new ConfigError('CONSOLE_SESSION_SECRET', 'CONSOLE_SESSION_SECRET is required when NODE_ENV=production (at least 32 characters)');
  }
  return config;
}

export function adapterUrlOf(config: ConsoleConfig, registry: Registry): string {
  return String(config[adapterUrlVariable(registry)]).replace(/\/+$/, '');
}
