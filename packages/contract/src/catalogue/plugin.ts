// The schema catalogue a service serves (api.md §1): `GET /v1/schemas` lists the types it accepts
// with their schema URIs, `GET /v1/schemas/{type}` returns one schema, so every `dataschema` an
// event carries resolves. The envelope is served too, as `cloudevent`. Schemas are immutable within
// a process, so each is serialized once at registration.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Errors, problemResponse } from '@lgsp/runtime';
import { cloudEventSchema } from '../schemas/envelope.ts';
import { EVENT_SCHEMAS, eventTypeParts, schemaIdOf, type EventType, type Registry } from '../schemas/catalogue.ts';

export const SCHEMA_CONTENT_TYPE = 'application/schema+json';
export const ENVELOPE_SCHEMA_NAME = 'cloudevent';

export interface SchemaCatalogueOptions {
  /** The types this service accepts; only these are listed and served. */
  types: readonly EventType[];
  /** Public base URL of the service (e.g. `https://lgsp.example.gov.vn/land`); listed URLs are relative without it. */
  baseUrl?: string;
  /** Checks the caller's key before anything is read (throws the 401); the routes are documented as needing one. */
  authenticate?: (request: FastifyRequest) => void;
}

export interface CatalogueEntry {
  type: EventType;
  registry: Registry;
  version: number;
  /** The schema's `$id` and the `dataschema` of the type's events. */
  schema: string;
  /** Where this service serves it. */
  url: string;
}

const listingSchema = {
  type: 'object',
  required: ['envelope', 'types'],
  properties: {
    envelope: {
      type: 'object',
      required: ['schema', 'url'],
      properties: { schema: { type: 'string' }, url: { type: 'string' } },
    },
    types: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'registry', 'version', 'schema', 'url'],
        properties: {
          type: { type: 'string', examples: ['vn.lgsp.land.right-granted.v1'] },
          registry: { type: 'string', enum: ['land', 'enterprise', 'household', 'judicial'] },
          version: { type: 'integer', minimum: 1 },
          schema: { type: 'string', examples: ['urn:lgsp:schema:vn.lgsp.land.right-granted.v1'] },
          url: { type: 'string', examples: ['/v1/schemas/vn.lgsp.land.right-granted.v1'] },
        },
      },
    },
  },
} as const;

export function schemaCatalogue({ types, baseUrl = '', authenticate }: SchemaCatalogueOptions): FastifyPluginAsync {
  const base = baseUrl.replace(/\/+$/, '');
  const urlOf = (name: string): string => `${base}/v1/schemas/${name}`;
  const entries: CatalogueEntry[] = [...new Set(types)].map((type) => {
    const { registry, version } = eventTypeParts(type);
    return { type, registry, version, schema: schemaIdOf(type), url: urlOf(type) };
  });
  const listing = { envelope: { schema: cloudEventSchema.$id, url: urlOf(ENVELOPE_SCHEMA_NAME) }, types: entries };
  const served = new Map<string, string>([[ENVELOPE_SCHEMA_NAME, JSON.stringify(cloudEventSchema)]]);
  for (const { type } of entries) served.set(type, JSON.stringify(EVENT_SCHEMAS[type]));

  const keyed = authenticate ? { security: [{ bearer: [] }] } : {};
  const refusals = {
    ...(authenticate ? { 401: problemResponse('No key, or a key the hub does not know') } : {}),
    '4xx': problemResponse('Any other refusal: problem+json naming what is wrong'),
  };

  return async (app) => {
    if (authenticate) app.addHook('onRequest', async (request) => authenticate(request));
    app.get(
      '/v1/schemas',
      {
        schema: {
          summary: 'The event types this service accepts, with their schema URIs',
          tags: ['schemas'],
          ...keyed,
          response: { 200: { description: 'The catalogue', ...listingSchema }, ...refusals },
        },
      },
      async () => listing,
    );

    app.get<{ Params: { type: string } }>(
      '/v1/schemas/:type',
      {
        schema: {
          summary: "One event type's JSON Schema (draft 2020-12), or the envelope's as `cloudevent`",
          tags: ['schemas'],
          ...keyed,
          params: {
            type: 'object',
            required: ['type'],
            properties: { type: { type: 'string', maxLength: 200, examples: ['vn.lgsp.land.right-granted.v1'] } },
          },
          response: {
            200: { description: 'The JSON Schema', content: { [SCHEMA_CONTENT_TYPE]: { schema: { type: 'object' } } } },
            404: problemResponse('Not a type this service accepts'),
            ...refusals,
          },
        },
      },
      async (request, reply) => {
        const body = served.get(request.params.type);
        if (body === undefined) throw Errors.NotFound({ detail: `This service serves no schema for ${request.params.type}` });
        return reply.type(SCHEMA_CONTENT_TYPE).header('cache-control', 'public, max-age=300').send(body);
      },
    );
  };
}
