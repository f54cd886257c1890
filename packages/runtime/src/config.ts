// Reads a service's configuration from the environment once, at start-up, against a JSON Schema.
// A bad or missing value stops start-up with one line that names the variable.
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

export type ConfigSchema = JSONSchema & { type: 'object'; properties: Record<string, JSONSchema> };

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(message);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

const ajv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: false, strict: true });

/** Settings every service shares; spread them into a service's own schema. */
export const commonConfigProperties = {
  NODE_ENV: { type: 'string', enum: ['development', 'test', 'production'], default: 'development' },
  LOG_LEVEL: { type: 'string', enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' },
  HOST: { type: 'string', minLength: 1, default: '127.0.0.1' },
  KAFKA_BROKERS: { type: 'string', pattern: '^[^,\\s]+(,[^,\\s]+)*$', default: '127.0.0.1:9092' },
  KAFKA_CLIENT_ID: { type: 'string', minLength: 1, default: 'lgsp-hub' },
  KAFKA_TOPIC_PREFIX: { type: 'string', pattern: '^[a-zA-Z0-9._-]*$', default: '' },
  REDIS_URL: { type: 'string', pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' },
  REDIS_CLUSTER_NODES: { type: 'string', pattern: '^[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*$' },
  REDIS_KEY_PREFIX: { type: 'string', pattern: '^[a-zA-Z0-9:._-]*$', default: '' },
  SHUTDOWN_GRACE_MS: { type: 'integer', minimum: 0, maximum: 600000, default: 10000 },
  /** How long a request may take to arrive in full, headers and body; a slower client is cut off with 408. */
  REQUEST_TIMEOUT_MS: { type: 'integer', minimum: 1000, maximum: 120000, default: 30000 },
} as const satisfies Record<string, JSONSchema>;

export function portProperty(defaultPort: number) {
  // 0 asks the kernel for any free port (tests run many services side by side).
  return { type: 'integer', minimum: 0, maximum: 65535, default: defaultPort } as const;
}

/** Type of a loaded configuration: `type Config = ConfigOf<typeof schema>`. */
export type ConfigOf<S extends ConfigSchema> = FromSchema<S>;

export function loadConfig<T>(schema: ConfigSchema, env: NodeJS.ProcessEnv = process.env): T {
  const validate = ajv.compile(schema);
  // Only the schema's own variables: the rest of the environment is none of the service's business.
  const input: Record<string, unknown> = {};
  for (const name of Object.keys(schema.properties)) {
    const value = env[name];
    if (value !== undefined && value !== '') input[name] = value;
  }
  if (!validate(input)) {
    const [first] = validate.errors ?? [];
    throw describeConfigError(first, env);
  }
  return input as T;
}

// A secret's value never goes into the one line, which ends up on a terminal or in a supervisor's log.
const SECRET_VARIABLE = /SECRET|PASSWORD|TOKEN|_KEY$|^AGENCY_KEY_/;

function describeConfigError(error: ErrorObject | undefined, env: NodeJS.ProcessEnv): ConfigError {
  if (!error) return new ConfigError('?', 'configuration is invalid');
  if (error.keyword === 'required') {
    const variable = String((error.params as { missingProperty: string }).missingProperty);
    return new ConfigError(variable, `${variable} is required but not set`);
  }
  const variable = error.instancePath.replace(/^\//, '');
  const got = env[variable];
  const expectation =
    error.keyword === 'enum'
      ? `must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues).join(', ')}`
      : error.keyword === 'pattern'
        ? `has the wrong form (expected ${(error.params as { pattern: string }).pattern})`
        : (error.message ?? 'is invalid');
  const shown = SECRET_VARIABLE.test(variable) ? 'a value that is not shown: it is a secret' : JSON.stringify(got);
  return new ConfigError(variable, `${variable} ${expectation} (got ${shown})`);
}

/** For a service's entry point: print the one-line reason and exit 78 (EX_CONFIG). */
export function exitOnConfigError(service: string, error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${service}: configuration error: ${error.message}\n`);
    process.exit(78);
  }
  throw error;
}
