// Builds an adapter's HTTP app from its definition: the runtime's service app (health, readiness,
// metrics, problem+json, shutdown) with the schema catalogue of the registry's types and the push API.
// Never listens; server.ts does.
import type { Admin } from 'kafkajs';
import { eventTypesOfRegistry, schemaCatalogue } from '@lgsp/contract';
import { kafkaReadiness, topicNames, type HubProducer } from '@lgsp/kafka';
import { authenticate, type Policy } from '@lgsp/policy';
import { redisReadiness, type RedisClient } from '@lgsp/redis';
import { buildServiceApp, createMetricsRegistry, type ClosableResource, type Logger, type Registry, type ServiceApp } from '@lgsp/runtime';
import { serviceNameOf, type AdapterDefinition } from './definition.ts';
import { createAdapterCore, type AdapterCore } from './core.ts';
import { pushRoutes } from './http/push-routes.ts';
import { MAX_RECORDS_BODY_BYTES } from './limits.ts';

export interface AdapterAppDeps {
  logger: Logger;
  policy: Policy;
  producer: HubProducer;
  admin: Admin;
  redis: RedisClient;
  /** KAFKA_TOPIC_PREFIX and REDIS_KEY_PREFIX: tests isolate themselves with them. */
  topicPrefix: string;
  keyPrefix: string;
  /** Shared with pull mode when the server runs both; made here otherwise. */
  metricsRegistry?: Registry;
  core?: AdapterCore;
  resources?: ClosableResource[];
  now?: () => Date;
  publicBaseUrl?: string;
  /** REQUEST_TIMEOUT_MS: a request slower to arrive is cut off with 408. */
  requestTimeoutMs?: number;
}

export async function buildAdapterApp(definition: AdapterDefinition, deps: AdapterAppDeps): Promise<ServiceApp> {
  const service = serviceNameOf(definition);
  const metricsRegistry = deps.metricsRegistry ?? createMetricsRegistry(service);
  const core =
    deps.core ??
    createAdapterCore(definition, {
      producer: deps.producer,
      redis: deps.redis,
      topics: topicNames(deps.topicPrefix),
      keyPrefix: deps.keyPrefix,
      metricsRegistry,
      logger: deps.logger,
      now: deps.now,
    });
  const app = await buildServiceApp({
    service,
    description: definition.description,
    logger: deps.logger,
    metrics: metricsRegistry,
    readiness: [kafkaReadiness(deps.admin), redisReadiness(deps.redis)],
    resources: deps.resources,
    bodyLimit: MAX_RECORDS_BODY_BYTES,
    ...(deps.requestTimeoutMs ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
  });
  // The catalogue needs a key like every other route (any key the policy holds: schemas are not secret
  // from the hub's own agencies, portals and operators, but nothing is served to strangers).
  await app.register(
    schemaCatalogue({
      types: eventTypesOfRegistry(definition.registry),
      baseUrl: deps.publicBaseUrl,
      authenticate: (request) => void authenticate(deps.policy, request.headers.authorization),
    }),
  );
  await app.register(
    pushRoutes({
      registry: definition.registry,
      policy: deps.policy,
      metrics: core.metrics,
      counters: core.counters,
      acceptEvents: core.acceptEvents,
      acceptRecords: core.acceptRecords,
    }),
  );
  return app;
}
