// Route schemas: the one source of request validation and of the OpenAPI document (/openapi.json).
// A personal ID is checked by the contract's rules in the route (one error code for every way it can be
// wrong), so its schema bounds only the length.
import { MAX_BATCH_IDS, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './limits.ts';

const personalId = {
  type: 'string',
  maxLength: 64,
  description: 'Personal identification number: 12 digits, a known birth-province code first (identifiers.md)',
  examples: ['001203012345'],
} as const;

const purposeQuery = {
  purpose: { type: 'string', maxLength: 64, description: 'The purpose of the read, as the access policy names it (or the x-purpose header)' },
} as const;

const purposeHeaders = {
  type: 'object',
  properties: { 'x-purpose': { type: 'string', maxLength: 64, description: 'The purpose, when not in the query' } },
} as const;

const pageQuery = {
  ...purposeQuery,
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
  cursor: { type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9_-]*$', description: 'nextCursor of the previous page' },
} as const;

const problem = { description: 'problem+json (RFC 9457) naming what is wrong' } as const;

const errorResponses = {
  400: { description: 'Malformed request or personal ID; problem+json with errors: [{ pointer, message }]' },
  401: { description: 'No key, or a key the hub does not know' },
  403: { description: 'The key does not hold the purpose, or the purpose does not grant what is asked' },
  404: { description: 'The hub has never heard of this (valid) personal ID' },
  429: { description: 'Over the consumer\'s rate limit; retry after Retry-After seconds' },
  503: { description: 'The read could not be audited (Kafka unavailable); no record data was sent. Retry after Retry-After seconds' },
  '4xx': problem,
} as const;

/** A record cut to a purpose: the identity keys always, and only the granted sections. */
const recordView = {
  type: 'object',
  required: ['personalId', 'version', 'updatedAt'],
  description: 'The citizen record (record.md §1) cut to the purpose\'s sections; sections not granted are absent',
  properties: {
    personalId: { type: 'string' },
    identity: { type: ['object', 'null'] },
    status: { type: ['object', 'null'] },
    residence: { type: ['object', 'null'] },
    landRights: { type: 'array', items: { type: 'object' } },
    enterpriseRoles: { type: 'array', items: { type: 'object' } },
    judicial: { type: ['object', 'null'] },
    quality: { type: 'object' },
    provenance: { type: ['object', 'null'] },
    version: { type: 'integer' },
    updatedAt: { type: ['string', 'null'] },
  },
} as const;

const common = { tags: ['citizens'], security: [{ bearer: [] }] } as const;

export const getRecordSchema = {
  ...common,
  summary: 'A citizen record, cut to the purpose\'s sections; audited before it is sent',
  params: { type: 'object', required: ['personalId'], properties: { personalId } },
  querystring: { type: 'object', properties: purposeQuery },
  headers: {
    ...purposeHeaders,
    properties: { ...purposeHeaders.properties, 'if-none-match': { type: 'string', maxLength: 1024, description: 'ETag of the copy held; 304 when unchanged' } },
  },
  response: {
    200: { ...recordView, description: 'The record as the purpose may see it; ETag "<version>" or "<version>-<statuses hash>"' },
    304: { description: 'The copy held (If-None-Match) is current; the revalidation is audited like a read', type: 'null' },
    ...errorResponses,
  },
} as const;

export const batchGetSchema = {
  ...common,
  summary: `Up to ${MAX_BATCH_IDS} records at once; each record returned is audited`,
  querystring: { type: 'object', properties: purposeQuery },
  headers: purposeHeaders,
  body: {
    type: 'object',
    required: ['ids'],
    additionalProperties: false,
    properties: { ids: { type: 'array', minItems: 1, maxItems: MAX_BATCH_IDS, items: personalId } },
  },
  response: {
    200: {
      type: 'object',
      required: ['records', 'missing'],
      properties: {
        records: { type: 'array', items: recordView },
        missing: { type: 'array', items: { type: 'string' }, description: 'Valid IDs the hub has never heard of' },
      },
    },
    ...errorResponses,
  },
} as const;

/** A page of a person's items (history, access log): the same envelope, the same paging, the same errors. */
function personPageSchema<const Item extends Record<string, unknown>>(summary: string, itemProperties: Item) {
  return {
    ...common,
    summary,
    params: { type: 'object', required: ['personalId'], properties: { personalId } },
    querystring: { type: 'object', properties: pageQuery },
    headers: purposeHeaders,
    response: {
      200: {
        type: 'object',
        required: ['personalId', 'items', 'nextCursor'],
        properties: {
          personalId: { type: 'string' },
          items: { type: 'array', items: { type: 'object', properties: itemProperties } },
          nextCursor: { type: ['string', 'null'] },
        },
      },
      ...errorResponses,
    },
  } as const;
}

export const historySchema = personPageSchema(
  'The events that concerned this person, newest first, only of the sections the purpose grants (record.md §4)',
  {
    eventId: { type: 'string' },
    source: { type: 'string' },
    type: { type: 'string' },
    time: { type: 'string' },
    receivedAt: { type: ['string', 'null'] },
    outcome: { type: 'string', enum: ['applied', 'superseded'] },
  },
);

export const accessLogSchema = personPageSchema(
  'Who read this record: time, consumer, purpose, sections, newest first; needs a purpose that grants access-log',
  {
    time: { type: 'string' },
    consumer: { type: 'string' },
    purpose: { type: 'string' },
    sections: { type: 'array', items: { type: 'string' } },
    read: { type: 'string', enum: ['record', 'history', 'access-log'] },
  },
);
