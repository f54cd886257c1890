// Reads the one audit entry at a given offset of a partition, straight from Kafka: the fallback of chain
// recovery when the access-log projection cannot tell the last hash (its Redis state was lost). Slow —
// a throw-away consumer group joins and is deleted — but only ever needed after Redis lost data.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { type AuditEntry, parseAuditEntry } from '@lgsp/audit';

export async function readAuditEntryAt(kafka: Kafka, topic: string, partition: number, offset: string, timeoutMs: number): Promise<AuditEntry | undefined> {
  const groupId = `lgsp-audit-recovery-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  const admin = kafka.admin();
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    const found = new Promise<AuditEntry | undefined>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`offset ${offset} of ${topic}/${partition} was not read within ${timeoutMs} ms`)), timeoutMs);
      consumer.on(consumer.events.GROUP_JOIN, () => consumer.seek({ topic, partition, offset }));
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          if (batch.partition !== partition) return;
          const message = batch.messages.find((candidate) => candidate.offset === offset);
          if (!message) return;
          clearTimeout(timer);
          resolve(parseAuditEntry(message.value));
        },
      });
    });
    return await found;
  } finally {
    await consumer.disconnect().catch(() => {});
    await admin.connect().then(() => admin.deleteGroups([groupId])).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}
