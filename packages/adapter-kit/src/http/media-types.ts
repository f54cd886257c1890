// The media types the push API takes (api.md §1, events.md §1). Bodies are read as text by the
// adapter's own parsers, so each route decides what its JSON means and reports malformed input with
// the precision it needs (NDJSON names the line).
import { isUtf8 } from 'node:buffer';
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
  app.addContentTypeParser(Object.values(MEDIA_TYPES), { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, decodeUtf8(body as Buffer, mediaTypeOf(request) === MEDIA_TYPES.ndjson));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/** Where the first byte that is not UTF-8 is, or -1 when every byte is. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || at + length > bytes.length) return at;
    const second = bytes[at + 1] ?? 0;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (length > 1 && (second < low || second > high)) return at;
    for (let next = 2; next < length; next += 1) if ((bytes[at + next]! & 0xc0) !== 0x80) return at;
    at += length;
  }
  return -1;
}

/**
 * JSON travels as UTF-8 (RFC 8259 §8.1). A body that is not — a registry exporting names in a legacy
 * encoding — is refused naming the byte (and the NDJSON line), rather than decoded with replacement
 * characters that would publish a citizen's name mangled.
 */
export function decodeUtf8(bytes: Buffer, ndjson: boolean): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const at = firstInvalidUtf8Byte(bytes);
  let line = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1 && index < at; index = bytes.indexOf(0x0a, index + 1)) line += 1;
  const where = ndjson ? `byte ${at}, on line ${line + 1}` : `byte ${at}`;
  throw Errors.MalformedJson({
    detail: `The body is not valid UTF-8 (${where}); JSON must be UTF-8 — was it exported in another encoding?`,
    errors: [{ pointer: ndjson ? `/${line}` : '', message: `is not valid UTF-8 at byte ${at}` }],
  });
}

function mediaTypeOf(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The request's media type, when it is one `accepted` by the route; 415 naming them otherwise. */
export function requireMediaType<T extends MediaType>(request: FastifyRequest, accepted: readonly T[]): T {
  const mediaType = mediaTypeOf(request);
  if ((accepted as readonly string[]).includes(mediaType)) return mediaType as T;
  throw Errors.UnsupportedMediaType({
    detail: `${request.url.split('?')[0]} takes ${accepted.join(' or ')}, not ${mediaType || 'a body without Content-Type'}`,
    extensions: { accepted },
  });
}
