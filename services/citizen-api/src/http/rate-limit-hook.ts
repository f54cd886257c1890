// Charges each read against its consumer's rate limit once the request is known to be well-formed; a
// batch costs one unit per personal ID asked for, so batching cannot multiply the limit. 429 + Retry-After.
import type { FastifyInstance } from 'fastify';
import { Errors } from '@lgsp/runtime';
import type { CitizenApiMetrics } from '../metrics.ts';
import type { RateLimiter } from '../rate-limit/limiter.ts';
import { readerOf } from './reader-hook.ts';

function costOf(body: unknown): number {
  const ids = (body as { ids?: unknown } | undefined)?.ids;
  return Array.isArray(ids) ? Math.max(1, ids.length) : 1;
}

export function registerRateLimitHook(app: FastifyInstance, limiter: RateLimiter, metrics?: CitizenApiMetrics): void {
  app.addHook('preHandler', async (request) => {
    const reader = readerOf(request);
    const waitMs = await limiter.take(reader.consumer, reader.rateLimit, costOf(request.body));
    if (waitMs === 0) return;
    metrics?.rateLimited.inc({ consumer: reader.consumer });
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    throw Errors.RateLimited({
      detail: `${reader.consumer} is over its rate limit of ${reader.rateLimit.requestsPerMinute} requests per minute (burst ${reader.rateLimit.burst}); retry after ${retryAfter} s`,
      headers: { 'retry-after': String(retryAfter) },
    });
  });
}
