// Requests to an adapter's push API through app.inject(), with an agency key and a media type.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { MEDIA_TYPES } from '../http/media-types.ts';

export interface PushOptions {
  key?: string | undefined;
  contentType?: string;
  headers?: Record<string, string>;
}

export function push(app: FastifyInstance, url: '/v1/events' | '/v1/records', body: string, { key, contentType, headers = {} }: PushOptions): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: {
      ...(contentType ? { 'content-type': contentType } : {}),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
  });
}

export const pushEvent = (app: FastifyInstance, event: unknown, options: PushOptions = {}) =>
  push(app, '/v1/events', JSON.stringify(event), { contentType: MEDIA_TYPES.cloudEvent, ...options });

export const pushBatch = (app: FastifyInstance, events: readonly unknown[], options: PushOptions = {}) =>
  push(app, '/v1/events', JSON.stringify(events), { contentType: MEDIA_TYPES.cloudEventBatch, ...options });

export const pushRecord = (app: FastifyInstance, record: unknown, options: PushOptions = {}) =>
  push(app, '/v1/records', JSON.stringify(record), { contentType: MEDIA_TYPES.json, ...options });

export const pushNdjson = (app: FastifyInstance, records: readonly unknown[], options: PushOptions = {}) =>
  push(app, '/v1/records', `${records.map((record) => JSON.stringify(record)).join('\n')}\n`, { contentType: MEDIA_TYPES.ndjson, ...options });

/** The development agency key of a registry (api.md §3). */
export function devAgencyKey(registry: string): string {
  return `dev-${registry}-key`;
}
