// The JSON Schema of the access-policy file (api.md §3): the one source of the file's shape and of the
// PolicyDocument type. Every object is closed (additionalProperties: false), so a misspelt key is a
// fault at start-up, not a grant silently ignored.
import type { FromSchema } from 'json-schema-to-ts';
import { SECTION_PATHS } from './sections.ts';
import { REGISTRIES } from './principal.ts';

export const policySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:access-policy.v1',
  title: 'LGSP Hub access policy',
  type: 'object',
  required: ['environment', 'agencies', 'consumers', 'operators'],
  additionalProperties: false,
  properties: {
    environment: {
      description: 'development policies are refused when NODE_ENV=production',
      type: 'string',
      enum: ['development', 'production'],
    },
    agencies: { type: 'array', items: { $ref: '#/$defs/agency' } },
    consumers: { type: 'array', items: { $ref: '#/$defs/consumer' } },
    operators: { type: 'array', items: { $ref: '#/$defs/operator' } },
  },
  $defs: {
    holderName: {
      description: 'Who holds the key, as audit entries and published events name them.',
      type: 'string',
      minLength: 1,
      maxLength: 100,
      pattern: '^[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$',
    },
    keyHash: {
      description: 'SHA-256 of the key, lowercase hex: printf %s "$KEY" | sha256sum',
      type: 'string',
      pattern: '^[0-9a-f]{64}$',
    },
    registry: { type: 'string', enum: REGISTRIES },
    purposeName: { type: 'string', maxLength: 64, pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$' },
    section: { type: 'string', enum: SECTION_PATHS },
    purposeSections: { type: 'array', minItems: 1, items: { $ref: '#/$defs/section' } },
    purposes: {
      type: 'object',
      minProperties: 1,
      propertyNames: { $ref: '#/$defs/purposeName' },
      additionalProperties: { $ref: '#/$defs/purposeSections' },
    },
    rateLimit: {
      type: 'object',
      required: ['requestsPerMinute'],
      additionalProperties: false,
      properties: {
        requestsPerMinute: { type: 'integer', minimum: 1, maximum: 1_000_000 },
        burst: {
          description: 'Requests that may arrive at once; defaults to requestsPerMinute.',
          type: 'integer',
          minimum: 1,
          maximum: 1_000_000,
        },
      },
    },
    agency: {
      type: 'object',
      required: ['name', 'keyHash', 'registry'],
      additionalProperties: false,
      properties: {
        name: { $ref: '#/$defs/holderName' },
        keyHash: { $ref: '#/$defs/keyHash' },
        registry: { $ref: '#/$defs/registry' },
      },
    },
    consumer: {
      type: 'object',
      required: ['name', 'keyHash', 'rateLimit', 'purposes'],
      additionalProperties: false,
      properties: {
        name: { $ref: '#/$defs/holderName' },
        keyHash: { $ref: '#/$defs/keyHash' },
        rateLimit: { $ref: '#/$defs/rateLimit' },
        purposes: { $ref: '#/$defs/purposes' },
      },
    },
    operator: {
      type: 'object',
      required: ['name', 'keyHash'],
      additionalProperties: false,
      properties: {
        name: { $ref: '#/$defs/holderName' },
        keyHash: { $ref: '#/$defs/keyHash' },
      },
    },
  },
} as const;

/** A policy file as written, once it matches the schema. */
export type PolicyDocument = FromSchema<typeof policySchema>;

/**
 * What a fault reads as, by the `$defs` entry (and keyword) whose rule failed. Only enumerated values are
 * echoed back: a file with a plaintext key pasted in place of its hash must not print that key in a log.
 */
export const FAULT_MESSAGES: Readonly<Record<string, string>> = {
  holderName: 'must be 1 to 100 characters, without control characters or surrounding spaces',
  keyHash: 'must be the SHA-256 of the key as 64 lowercase hex digits (printf %s "$KEY" | sha256sum)',
  'section/enum': 'must be a known section',
  purposeName: 'must be a purpose name in kebab-case, at most 64 characters',
  'purposeSections/minItems': 'must grant at least one section',
  'purposes/minProperties': 'must hold at least one purpose',
};

