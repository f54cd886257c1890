// Recovers a partition's chain head from the log when Redis cannot vouch for it (a writer died holding it,
// a publish failed with an unknown outcome, or Redis lost the key). Called with the partition's lock held,
// so no other writer appends meanwhile. The last entry's hash comes, in the usual case, from what the
// access-log projection recorded for that exact offset — it consumes every audit entry anyway, so after a
// crash it has usually seen the last one already. When it cannot tell (its Redis state was lost too), the
// entry is read from Kafka directly.
import type { Admin, Kafka } from 'kafkajs';
import { CitizenErrors } from '../errors.ts';
import { type ChainHead, type ChainHeads, GENESIS_HASH } from '@lgsp/audit';
import { readAuditEntryAt } from './read-entry-at.ts';

export interface RecoverOptions {
  kafka: Kafka;
  admin: Admin;
  heads: ChainHeads;
  topic: string;
  partition: number;
  /** How long to wait for the projection before reading Kafka directly. */
  projectionWaitMs: number;
  timeoutMs: number;
  pollMs?: number;
}

export async function recoverChainHead(options: RecoverOptions): Promise<ChainHead> {
  const { admin, heads, topic, partition, pollMs = 20 } = options;
  const offsets = await admin.fetchTopicOffsets(topic);
  const end = offsets.find((entry) => entry.partition === partition)?.high;
  if (end === undefined) throw new Error(`the audit topic ${topic} has no partition ${partition}`);
  if (end === '0') return { hash: GENESIS_HASH, nextOffset: '0' };
  const last = (BigInt(end) - 1n).toString();

  const deadline = Date.now() + options.projectionWaitMs;
  for (;;) {
    const tail = await heads.readTail(partition);
    if (tail?.offset === last) return { hash: tail.hash, nextOffset: end };
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  const entry = await readAuditEntryAt(options.kafka, topic, partition, last, options.timeoutMs);
  if (!entry) {
    throw CitizenErrors.AuditUnavailable({ detail: `The last message of audit partition ${partition} is not an audit entry; the chain cannot be continued there.` });
  }
  await heads.recordTail(partition, { offset: last, hash: entry.hash });
  return { hash: entry.hash, nextOffset: end };
}
