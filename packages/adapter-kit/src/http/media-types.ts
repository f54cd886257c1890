// The media types the push API takes (api.md §1, events.md §1). Bodies are read as text by the
// adapter's own parsers, so each route decides what its JSON means and reports malformed input with
// the precision it needs (NDJSON names the line).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Errors } from '@lgsp/runtime';

export const MEDIA_TYPES = {
  cloudEvent: 'application/cloudevents+json',
  cloudEventBatch: 'application/cloudevents-batch+json',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
} as const;

export type MediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

/** Replaces the inherited parsers of this (encapsulated) scope: the four types above, as text. */
export function registerTextBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(Object.values(MEDIA_TYPES), { parseAs: 'string' }, (_request, body, done) => done(null, body));
}

/** The request's media type, when it is one `accepted` by the route; 415 naming them otherwise. */
export function requireMediaType<T extends MediaType>(request: FastifyRequest, accepted: readonly T[]): T {
  const header = request.headers['content-type'] ?? '';
  const mediaType = header.split(';')[0]!.trim().toLowerCase();
  if ((accepted as readonly string[]).includes(mediaType)) return mediaType as T;
  throw Errors.UnsupportedMediaType({
    detail: `${request.url.split('?')[0]} takes ${accepted.join(' or ')}, not ${mediaType || 'a body without Content-Type'}`,
    extensions: { accepted },
  });
}
