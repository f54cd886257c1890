// Keeps each person's access log in Redis from lgsp.audit.v1, in a consumer group of its own. Idempotent:
// each entry becomes a sorted-set member named by its partition and offset, so a redelivered batch changes
// nothing. Rebuildable: delete the access-log keys and reset the group's offsets to the earliest.
// It also records, per partition, the hash of the last entry it has seen: the audit writer recovers a
// chain head from it (audit/chain-recovery.ts).
import type { Consumer, Kafka } from 'kafkajs';
import type { RedisClient } from '@lgsp/redis';
import type { Logger } from '@lgsp/runtime';
import { type ChainHeads, parseAuditEntry } from '@lgsp/audit';
import { accessLogMember } from './item.ts';
import { accessLogKey } from './keys.ts';

export interface AccessLogProjectionOptions {
  kafka: Kafka;
  redis: RedisClient;
  heads: ChainHeads;
  keyPrefix: string;
  topic: string;
  groupId: string;
  logger: Logger;
  onProjected?: (entries: number) => void;
}

export interface AccessLogProjection {
  start(): Promise<void>;
  stop(): Promise<void>;
  healthy(): boolean;
}

export function createAccessLogProjection(options: AccessLogProjectionOptions): AccessLogProjection {
  const { kafka, redis, heads, keyPrefix, topic, groupId } = options;
  const log = options.logger.child({ component: 'access-log' });
  let crashed = false;
  // Under load, fetches wait to fill (or for 200 ms) and offsets are committed once a second: the access log
  // may lag a fraction of a second, and fetching and committing per read would cost the API a fifth of its CPU.
  // Committing late only means re-projecting a few entries after a restart, which changes nothing.
  const consumer: Consumer = kafka.consumer({
    groupId,
    minBytes: 64 * 1024,
    maxWaitTimeInMs: 200,
    allowAutoTopicCreation: false,
    retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 10_000 },
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    log.error({ err: payload.error, restart: payload.restart }, 'access-log consumer crashed');
    crashed = !payload.restart;
  });
  consumer.on(consumer.events.GROUP_JOIN, () => {
    crashed = false;
  });

  return {
    async start() {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommitInterval: 1_000,
        eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
          let lastEntry: { offset: string; hash: string } | undefined;
          const writes: Array<Promise<unknown>> = [];
          for (const message of batch.messages) {
            const entry = parseAuditEntry(message.value);
            if (!entry) {
              log.error({ partition: batch.partition, offset: message.offset }, 'a message on the audit topic is not an audit entry; skipped');
              continue;
            }
            writes.push(redis.zadd(accessLogKey(keyPrefix, entry.personalId), Date.parse(entry.time), accessLogMember(entry, batch.partition, message.offset)));
            lastEntry = { offset: message.offset, hash: entry.hash };
          }
          await Promise.all(writes);
          if (lastEntry) await heads.recordTail(batch.partition, lastEntry);
          const last = batch.messages[batch.messages.length - 1];
          if (last) resolveOffset(last.offset);
          options.onProjected?.(writes.length);
          await heartbeat();
        },
      });
    },
    async stop() {
      await consumer.disconnect();
    },
    healthy: () => !crashed,
  };
}
