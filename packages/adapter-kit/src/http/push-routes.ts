// The push API of an adapter (api.md §1): POST /v1/events and POST /v1/records. Routes only check the
// media type, parse, and call the ingest core; every refusal is a HubError the runtime's handler turns
// into problem+json, and is counted by status and code.
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Registry } from '@lgsp/contract';
import type { Policy } from '@lgsp/policy';
import { toHubError, type Logger } from '@lgsp/runtime';
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

const problemResponse = { description: 'problem+json (RFC 9457), with `errors: [{ pointer, message }]` naming what is wrong' };

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
            '4xx': problemResponse,
            503: { description: 'Kafka cannot take the events now; nothing was accepted. Retry after Retry-After seconds' },
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
            '4xx': problemResponse,
            503: { description: 'Kafka cannot take the events now; nothing was accepted. Retry after Retry-After seconds' },
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
