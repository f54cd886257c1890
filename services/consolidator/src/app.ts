// The consolidator's HTTP face: health, readiness (Kafka, Redis, the consumer) and metrics only.
import type { Admin } from 'kafkajs';
import { kafkaReadiness } from '@lgsp/kafka';
import { redisReadiness, type RedisClient } from '@lgsp/redis';
import { buildServiceApp, type ClosableResource, type Logger, type Registry, type ServiceApp } from '@lgsp/runtime';
import type { ConsolidatorConsumer } from '@lgsp/consolidation';

export interface ConsolidatorAppDeps {
  logger: Logger;
  admin: Admin;
  redis: RedisClient;
  consumer: ConsolidatorConsumer;
  metrics: Registry;
  resources: ClosableResource[];
  requestTimeoutMs?: number;
}

export function buildApp(deps: ConsolidatorAppDeps): Promise<ServiceApp> {
  return buildServiceApp({
    service: 'consolidator',
    description: 'Folds the registries\' events into the once-only citizen record. Health, readiness and metrics only.',
    logger: deps.logger,
    metrics: deps.metrics,
    readiness: [
      kafkaReadiness(deps.admin),
      redisReadiness(deps.redis),
      {
        name: 'consumer',
        check: async () => {
          if (!deps.consumer.healthy()) throw new Error('the consumer crashed and is not restarting');
        },
      },
    ],
    resources: deps.resources,
    ...(deps.requestTimeoutMs ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
  });
}
