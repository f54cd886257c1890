// The push API of an adapter (api.md §1): POST /v1/events and POST /v1/records. Routes only check the
// media type, parse, and call the ingest core; every refusal is a HubError the runtime's handler turns
// into problem+json, and is counted by status and code.
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Registry } from '@lgsp/contract';
import type { Policy } from '@lgsp/policy';
import { cloudEventSchema } from '@lgsp/contract';
import { problemResponse, toHubError, type Logger } from '@lgsp/runtime';
import type { EventsAccepted, EventsBody } from '../ingest/accept-events.ts';
import type { NativeRecord, RecordsAccepted } from '../ingest/accept-records.ts';
import type { IngestRequest } from '../ingest/request-context.ts';
import { MAX_EVENTS_BODY_BYTES, MAX_EVENTS_PER_BATCH, MAX_NDJSON_LINES, MAX_RECORDS_BODY_BYTES } from '../limits.ts';
import type { RegistryCounters } from '@lgsp/figures';
import type { AdapterMetrics } from '../metrics.ts';
import { agencyOf, requireAgencyKeys } from './agency-auth.ts';
import { MEDIA_TYPES, registerTextBodyParsers, requireMediaType } from './media-types.ts';
import { parseEventsBody, parseNdjson, parseSingleRecord } from './parse-bodies.ts';

export interface PushRoutesOptions {
  registry: Registry;
  policy: Policy;
  metrics: AdapterMetrics;
  counters: RegistryCounters;
  acceptEvents(body: EventsBody, request: IngestRequest): Promise<EventsAccepted>;
  acceptRecords(records: readonly NativeRecord[], request: IngestRequest): Promise<RecordsAccepted>;
}

const retryAfter = { 'retry-after': { type: 'string', description: 'Seconds to wait before retrying' } } as const;

// Every refusal the push API gives (api.md §1), as problem+json; a 503 also says when to retry.
const refusals = {
  400: problemResponse('Malformed JSON: errors name where (for NDJSON, the line)'),
  401: problemResponse('No key, or a key the hub does not know'),
  403: problemResponse("The key is not this registry's agency's, or an event is another registry's type (errors name each); nothing was published"),
  413: problemResponse('Over the size limits (events: 1,000 per batch, 5 MiB; records: 10,000 NDJSON lines, 20 MiB)'),
  415: problemResponse('Another content type'),
  422: problemResponse('The input breaks the contract or cannot be mapped: errors name every problem by index and JSON pointer; nothing was published'),
  '4xx': problemResponse('Any other refusal'),
  503: { ...problemResponse('Kafka cannot take the events now; nothing was accepted. Retry after Retry-After seconds'), headers: retryAfter },
} as const;

// The envelope as the request documentation shows it (the catalogue serves it with its $id, as `cloudevent`).
const { $schema: _schema, $id: _id, ...envelope } = cloudEventSchema;

/**
 * What a route's body is, for the OpenAPI document only: the routes read their bodies as text and check
 * them with the contract (a pointer for every problem), so no route schema may validate them first.
 */
function documentedBody(content: Record<string, { schema: object }>) {
  return ({ schema, url }: { schema: unknown; url: string }) => ({ schema: { ...(schema as object), body: { content } }, url });
}

const eventsBody = documentedBody({
  [MEDIA_TYPES.cloudEvent]: { schema: { ...envelope, description: `${envelope.description} The data schema of each type: GET /v1/schemas/{type}.` } },
  [MEDIA_TYPES.cloudEventBatch]: { schema: { type: 'array', minItems: 1, maxItems: MAX_EVENTS_PER_BATCH, items: envelope } },
});

const recordsBody = documentedBody({
  [MEDIA_TYPES.json]: { schema: { type: 'object', description: "One record in the registry's native format (events.md §3)" } },
  [MEDIA_TYPES.ndjson]: { schema: { type: 'string', description: `One native record per line, at most ${MAX_NDJSON_LINES} lines` } },
});

function ingestRequestOf(request: FastifyRequest): IngestRequest {
  return { agency: agencyOf(request), requestId: request.id, traceparent: request.headers.traceparent, log: request.log as unknown as Logger };
}

function countRejections(app: FastifyInstance, registry: Registry, metrics: AdapterMetrics, counters: RegistryCounters): void {
  app.addHook('onError', async (_request, _reply, error) => {
    const problem = toHubError(error);
    metrics.rejected.inc({ registry, status: String(problem.status), reason: problem.code });
    // Kafka being down is the hub's failure, not a rejection of the registry's input.
    if (problem.status < 500) counters.rejected(problem.code);
  });
}

export function pushRoutes({ registry, policy, metrics, counters, acceptEvents, acceptRecords }: PushRoutesOptions): FastifyPluginAsync {
  return async (app) => {
    registerTextBodyParsers(app);
    requireAgencyKeys(app, policy, registry);
    countRejections(app, registry, metrics, counters);

    app.post(
      '/v1/events',
      {
        bodyLimit: MAX_EVENTS_BODY_BYTES,
        config: { swaggerTransform: eventsBody },
        schema: {
          summary: `Publish ${registry} CloudEvents: one (application/cloudevents+json) or a batch of at most ${MAX_EVENTS_PER_BATCH} (application/cloudevents-batch+json), all or nothing`,
          tags: ['push'],
          security: [{ bearer: [] }],
          consumes: [MEDIA_TYPES.cloudEvent, MEDIA_TYPES.cloudEventBatch],
          response: {
            202: {
              description: 'Every event is acknowledged by Kafka (acks=all)',
              type: 'object',
              required: ['accepted', 'ids'],
              properties: { accepted: { type: 'integer' }, ids: { type: 'array', items: { type: 'string' } } },
            },
            ...refusals,
          },
        },
      },
      async (request, reply) => {
        const mediaType = requireMediaType(request, [MEDIA_TYPES.cloudEvent, MEDIA_TYPES.cloudEventBatch]);
        const body = parseEventsBody(request.body as string, mediaType === MEDIA_TYPES.cloudEventBatch);
        return reply.code(202).send(await acceptEvents(body, ingestRequestOf(request)));
      },
    );

    app.post(
      '/v1/records',
      {
        bodyLimit: MAX_RECORDS_BODY_BYTES,
        config: { swaggerTransform: recordsBody },
        schema: {
          summary: `Publish native ${registry} registry records: one (application/json) or at most ${MAX_NDJSON_LINES} (application/x-ndjson), all or nothing`,
          tags: ['push'],
          security: [{ bearer: [] }],
          consumes: [MEDIA_TYPES.json, MEDIA_TYPES.ndjson],
          response: {
            202: {
              description: 'Every record is mapped and every event acknowledged by Kafka (acks=all)',
              type: 'object',
              required: ['accepted', 'events'],
              properties: { accepted: { type: 'integer' }, events: { type: 'integer' } },
            },
            ...refusals,
          },
        },
      },
      async (request, reply) => {
        const mediaType = requireMediaType(request, [MEDIA_TYPES.json, MEDIA_TYPES.ndjson]);
        const text = request.body as string;
        const records = mediaType === MEDIA_TYPES.ndjson ? parseNdjson(text) : parseSingleRecord(text);
        return reply.code(202).send(await acceptRecords(records, ingestRequestOf(request)));
      },
    );
  };
}
