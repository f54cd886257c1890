// The console's HTTP face (never listens itself): the shared service app, the access rule (operator only,
// the console's header on state-changing requests), security headers, then the pages and JSON routes.
import type { Admin } from 'kafkajs';
import { kafkaReadiness, type TopicNames } from '@lgsp/kafka';
import type { Policy } from '@lgsp/policy';
import type { GenerationWatcher } from '@lgsp/record-store';
import { redisReadiness, type RedisClient } from '@lgsp/redis';
import { buildServiceApp, type ClosableResource, type Logger, type Registry, type ServiceApp } from '@lgsp/runtime';
import { SESSION_COOKIE } from './auth/cookies.ts';
import type { LoginLimiter } from './auth/login-limiter.ts';
import type { SessionStore } from './auth/session-store.ts';
import type { CitizenClient } from './core/citizen-client.ts';
import type { DeadLetterBook } from './core/dead-letter-book.ts';
import type { Sampler } from './core/sampler.ts';
import { registerAccessHook } from './http/access-hook.ts';
import { pagePolicy, registerSecurityHeaders } from './http/security-headers.ts';
import type { ConsoleAssets } from './http/static-assets.ts';
import type { ConsoleMetrics } from './metrics.ts';
import { deadLetterRoutes } from './routes/dead-letters.ts';
import { figureRoutes } from './routes/figures.ts';
import { pageRoutes } from './routes/pages.ts';
import { recordRoutes } from './routes/records.ts';
import { sessionRoutes } from './routes/session.ts';

export interface ConsoleAppDeps {
  logger: Logger;
  policy: Policy;
  sessions: SessionStore;
  loginLimiter: LoginLimiter;
  assets: ConsoleAssets;
  sampler: Sampler;
  sampleIntervalMs: number;
  book: DeadLetterBook;
  citizens: CitizenClient;
  admin: Admin;
  redis: RedisClient;
  keyspace: GenerationWatcher;
  topics: TopicNames;
  groupId: string;
  metrics: ConsoleMetrics;
  metricsRegistry: Registry;
  resources: ClosableResource[];
  hstsMaxAgeSeconds?: number | undefined;
}

export async function buildApp(deps: ConsoleAppDeps): Promise<ServiceApp> {
  const app = await buildServiceApp({
    service: 'console',
    description:
      "The operators' web console: the hub's figures, trends, dead letters and record views, behind the operator key. Log in with POST /v1/session (a session cookie), or send Authorization: Bearer <operator key>. State-changing requests carry x-lgsp-console: 1.",
    logger: deps.logger,
    metrics: deps.metricsRegistry,
    bodyLimit: 64 * 1024,
    requestTimeoutMs: 30_000,
    readiness: [kafkaReadiness(deps.admin), redisReadiness(deps.redis)],
    resources: deps.resources,
    securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
  });
  registerAccessHook(app, { policy: deps.policy, sessions: deps.sessions });
  registerSecurityHeaders(app, { pageCsp: pagePolicy(deps.assets.importMapHash), hstsMaxAgeSeconds: deps.hstsMaxAgeSeconds });
  await app.register(pageRoutes(deps.assets));
  await app.register(
    sessionRoutes({ policy: deps.policy, sessions: deps.sessions, limiter: deps.loginLimiter, secureCookie: deps.hstsMaxAgeSeconds !== undefined, metrics: deps.metrics }),
  );
  await app.register(
    figureRoutes({ sampler: deps.sampler, sampleIntervalMs: deps.sampleIntervalMs, topics: deps.topics, groupId: deps.groupId, redis: deps.redis, keyspace: deps.keyspace }),
  );
  await app.register(deadLetterRoutes({ book: deps.book, metrics: deps.metrics }));
  await app.register(recordRoutes({ citizens: deps.citizens }));
  return app;
}
