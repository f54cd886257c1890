// The consolidator's consumer group over the four registry topics: fetches, applies each partition's
// messages in chunks, then records progress — first in Redis beside the records (the floor a restart
// resumes from), then as the group's committed offset (what operators see as lag). Each chunk passes the
// generation gate, which says which generation it goes into and holds it during a replay's handover.
import type { Admin, Consumer, Kafka } from 'kafkajs';
import { loadOffsets, saveOffsets } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import type { Logger } from '@lgsp/runtime';
import type { BatchApplier } from './batch-applier.ts';
import { CoPartitionedAssigner } from './co-partitioned-assigner.ts';
import type { GenerationGate } from './generation-gate.ts';
import type { ConsolidatorMetrics } from './metrics.ts';

export interface ConsolidatorConsumerOptions {
  kafka: Kafka;
  admin: Admin;
  redis: RedisClient;
  gate: GenerationGate;
  groupId: string;
  /** topic → registry name, for metrics. */
  topics: Record<string, string>;
  applier: BatchApplier;
  chunkSize: number;
  maxWaitMs: number;
  partitionsConcurrently: number;
  sessionTimeoutMs: number;
  logger: Logger;
  metrics?: ConsolidatorMetrics;
  /** Called when kafkajs has stopped consuming for good (it will not restart by itself). */
  onFatalCrash?: (error: Error) => void;
}

export interface ConsolidatorConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** False after the consumer crashed and gave up, so readiness can say so. */
  healthy(): boolean;
}

interface Move {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * When the group has no live member, the partitions whose committed offsets are behind the floors stored in
 * Redis (they can only be ahead: Redis is written first). A live group keeps its own offsets.
 */
async function movesUpToFloors(options: ConsolidatorConsumerOptions): Promise<Move[]> {
  const { admin, redis, gate, groupId } = options;
  const floors = await loadOffsets(redis, gate.current(), groupId);
  if (Object.keys(floors).length === 0) return [];
  const { groups } = await admin.describeGroups([groupId]);
  const state = groups[0]?.state;
  if (state !== undefined && state !== 'Empty' && state !== 'Dead') return [];
  const committed = await admin.fetchOffsets({ groupId, topics: Object.keys(options.topics) });
  return committed.flatMap(({ topic, partitions }) =>
    partitions
      .map(({ partition, offset }) => ({ partition, offset, floor: floors[`${topic}:${partition}`] }))
      .filter((entry) => entry.floor !== undefined && (entry.offset === '-1' || BigInt(entry.floor) > BigInt(entry.offset)))
      .map(({ partition, floor }) => ({ topic, partition, offset: floor! })),
  );
}

export function createConsolidatorConsumer(options: ConsolidatorConsumerOptions): ConsolidatorConsumer {
  const { kafka, redis, gate, groupId, applier, logger, metrics } = options;
  let crashed = false;
  const consumer: Consumer = kafka.consumer({
    groupId,
    partitionAssigners: [CoPartitionedAssigner],
    maxWaitTimeInMs: options.maxWaitMs,
    minBytes: 1,
    maxBytes: 32 * 1024 * 1024,
    sessionTimeout: options.sessionTimeoutMs,
    heartbeatInterval: Math.min(3_000, Math.floor(options.sessionTimeoutMs / 3)),
    allowAutoTopicCreation: false,
    retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 10_000 },
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    logger.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
    crashed = !payload.restart;
    // kafkajs gives up for good on some errors: a consumer that no longer consumes must not look alive.
    if (crashed) options.onFatalCrash?.(payload.error);
  });
  // Seeks, not admin.setOffsets (which joins the group once per topic, about 5 s each). Made on the first
  // join, which kafkajs announces before its first fetch: the first member of an empty group holds every partition.
  let pendingMoves: Move[] = [];
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    if (pendingMoves.length > 0) {
      for (const move of pendingMoves) consumer.seek(move);
      logger.info({ partitions: pendingMoves.length }, 'group positions moved up to the floors stored with the records');
      pendingMoves = [];
    }
    crashed = false;
    logger.info({ memberAssignment: payload.memberAssignment }, 'joined the consumer group');
  });

  return {
    async start() {
      pendingMoves = await movesUpToFloors(options);
      await consumer.connect();
      await consumer.subscribe({ topics: Object.keys(options.topics), fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionsConcurrently,
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
          const registry = options.topics[batch.topic] ?? batch.topic;
          for (let start = 0; start < batch.messages.length; start += options.chunkSize) {
            if (!isRunning() || isStale()) return;
            const chunk = batch.messages.slice(start, start + options.chunkSize);
            const last = chunk[chunk.length - 1]!.offset;
            const next = (BigInt(last) + 1n).toString();
            const keyspace = await gate.enter(heartbeat, () => isRunning() && !isStale());
            if (!keyspace) return;
            const stopTimer = metrics?.batchSeconds.startTimer();
            let summary: Awaited<ReturnType<BatchApplier['applyChunk']>>;
            try {
              summary = await applier.applyChunk(keyspace, batch.topic, batch.partition, chunk);
              await saveOffsets(redis, keyspace, groupId, { [`${batch.topic}:${batch.partition}`]: next });
            } finally {
              gate.leave();
            }
            resolveOffset(last);
            await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
            await heartbeat();
            stopTimer?.();
            if (metrics) {
              for (const outcome of ['applied', 'superseded', 'duplicate', 'redelivered'] as const) {
                if (summary[outcome] > 0) metrics.events.inc({ registry, outcome }, summary[outcome]);
              }
              if (summary.deadLettered > 0) metrics.deadLettered.inc({ registry }, summary.deadLettered);
              metrics.lastAppliedAt.set({ registry }, Date.now() / 1000);
            }
            const timings = Object.fromEntries(Object.entries(summary.timings).map(([stage, ms]) => [stage, Math.round(ms)]));
            logger.debug({ topic: batch.topic, partition: batch.partition, next, messages: chunk.length, ...summary, timings }, 'chunk applied');
          }
        },
      });
    },
    async stop() {
      await consumer.disconnect();
    },
    healthy: () => !crashed,
  };
}
