// The audit writer: reads wait here until their entries are durably in lgsp.audit.v1 (acks=all), and
// only then are answered. Group commit: while one batch is being written, entries of concurrent requests
// queue up and go together in the next, so throughput grows with load while an idle writer sends at once.
// One batch at a time per instance: the idempotent producer has one request in flight anyway.
//
// Each batch goes to one partition whose chain head this writer holds (chain-head.ts), linked after that
// head. An entry whose request already gave up (timeout) and was not yet sent is dropped, so a Kafka outage
// does not leave a flood of entries for reads that were refused; an entry already in flight may still land
// after its request was answered 503 — the audit can over-report a read, never miss one.
import type { Admin, Kafka } from 'kafkajs';
import type { HubProducer } from '@lgsp/kafka';
import { HubError, type Logger } from '@lgsp/runtime';
import { CitizenErrors } from '../errors.ts';
import type { AuditMetrics } from '../metrics.ts';
import { type ChainHead, type ChainHeads, type HeldPartition, sealEntries, type AuditDraft, auditMessage } from '@lgsp/audit';
import { recoverChainHead } from './chain-recovery.ts';

export interface AuditWriter {
  /** Resolves once every entry is acknowledged by Kafka; rejects with a 503 HubError otherwise. */
  append(drafts: readonly AuditDraft[]): Promise<void>;
  /** Waits for the batch in flight. */
  close(): Promise<void>;
}

export interface AuditWriterOptions {
  kafka: Kafka;
  producer: HubProducer;
  admin: Admin;
  heads: ChainHeads;
  topic: string;
  maxBatch: number;
  timeoutMs: number;
  logger: Logger;
  metrics?: AuditMetrics;
}

interface Pending {
  draft: AuditDraft;
  settled: boolean;
  resolve(): void;
  reject(error: unknown): void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function auditUnavailable(error: unknown): HubError {
  if (error instanceof HubError && error.code === CitizenErrors.AuditUnavailable.code) return error;
  const retryAfter = error instanceof HubError ? error.headers?.['retry-after'] : undefined;
  return CitizenErrors.AuditUnavailable({
    detail: 'The read could not be written to the audit log, so no record data was sent. Retry later.',
    headers: { 'retry-after': retryAfter ?? '5' },
    cause: error,
  });
}

export function createAuditWriter(options: AuditWriterOptions): AuditWriter {
  const { kafka, producer, admin, heads, topic, maxBatch, timeoutMs, metrics } = options;
  const log = options.logger.child({ component: 'audit-writer' });
  const queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  let partitionCount: number | undefined;
  let nextPartition = Math.floor(Math.random() * 1_000);

  const countPartitions = async (): Promise<number> => {
    partitionCount ??= (await admin.fetchTopicOffsets(topic)).length;
    if (partitionCount === 0) throw new Error(`the audit topic ${topic} has no partitions`);
    return partitionCount;
  };

  // Tries the partitions in turn, starting after the last one used, so the load spreads over all of them
  // and a partition held by another instance is simply skipped.
  const holdPartition = async (deadline: number): Promise<HeldPartition> => {
    const count = await countPartitions();
    for (let attempt = 1; ; attempt += 1) {
      nextPartition = (nextPartition + 1) % count;
      const held = await heads.acquire(nextPartition);
      if (held) return held;
      if (Date.now() > deadline) throw CitizenErrors.AuditUnavailable({ detail: 'Every audit partition is busy; retry shortly.', headers: { 'retry-after': '1' } });
      if (attempt % count === 0) await sleep(2);
    }
  };

  const publishLinked = async (held: HeldPartition, head: ChainHead, drafts: AuditDraft[]): Promise<void> => {
    const entries = sealEntries(head.hash, drafts);
    let baseOffset: string | undefined;
    try {
      const metadata = await producer.publish(topic, entries.map((entry) => auditMessage(entry, held.partition)));
      baseOffset = metadata.find((entry) => entry.partition === held.partition)?.baseOffset;
    } catch (error) {
      // Kafka may or may not have the batch: leave the head for the next writer to recover from the log.
      await heads.releaseDirty(held).catch((releaseError: unknown) => log.warn({ err: releaseError }, 'could not release an audit partition'));
      throw error;
    }
    const last = entries[entries.length - 1]!;
    if (baseOffset === undefined || BigInt(baseOffset) !== BigInt(head.nextOffset)) {
      log.error({ partition: held.partition, expected: head.nextOffset, got: baseOffset }, 'audit partition held entries this writer did not know of; the chain link of this batch is broken');
      await heads.releaseDirty(held).catch(() => {});
      return;
    }
    const next = { hash: last.hash, nextOffset: (BigInt(baseOffset) + BigInt(entries.length)).toString() };
    const released = await heads.releaseClean(held, next).catch((error: unknown) => {
      log.warn({ err: error, partition: held.partition }, 'audit entries written, but the chain head could not be stored; the next writer recovers it');
      return true;
    });
    if (!released) log.error({ partition: held.partition }, 'the audit partition lock expired during a publish; another writer may have forked the chain');
  };

  const flushBatch = async (batch: Pending[]): Promise<void> => {
    const stopTimer = metrics?.flushSeconds.startTimer();
    try {
      const held = await holdPartition(Date.now() + timeoutMs);
      let head: ChainHead;
      try {
        head = held.head ?? (await recoverChainHead({ kafka, admin, heads, topic, partition: held.partition, projectionWaitMs: 1_000, timeoutMs }));
      } catch (error) {
        await heads.releaseDirty(held).catch(() => {});
        throw error;
      }
      await publishLinked(held, head, batch.map((item) => item.draft));
      metrics?.entries.inc(batch.length);
      metrics?.batchSize.observe(batch.length);
      for (const item of batch) item.resolve();
    } catch (error) {
      partitionCount = undefined;
      metrics?.failures.inc();
      log.warn({ err: error, entries: batch.length }, 'audit batch not written');
      const refusal = auditUnavailable(error);
      for (const item of batch) item.reject(refusal);
    } finally {
      stopTimer?.();
    }
  };

  const takeBatch = (): Pending[] => {
    const batch: Pending[] = [];
    while (queue.length > 0 && batch.length < maxBatch) {
      const item = queue.shift()!;
      if (!item.settled) batch.push(item);
    }
    return batch;
  };

  const drain = async (): Promise<void> => {
    for (let batch = takeBatch(); batch.length > 0; batch = takeBatch()) await flushBatch(batch);
  };

  const kick = (): void => {
    if (flushing) return;
    flushing = drain().finally(() => {
      flushing = undefined;
      if (queue.length > 0) kick();
    });
  };

  return {
    append(drafts) {
      if (drafts.length === 0) return Promise.resolve();
      const items: Pending[] = [];
      const acknowledged = Promise.all(
        drafts.map(
          (draft) =>
            new Promise<void>((resolve, reject) => {
              const item: Pending = { draft, settled: false, resolve, reject };
              items.push(item);
              queue.push(item);
            }),
        ),
      );
      kick();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          for (const item of items) item.settled = true;
          reject(CitizenErrors.AuditUnavailable({ detail: `The audit log did not acknowledge the read within ${timeoutMs} ms, so no record data was sent. Retry later.`, headers: { 'retry-after': '5' } }));
        }, timeoutMs);
        acknowledged.then(
          () => {
            clearTimeout(timer);
            resolve();
          },
          (error: unknown) => {
            clearTimeout(timer);
            for (const item of items) item.settled = true;
            reject(error);
          },
        );
      });
    },
    async close() {
      while (flushing) await flushing;
    },
  };
}
