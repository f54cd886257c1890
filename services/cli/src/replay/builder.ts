// Folds the registry topics into the new generation: the consolidator's own engine (batch applier,
// co-partitioned consumer group, floors beside the records), with a group of its own that starts from the
// beginning of each topic — or, for partitions whose floors were carried over, from there — and nothing
// published: the records it rebuilds are those subscribers already have.
import { createBatchApplier, createConsolidatorConsumer, createGenerationGate, type ConsolidatorConsumer } from '@lgsp/consolidation';
import type { Admin, Kafka } from '@lgsp/kafka';
import type { Keyspace } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import type { Logger } from '@lgsp/runtime';

export interface BuilderOptions {
  kafka: Kafka;
  admin: Admin;
  redis: RedisClient;
  keyspace: Keyspace;
  groupId: string;
  /** topic → registry name. */
  topics: Record<string, string>;
  chunkSize: number;
  partitionsConcurrently: number;
  logger: Logger;
}

/** The replay's consumer group for a generation: its own, so the live group's offsets are never touched. */
export function replayGroupOf(liveGroup: string, generation: string): string {
  return `${liveGroup}.replay.g${generation}`;
}

export function createGenerationBuilder(options: BuilderOptions): ConsolidatorConsumer {
  const applier = createBatchApplier({ redis: options.redis, now: () => new Date().toISOString(), logger: options.logger });
  return createConsolidatorConsumer({
    kafka: options.kafka,
    admin: options.admin,
    redis: options.redis,
    gate: createGenerationGate(options.keyspace),
    groupId: options.groupId,
    topics: options.topics,
    applier,
    chunkSize: options.chunkSize,
    maxWaitMs: 100,
    partitionsConcurrently: options.partitionsConcurrently,
    sessionTimeoutMs: 30_000,
    logger: options.logger,
  });
}
