// Reads the whole audit topic, partition by partition in offset order, up to its end at the time of the
// call — what `lgsp audit verify` and the tests check with verifyAuditChain. Uses a throw-away consumer
// group that commits nothing and is deleted afterwards.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { AuditEntry } from './entry.ts';
import { parseAuditEntry } from './message.ts';

export interface AuditLogByPartition {
  partition: number;
  entries: Array<AuditEntry & { offset: string }>;
  /** Offsets whose message is not an audit entry at all (itself a fault of the log). */
  unreadable: string[];
}

export async function readAuditLog(kafka: Kafka, topic: string, { timeoutMs = 60_000 } = {}): Promise<AuditLogByPartition[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `lgsp-audit-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const result = new Map<number, AuditLogByPartition>(ends.map(({ partition }) => [partition, { partition, entries: [], unreadable: [] }]));
    const remaining = new Map(ends.filter((end) => end.high !== '0').map((end) => [end.partition, BigInt(end.high) - 1n]));
    if (remaining.size > 0) {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the audit topic ${topic} was not read to its end within ${timeoutMs} ms`)), timeoutMs);
        void consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const last = remaining.get(batch.partition);
            const target = result.get(batch.partition);
            if (last === undefined || !target) return;
            for (const message of batch.messages) {
              if (BigInt(message.offset) > last) break;
              const entry = parseAuditEntry(message.value);
              if (entry) target.entries.push({ ...entry, offset: message.offset });
              else target.unreadable.push(message.offset);
              if (BigInt(message.offset) === last) remaining.delete(batch.partition);
            }
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    }
    return [...result.values()].sort((a, b) => a.partition - b.partition);
  } finally {
    await consumer.disconnect().catch(() => {});
    await admin.deleteGroups([groupId]).catch(() => {});
    await admin.disconnect();
  }
}
