// The citizen API's HTTP face (never listens itself): the shared service app, security headers on every
// answer, and the portals' routes with their authentication, purpose and rate-limit hooks.
import type { Admin } from 'kafkajs';
import { kafkaReadiness } from '@lgsp/kafka';
import type { Policy } from '@lgsp/policy';
import { redisReadiness, type RedisClient } from '@lgsp/redis';
import { buildServiceApp, type ClosableResource, type Logger, type Registry, type ServiceApp } from '@lgsp/runtime';
import type { AccessLogProjection } from './access-log/projection.ts';
import type { CitizenReads } from './core/citizen-reads.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import type { CitizenApiMetrics } from './metrics.ts';
import type { RateLimiter } from './rate-limit/limiter.ts';
import { citizenRoutes } from './routes/citizens.ts';

export interface CitizenApiAppDeps {
  logger: Logger;
  policy: Policy;
  reads: CitizenReads;
  limiter: RateLimiter;
  admin: Admin;
  redis: RedisClient;
  accessLog: AccessLogProjection;
  metrics: CitizenApiMetrics;
  metricsRegistry: Registry;
  resources: ClosableResource[];
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  hstsMaxAgeSeconds?: number | undefined;
}

export async function buildApp(deps: CitizenApiAppDeps): Promise<ServiceApp> {
  const app = await buildServiceApp({
    service: 'citizen-api',
    description:
      'Purpose-bound reads of the once-only citizen record for public-service portals. Every read is written to the audit log (lgsp.audit.v1) before it is answered.',
    logger: deps.logger,
    metrics: deps.metricsRegistry,
    bodyLimit: deps.bodyLimitBytes,
    requestTimeoutMs: deps.requestTimeoutMs,
    readiness: [
      kafkaReadiness(deps.admin),
      redisReadiness(deps.redis),
      {
        name: 'access-log',
        check: async () => {
          if (!deps.accessLog.healthy()) throw new Error('the access-log consumer crashed and is not restarting');
        },
      },
    ],
    resources: deps.resources,
  });
  registerSecurityHeaders(app, { hstsMaxAgeSeconds: deps.hstsMaxAgeSeconds });
  await app.register(citizenRoutes({ policy: deps.policy, reads: deps.reads, limiter: deps.limiter, metrics: deps.metrics }));
  return app;
}
