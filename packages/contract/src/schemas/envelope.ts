// The CloudEvents 1.0 envelope every hub event travels in (events.md §1). `data` is checked by the
// event type's own schema; the rules that tie the two together are in validation/rules.ts.
import type { JSONSchema } from 'json-schema-to-ts';

/** RFC 3339 with a mandatory offset, upper-case T and Z, so every consumer can parse and order it. */
export const TIMESTAMP_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$';

// `format` adds what a pattern cannot: the month has that day, the hour exists.
const timestamp = { type: 'string', pattern: TIMESTAMP_PATTERN, format: 'date-time' } as const;

/** Visible ASCII: these values travel in Kafka headers, URLs and log lines. */
const visibleText = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '^[!-~]+$' }) as const;

export const cloudEventSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:cloudevent',
  title: 'LGSP Hub CloudEvent',
  description: 'CloudEvents 1.0 (JSON format) as the hub accepts and publishes it; data is checked by the schema named in dataschema.',
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'dataschema', 'datacontenttype', 'data'],
  properties: {
    specversion: { const: '1.0' },
    id: { ...visibleText(128), description: "The registry's own change id; source + id is unique." },
    source: {
      type: 'string',
      enum: ['urn:lgsp:registry:land', 'urn:lgsp:registry:enterprise', 'urn:lgsp:registry:household', 'urn:lgsp:registry:judicial'],
    },
    type: {
      type: 'string',
      description: 'A type of the catalogue, e.g. vn.lgsp.land.right-granted.v1.',
      pattern: '^vn\\.lgsp\\.(land|enterprise|household|judicial)\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*$',
    },
    subject: {
      type: 'string',
      description: 'The personal ID (12 digits), or the enterprise code for enterprise.status-changed.',
      pattern: '^[0-9]{10}([0-9]{2}|-[0-9]{3})?$',
    },
    time: { ...timestamp, description: 'When the change took effect in the registry.' },
    dataschema: { type: 'string', format: 'uri', description: "The type's schema URI, urn:lgsp:schema:<type>." },
    datacontenttype: { const: 'application/json' },
    sequence: { ...visibleText(128), description: 'CloudEvents sequence extension: per source, sorts in change order.' },
    lgspreceivedat: { ...timestamp, description: 'Set by the hub: when the adapter accepted the event.' },
    lgspagency: { ...visibleText(128), description: "Set by the hub: the publishing agency key's name." },
    traceparent: { type: 'string', description: 'W3C trace context.', pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
    data: { type: 'object' },
  },
  additionalProperties: false,
} as const satisfies JSONSchema;
