// The parts of an adapter that push and pull share: the mapper, the publisher, the metrics, and the
// ingest functions the routes call. Built once per process.
import type { Registry as RegistryName } from '@lgsp/contract';
import type { HubProducer, TopicNames } from '@lgsp/kafka';
import type { RedisClient } from '@lgsp/redis';
import type { Registry } from '@lgsp/runtime';
import type { AdapterDefinition } from './definition.ts';
import { createEventsIngest } from './ingest/accept-events.ts';
import { createRecordsIngest } from './ingest/accept-records.ts';
import { createEventPublisher, type EventPublisher } from './ingest/publisher.ts';
import type { NativeMapper } from './mapping/native-mapper.ts';
import { createAdapterMetrics, type AdapterMetrics } from './metrics.ts';

export interface AdapterCoreDeps {
  producer: HubProducer;
  redis: RedisClient;
  topics: TopicNames;
  keyPrefix: string;
  metricsRegistry: Registry;
  now?: () => Date;
}

export interface AdapterCore {
  registry: RegistryName;
  mapper: NativeMapper;
  publisher: EventPublisher;
  metrics: AdapterMetrics;
  now: () => Date;
  acceptEvents: ReturnType<typeof createEventsIngest>;
  acceptRecords: ReturnType<typeof createRecordsIngest>;
}

export function createAdapterCore(definition: AdapterDefinition, deps: AdapterCoreDeps): AdapterCore {
  const { registry } = definition;
  const now = deps.now ?? (() => new Date());
  const metrics = createAdapterMetrics(deps.metricsRegistry);
  const mapper = definition.createMapper({ redis: deps.redis, keyPrefix: deps.keyPrefix });
  const publisher = createEventPublisher({ producer: deps.producer, topics: deps.topics, registry, metrics });
  return {
    registry,
    mapper,
    publisher,
    metrics,
    now,
    acceptEvents: createEventsIngest({ registry, publisher, metrics, now }),
    acceptRecords: createRecordsIngest({ registry, mapper, publisher, metrics, now }),
  };
}
