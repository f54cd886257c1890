// The portals' routes (api.md §2). Each only parses the request, calls the core, and maps the answer;
// authentication, purpose and rate limit run as hooks before, security headers after.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_LOG, requireSection, type Policy } from '@lgsp/policy';
import type { CitizenReads, Page } from '../core/citizen-reads.ts';
import { requireValidPersonalId } from '../core/personal-id.ts';
import type { ReadContext } from '../core/reader.ts';
import { registerRateLimitHook } from '../http/rate-limit-hook.ts';
import { PURPOSE_HEADER, readerOf, registerReaderHook } from '../http/reader-hook.ts';
import type { CitizenApiMetrics } from '../metrics.ts';
import type { RateLimiter } from '../rate-limit/limiter.ts';
import { accessLogSchema, batchGetSchema, getRecordSchema, historySchema, documentedRequest } from './schemas.ts';

export interface CitizenRoutesOptions {
  policy: Policy;
  reads: CitizenReads;
  limiter: RateLimiter;
  metrics?: CitizenApiMetrics;
}

interface PersonRoute {
  Params: { personalId: string };
  Querystring: { limit: number; cursor?: string };
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Every purpose the policy's consumers hold, for the document: the names of api.md §3, not secrets. */
function purposesOf(policy: Policy): string[] {
  const consumers = [...policy.consumers, ...policy.operators.flatMap((operator) => (operator.consumer ? [operator.consumer] : []))];
  return [...new Set(consumers.flatMap((consumer) => Object.keys(consumer.purposes)))].sort();
}

function contextOf(request: FastifyRequest): ReadContext {
  return { reader: readerOf(request), requestId: request.id };
}

function pageOf(request: FastifyRequest<PersonRoute>): Page {
  return { limit: request.query.limit, cursor: request.query.cursor };
}

// Bodies are serialized by the core (the exact bytes that were audited), so they go out as they are.
function sendJson(reply: FastifyReply, body: string): FastifyReply {
  return reply.type(JSON_TYPE).send(body);
}

export function citizenRoutes({ policy, reads, limiter, metrics }: CitizenRoutesOptions): FastifyPluginAsync {
  const config = { swaggerTransform: documentedRequest(purposesOf(policy)) };
  return async (app) => {
    registerReaderHook(app, policy);
    registerRateLimitHook(app, limiter, metrics);

    app.get<PersonRoute>('/v1/citizens/:personalId', { schema: getRecordSchema, config }, async (request, reply) => {
      const personalId = requireValidPersonalId(request.params.personalId, '/params/personalId');
      const answer = await reads.readRecord(contextOf(request), personalId, request.headers['if-none-match']);
      // The portal may keep its copy but must revalidate it before each use; the view depends on the key and purpose.
      reply.header('etag', answer.etag).header('cache-control', 'private, no-cache').header('vary', `authorization, ${PURPOSE_HEADER}`);
      if (answer.status === 304) return reply.code(304).send();
      return sendJson(reply, answer.body);
    });

    // `::` is a literal colon in a fastify path (Google-style custom method, api.md §2).
    app.post<{ Body: { ids: string[] } }>('/v1/citizens::batchGet', { schema: batchGetSchema, config }, async (request, reply) => {
      const ids = request.body.ids.map((id, index) => requireValidPersonalId(id, `/ids/${index}`));
      return sendJson(reply, await reads.readBatch(contextOf(request), ids));
    });

    app.get<PersonRoute>('/v1/citizens/:personalId/history', { schema: historySchema, config }, async (request, reply) => {
      const personalId = requireValidPersonalId(request.params.personalId, '/params/personalId');
      return sendJson(reply, await reads.readHistory(contextOf(request), personalId, pageOf(request)));
    });

    app.get<PersonRoute>('/v1/citizens/:personalId/access-log', { schema: accessLogSchema, config }, async (request, reply) => {
      // The purpose must grant the access log itself, beyond being held (403 otherwise).
      const reader = readerOf(request);
      requireSection(reader.principal, reader.purpose, ACCESS_LOG);
      const personalId = requireValidPersonalId(request.params.personalId, '/params/personalId');
      return sendJson(reply, await reads.readAccessLog(contextOf(request), personalId, pageOf(request)));
    });
  };
}
