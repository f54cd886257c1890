// The parts of an adapter that push and pull share: the mapper, the publisher, the metrics, and the
// ingest functions the routes call. Built once per process.
import type { Registry as RegistryName } from '@lgsp/contract';
import { createRegistryCounters, type RegistryCounters } from '@lgsp/figures';
import type { HubProducer, TopicNames } from '@lgsp/kafka';
import type { RedisClient } from '@lgsp/redis';
import type { Logger, Registry } from '@lgsp/runtime';
import type { AdapterDefinition } from './definition.ts';
import { createEventsIngest } from './ingest/accept-events.ts';
import { createRecordsIngest } from './ingest/accept-records.ts';
import { createEventPublisher, type EventPublisher } from './ingest/publisher.ts';
import { withCodeTables, type CodeTables } from './mapping/code-tables.ts';
import type { NativeMapper } from './mapping/native-mapper.ts';
import { createAdapterMetrics, type AdapterMetrics } from './metrics.ts';

export interface AdapterCoreDeps {
  producer: HubProducer;
  redis: RedisClient;
  topics: TopicNames;
  keyPrefix: string;
  metricsRegistry: Registry;
  logger: Logger;
  /** Registry codes translated before mapping (CODE_TABLES_FILE). */
  codeTables?: CodeTables;
  now?: () => Date;
}

export interface AdapterCore {
  registry: RegistryName;
  mapper: NativeMapper;
  publisher: EventPublisher;
  metrics: AdapterMetrics;
  /** The province-wide counts of this registry's input, kept in Redis (record.md §3, correct and live). */
  counters: RegistryCounters;
  now: () => Date;
  acceptEvents: ReturnType<typeof createEventsIngest>;
  acceptRecords: ReturnType<typeof createRecordsIngest>;
}

export function createAdapterCore(definition: AdapterDefinition, deps: AdapterCoreDeps): AdapterCore {
  const { registry } = definition;
  const now = deps.now ?? (() => new Date());
  const metrics = createAdapterMetrics(deps.metricsRegistry);
  const counters = createRegistryCounters(deps.redis, deps.keyPrefix, registry, deps.logger);
  const mapper = withCodeTables(definition.createMapper({ redis: deps.redis, keyPrefix: deps.keyPrefix }), deps.codeTables);
  const publisher = createEventPublisher({ producer: deps.producer, topics: deps.topics, registry, metrics });
  return {
    registry,
    mapper,
    publisher,
    metrics,
    counters,
    now,
    acceptEvents: createEventsIngest({ registry, publisher, metrics, counters, now }),
    acceptRecords: createRecordsIngest({ registry, mapper, publisher, metrics, counters, now }),
  };
}
