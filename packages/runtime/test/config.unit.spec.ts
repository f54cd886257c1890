import { describe, expect, it } from 'vitest';
import { ConfigError, commonConfigProperties, loadConfig, portProperty, type ConfigOf } from '@lgsp/runtime';

const schema = {
  type: 'object',
  properties: { ...commonConfigProperties, PORT: portProperty(8101), POLICY_FILE: { type: 'string', minLength: 1 } },
  required: ['POLICY_FILE'],
} as const;
type Config = ConfigOf<typeof schema>;

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig<Config>(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('fills defaults and coerces numbers', () => {
    const config = loadConfig<Config>(schema, { POLICY_FILE: 'policy.json', PORT: '9000' });
    expect(config.PORT).toBe(9000);
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(config.NODE_ENV).toBe('development');
  });

  it('names the variable and the bad value in one line', () => {
    const error = errorOf({ POLICY_FILE: 'p', PORT: 'eighty' });
    expect(error.variable).toBe('PORT');
    expect(error.message).toBe('PORT must be integer (got "eighty")');
    expect(error.message).not.toContain('\n');
  });

  it('reports a value out of range', () => {
    expect(errorOf({ POLICY_FILE: 'p', PORT: '70000' }).message).toBe('PORT must be <= 65535 (got "70000")');
  });

  it('reports a missing required variable', () => {
    expect(errorOf({}).message).toBe('POLICY_FILE is required but not set');
  });

  it('lists the allowed values of an enumeration', () => {
    expect(errorOf({ POLICY_FILE: 'p', NODE_ENV: 'prod' }).message).toBe(
      'NODE_ENV must be one of development, test, production (got "prod")',
    );
  });

  it('rejects a malformed broker list', () => {
    expect(errorOf({ POLICY_FILE: 'p', KAFKA_BROKERS: 'a:1,,b:2' }).variable).toBe('KAFKA_BROKERS');
  });

  it('never repeats the value of a secret', () => {
    const secrets = { ...schema, properties: { ...schema.properties, CONSOLE_SESSION_SECRET: { type: 'string', minLength: 32 }, AGENCY_KEY_LAND: { type: 'string', maxLength: 4 } } } as const;
    const messageOf = (env: NodeJS.ProcessEnv): string => {
      try {
        loadConfig(secrets, { POLICY_FILE: 'p', ...env });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(messageOf({ CONSOLE_SESSION_SECRET: 'short-but-secret' })).toBe('CONSOLE_SESSION_SECRET must NOT have fewer than 32 characters (got a value that is not shown: it is a secret)');
    expect(messageOf({ AGENCY_KEY_LAND: 'real-land-key' })).not.toContain('real-land-key');
    expect(errorOf({ POLICY_FILE: 'p', REDIS_KEY_PREFIX: 'a b' }).message).toContain('(got "a b")');
  });

  it('ignores variables the schema does not name', () => {
    const config = loadConfig<Config & { HOME?: string }>(schema, { POLICY_FILE: 'p', HOME: '/root' });
    expect(config.HOME).toBeUndefined();
  });
});
