// Route schemas: the one source of request validation, of the answers' shape and of the OpenAPI document
// (/openapi.json). Every answer an operator's script may rely on is declared here in full.
import { PERSONAL_ID_PATTERN } from '@lgsp/contract';
import { REGISTRIES } from '@lgsp/kafka';
import { REDRIVE_OUTCOMES } from '@lgsp/dead-letters';
import { FIGURE_SECTIONS, QUALITY_CODES } from '@lgsp/record';
import { problemResponse } from '@lgsp/runtime';

export const MAX_LETTERS = 1000;
export const MAX_ISSUE_PAGE = 200;
export const MAX_HISTORY_PAGE = 100;

const problem = problemResponse('problem+json (RFC 9457) naming what is wrong');
const errors = {
  400: problemResponse('A parameter is wrong; problem+json with errors: [{ pointer, message }]'),
  401: problemResponse('Not logged in: no session cookie, an expired or forged one, and no operator key'),
  403: problemResponse('A key of someone other than an operator, or a state-changing request without the x-lgsp-console header'),
  '4xx': problem,
  '5xx': problem,
} as const;
const common = { tags: ['console'], security: [{ bearer: [] }, { session: [] }] } as const;

const nullableNumber = { type: ['number', 'null'] } as const;
const nullableString = { type: ['string', 'null'] } as const;
const counts = { type: 'object', additionalProperties: { type: 'integer' } } as const;
const byKeys = <const K extends string, const S>(keys: readonly K[], schema: S) =>
  ({ type: 'object', required: keys, properties: Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S> }) as const;

export const personalIdParams = {
  type: 'object',
  required: ['personalId'],
  properties: { personalId: { type: 'string', maxLength: 64, description: 'Personal identification number: 12 digits, a known birth-province code first (identifiers.md)' } },
} as const;

/**
 * For the OpenAPI document only, the personal ID's exact form: the route checks it itself (the contract's
 * rules, one error code for every way it can be wrong, as the citizen API answers), and the schema bounds its length.
 */
export function documentedPersonalId({ schema, url }: { schema: unknown; url: string }) {
  const route = schema as { params: typeof personalIdParams };
  const personalId = { ...route.params.properties.personalId, pattern: PERSONAL_ID_PATTERN };
  return { schema: { ...route, params: { ...route.params, properties: { ...route.params.properties, personalId } } }, url };
}

// ---------- session ----------

export const postSessionSchema = {
  tags: ['session'],
  summary: 'Log in with the operator key; answers an HttpOnly session cookie (the key is never put in it)',
  headers: { type: 'object', required: ['x-lgsp-console'], properties: { 'x-lgsp-console': { type: 'string', const: '1' } } },
  // The key exactly as the policy holds it: blanks around it are a typing mistake to name, not to forgive.
  body: {
    type: 'object',
    required: ['key'],
    additionalProperties: false,
    properties: { key: { type: 'string', minLength: 1, maxLength: 256, pattern: '^\\S(?:.*\\S)?$', description: 'The operator key, without blanks around it' } },
  },
  response: {
    201: { type: 'object', required: ['operator', 'expiresAt'], properties: { operator: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } } },
    401: problemResponse('Not an operator key of the hub'),
    403: problemResponse('A key of an agency or a portal, not an operator'),
    429: problemResponse('Too many failed logins from this address; retry after Retry-After seconds'),
    '4xx': problem,
  },
} as const;

export const getSessionSchema = {
  ...common,
  tags: ['session'],
  summary: 'Who is logged in, and until when',
  response: {
    200: {
      type: 'object',
      required: ['operator', 'via', 'expiresAt'],
      properties: { operator: { type: 'string' }, via: { type: 'string', enum: ['session', 'bearer'] }, expiresAt: nullableString },
    },
    ...errors,
  },
} as const;

export const deleteSessionSchema = {
  ...common,
  tags: ['session'],
  summary: 'Log out: the session ends and its cookie is cleared',
  headers: { type: 'object', required: ['x-lgsp-console'], properties: { 'x-lgsp-console': { type: 'string', const: '1' } } },
  response: { 204: { type: 'null', description: 'Logged out' }, ...errors },
} as const;

// ---------- overview ----------

const headline = {
  type: 'object',
  required: ['correct', 'complete', 'clean', 'live'],
  description: 'The four figures of record.md §3 as one number each (see the console README for their definitions)',
  properties: {
    correct: {
      type: 'object',
      properties: { share: nullableNumber, accepted: { type: 'integer' }, rejected: { type: 'integer' }, deadLettered: { type: 'integer' } },
    },
    complete: { type: 'object', properties: { share: nullableNumber, sections: { type: 'array', items: { type: 'string' } } } },
    clean: { type: 'object', properties: { share: nullableNumber, records: { type: 'integer' }, recordsWithIssues: { type: 'integer' } } },
    live: { type: 'object', properties: { lagTotal: { type: 'integer' }, newestEventAgeSeconds: nullableNumber } },
  },
} as const;

const registryFigures = {
  type: 'object',
  properties: {
    registry: { type: 'string', enum: REGISTRIES },
    topic: { type: 'string' },
    eventsInLog: { type: 'integer' },
    accepted: { type: 'integer' },
    acceptedPerSecond: nullableNumber,
    rejected: { ...counts, description: 'Requests the adapter refused, by problem code' },
    rejectedTotal: { type: 'integer' },
    deadLettered: { type: 'integer' },
    newestEventAt: nullableString,
    newestEventAgeSeconds: nullableNumber,
    lag: { type: 'integer' },
  },
} as const;

const partitionLag = {
  type: 'object',
  properties: {
    topic: { type: 'string' },
    registry: { type: 'string' },
    partition: { type: 'integer' },
    committed: nullableString,
    end: { type: 'string' },
    lag: { type: 'integer' },
  },
} as const;

const instance = {
  type: 'object',
  properties: { id: { type: 'string' }, role: { type: 'string' }, generation: { type: 'string' }, pausedFor: { type: 'string' }, seenAt: { type: 'integer' } },
} as const;

const replay = {
  type: ['object', 'null'],
  description: 'The replay running now (its lease), or null',
  properties: {
    generation: { type: 'string' },
    replaces: { type: 'string' },
    registry: nullableString,
    startedAt: { type: 'string' },
    host: { type: 'string' },
    pid: { type: 'integer' },
    phase: { type: 'string', enum: ['preparing', 'copying', 'building', 'handover', 'switched', 'dropping'] },
    progress: {
      type: 'object',
      properties: { done: { type: 'integer' }, total: { type: 'integer' }, eventsPerSecond: { type: 'number' }, etaSeconds: nullableNumber },
    },
  },
} as const;

export const overviewSchema = {
  ...common,
  summary: 'The hub at work now: each registry, the consolidator, the record generation, a running replay, the four quality figures',
  response: {
    200: {
      type: 'object',
      required: ['sampledAt', 'sampleIntervalMs', 'generation', 'records', 'headline', 'complete', 'clean', 'registries', 'consolidator', 'replay'],
      properties: {
        sampledAt: { type: 'string', format: 'date-time' },
        sampleIntervalMs: { type: 'integer' },
        generation: { type: 'string', description: 'The record generation readers use now' },
        records: { type: 'integer' },
        headline,
        complete: byKeys(FIGURE_SECTIONS, { type: 'object', properties: { records: { type: 'integer' }, share: { type: 'number' } } }),
        clean: { type: 'object', properties: { recordsWithIssues: { type: 'integer' }, byCode: byKeys(QUALITY_CODES, { type: 'integer' }) } },
        registries: { type: 'array', items: registryFigures },
        consolidator: {
          type: 'object',
          properties: {
            groupId: { type: 'string' },
            appliedPerSecond: { ...nullableNumber, description: 'Events the group read per second, between the last two samples' },
            lagTotal: { type: 'integer' },
            partitions: { type: 'array', items: partitionLag },
          },
        },
        instances: { type: 'array', items: instance, description: 'Live consolidators, citizen APIs and consoles, with the generation each uses' },
        replay,
      },
    },
    503: problemResponse('The figures cannot be read (Kafka or Redis unavailable); retry after Retry-After seconds'),
    ...errors,
  },
} as const;

// ---------- series ----------

const column = { type: 'array', items: nullableNumber } as const;

export const seriesSchema = {
  ...common,
  summary: 'Trends: the figures sampled every CONSOLE_SAMPLE_INTERVAL_MS (the last hour or so), with rates from counter differences',
  querystring: { type: 'object', properties: { minutes: { type: 'integer', minimum: 1, maximum: 1440, default: 60, description: 'How far back' } } },
  response: {
    200: {
      type: 'object',
      required: ['sampleIntervalMs', 'time', 'headline', 'consolidator', 'registries', 'quality'],
      properties: {
        sampleIntervalMs: { type: 'integer' },
        time: { type: 'array', items: { type: 'integer' }, description: 'Seconds since the epoch, one per sample; every other array has one value per sample' },
        headline: byKeys(['correct', 'complete', 'clean', 'lagTotal'] as const, column),
        consolidator: byKeys(['appliedPerSecond', 'lagTotal'] as const, column),
        registries: byKeys(REGISTRIES, byKeys(['acceptedPerSecond', 'rejectedPerSecond', 'deadLettered', 'newestEventAgeSeconds', 'lag'] as const, column)),
        quality: {
          type: 'object',
          properties: {
            records: column,
            recordsWithIssues: column,
            byCode: byKeys(QUALITY_CODES, column),
            completeShare: byKeys(FIGURE_SECTIONS, column),
          },
        },
      },
    },
    ...errors,
  },
} as const;

// ---------- quality ----------

export const issueRecordsSchema = {
  ...common,
  summary: 'The records behind a quality issue code, a page at a time (personal IDs; open each in the record view)',
  params: { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: QUALITY_CODES } } },
  querystring: {
    type: 'object',
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: MAX_ISSUE_PAGE, default: 50 },
      cursor: { type: 'string', maxLength: 32, pattern: '^[0-9:]+$', description: 'nextCursor of the previous page' },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['code', 'generation', 'personalIds', 'nextCursor'],
      properties: {
        code: { type: 'string' },
        generation: { type: 'string' },
        personalIds: { type: 'array', items: { type: 'string' }, description: 'A page may repeat an ID of an earlier page (Redis SSCAN)' },
        nextCursor: nullableString,
      },
    },
    ...errors,
  },
} as const;

// ---------- dead letters ----------

export const deadLettersSchema = {
  ...common,
  summary: 'Dead letters, newest first, with their reason, stage, source, time and whether they were re-driven',
  querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: MAX_LETTERS, default: 200 } } },
  response: {
    200: {
      type: 'object',
      required: ['topic', 'total', 'letters'],
      properties: {
        topic: { type: 'string' },
        total: { type: 'integer', description: 'Distinct letters in the topic' },
        letters: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              registry: nullableString,
              stage: { type: 'string' },
              reason: { type: 'string' },
              source: { type: 'string' },
              time: { type: 'string' },
              redriven: { type: 'boolean' },
              at: { type: 'object', properties: { partition: { type: 'integer' }, offset: { type: 'string' } } },
            },
          },
        },
      },
    },
    ...errors,
  },
} as const;

export const redriveSchema = {
  ...common,
  summary: 'Re-drive dead letters through their adapters: the ones named, or every one not yet re-driven; each is marked and never sent twice',
  headers: { type: 'object', required: ['x-lgsp-console'], properties: { 'x-lgsp-console': { type: 'string', const: '1' } } },
  // One of the two, never both, never neither.
  body: {
    oneOf: [
      {
        type: 'object',
        required: ['ids'],
        additionalProperties: false,
        properties: { ids: { type: 'array', minItems: 1, maxItems: MAX_LETTERS, items: { type: 'string', minLength: 1, maxLength: 512 } } },
      },
      { type: 'object', required: ['all'], additionalProperties: false, properties: { all: { type: 'boolean', const: true } } },
    ],
  },
  response: {
    200: {
      type: 'object',
      required: ['counts', 'letters'],
      properties: {
        counts: byKeys(REDRIVE_OUTCOMES, { type: 'integer' }),
        letters: {
          type: 'array',
          items: {
            type: 'object',
            properties: { id: { type: 'string' }, registry: nullableString, outcome: { type: 'string', enum: REDRIVE_OUTCOMES }, reason: { type: 'string' } },
          },
        },
      },
    },
    ...errors,
  },
} as const;

// ---------- records ----------

export const recordSchema = {
  ...common,
  summary: 'A record as the operator may see it (purpose operator-console), read from the citizen API, which audits the read before it answers',
  params: personalIdParams,
  response: {
    200: { type: 'object', description: "The citizen API's answer, passed through: the record (record.md §1) with its sections, quality and provenance" },
    404: problemResponse('The hub has never heard of this (valid) personal ID'),
    502: problemResponse('The citizen API refused the read for a reason of its own (e.g. it reads another policy)'),
    503: problemResponse('The citizen API cannot be reached, or could not audit the read; no record data was sent'),
    ...errors,
  },
} as const;

export const historySchema = {
  ...common,
  summary: "A record's history, newest first, a page at a time (read from the citizen API, audited there)",
  params: personalIdParams,
  querystring: {
    type: 'object',
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: MAX_HISTORY_PAGE, default: 20 },
      cursor: { type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9_-]*$', description: 'nextCursor of the previous page' },
    },
  },
  response: {
    200: { type: 'object', description: "The citizen API's answer, passed through: { personalId, items: [{ eventId, source, type, time, receivedAt, outcome }], nextCursor }" },
    404: problemResponse('The hub has never heard of this (valid) personal ID'),
    502: problemResponse('The citizen API refused the read for a reason of its own'),
    503: problemResponse('The citizen API cannot be reached, or could not audit the read'),
    ...errors,
  },
} as const;
