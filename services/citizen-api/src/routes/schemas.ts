// Route schemas: the one source of request validation and of the OpenAPI document (/openapi.json).
// A personal ID is checked by the contract's rules in the route (one error code for every way it can be
// wrong), so its schema bounds only the length.
import { PERSONAL_ID_PATTERN } from '@lgsp/contract';
import { problemResponse } from '@lgsp/runtime';
import { MAX_BATCH_IDS, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './limits.ts';

const personalId = {
  type: 'string',
  maxLength: 64,
  description: 'Personal identification number: 12 digits, a known birth-province code first (identifiers.md)',
  examples: ['001203012345'],
} as const;

const purposeQuery = {
  purpose: {
    type: 'string',
    maxLength: 64,
    description: 'The purpose of the read, as the access policy names it. The x-purpose header may name it instead (at most 64 characters); when both are given they must agree',
  },
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

const retryAfter = { 'retry-after': { type: 'string', description: 'Seconds to wait before retrying' } } as const;

const errorResponses = {
  400: problemResponse('Malformed request, personal ID or purpose; errors: [{ pointer, message }] name each'),
  401: problemResponse('No key, or a key the hub does not know'),
  403: problemResponse('The key does not hold the purpose, or the purpose does not grant what is asked'),
  404: problemResponse('The hub has never heard of this (valid) personal ID'),
  429: { ...problemResponse("Over the consumer's rate limit; retry after Retry-After seconds"), headers: retryAfter },
  503: { ...problemResponse('The read could not be audited (Kafka unavailable); no record data was sent. Retry after Retry-After seconds'), headers: retryAfter },
  '4xx': problemResponse('Any other refusal: problem+json naming what is wrong'),
} as const;

/** The form of a valid personal ID (identifiers.md), spelt out for the document: 12 digits, a known birth-province code first. */
const PERSONAL_ID_FORM = PERSONAL_ID_PATTERN;

interface DocumentedRoute {
  params?: { properties: { personalId: object } };
  body?: { properties: { ids: { items: object } } };
  querystring: { required?: string[] };
  headers: { properties: Record<string, unknown> };
}

/**
 * For the OpenAPI document only, what the route checks itself and a route schema would check with worse
 * answers: the personal ID's form (the route answers PERSONAL_ID_INVALID for every way it can be wrong),
 * and the purpose: one of the policy's, required in the query or the x-purpose header, equal if both. A
 * schema cannot say "one of the two, equal if both", so the document asks for the query and names the
 * header in its description; the reader hook enforces the rule (403 for a purpose the key does not hold),
 * and the route schema still bounds both lengths.
 */
export function documentedRequest(purposes: readonly string[]) {
  return ({ schema, url }: { schema: unknown; url: string }) => {
    const route = schema as DocumentedRoute & { querystring: { properties: { purpose: object } } };
    const { 'x-purpose': _header, ...otherHeaders } = route.headers.properties;
    const formed = (id: object) => ({ ...id, pattern: PERSONAL_ID_FORM });
    const purpose = { ...route.querystring.properties.purpose, enum: [...purposes] };
    return {
      schema: {
        ...route,
        ...(route.params ? { params: { ...route.params, properties: { ...route.params.properties, personalId: formed(route.params.properties.personalId) } } } : {}),
        ...(route.body
          ? { body: { ...route.body, properties: { ...route.body.properties, ids: { ...route.body.properties.ids, items: formed(route.body.properties.ids.items) } } } }
          : {}),
        querystring: { ...route.querystring, properties: { ...route.querystring.properties, purpose }, required: ['purpose'] },
        headers: { ...route.headers, properties: otherHeaders },
      },
      url,
    };
  };
}

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
