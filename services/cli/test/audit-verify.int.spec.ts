// lgsp audit verify against a real audit topic: an intact chain passes; an altered entry, a removed one
// and a tail cut short of the recorded head are each found, with exit 1.
import { afterAll, describe, expect, it } from 'vitest';
import { auditMessage, chainStateKey, GENESIS_HASH, sealEntries, type AuditDraft, type AuditEntry } from '@lgsp/audit';
import { createProducer, ensureTopics, hubTopicSpecs, topicNames } from '@lgsp/kafka';
import { closeRedis } from '@lgsp/redis';
import { quietLogger, stackEndpoints, testKafka, testRedis, uniqueKeyPrefix, uniqueTopicPrefix } from '@lgsp/testkit';
import { runCli } from './cli-process.ts';

const kafka = testKafka();
const redis = testRedis();

function drafts(count: number, from = 0): AuditDraft[] {
  return Array.from({ length: count }, (_, i) => ({
    time: `2026-01-01T00:00:${String(from + i).padStart(2, '0')}.000Z`,
    consumer: 'land services portal',
    purpose: 'land-procedure',
    personalId: '001203012345',
    sections: ['identity', 'landRights'],
    requestId: `req-${from + i}`,
    read: 'record' as const,
  }));
}

async function hubWithAudit(entriesByPartition: AuditEntry[][], head?: { partition: number; hash: string; next: number }) {
  const prefix = uniqueTopicPrefix();
  const keyPrefix = uniqueKeyPrefix();
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, hubTopicSpecs({ prefix, partitions: 2 }));
  await admin.disconnect();
  const producer = createProducer({ kafka, logger: quietLogger() });
  const audit = topicNames(prefix).audit;
  for (const [partition, entries] of entriesByPartition.entries()) {
    if (entries.length > 0) await producer.publish(audit, entries.map((entry) => auditMessage(entry, partition)));
  }
  await producer.disconnect();
  if (head) await redis.hset(chainStateKey(keyPrefix, audit, head.partition), { hash: head.hash, next: String(head.next) });
  return { KAFKA_BROKERS: stackEndpoints().kafkaBrokers, REDIS_URL: stackEndpoints().redisUrl, KAFKA_TOPIC_PREFIX: prefix, REDIS_KEY_PREFIX: keyPrefix };
}

afterAll(() => closeRedis(redis));

describe('lgsp audit verify', () => {
  it('passes an intact chain on every partition, checked against the recorded head', async () => {
    const first = sealEntries(GENESIS_HASH, drafts(5));
    const second = sealEntries(GENESIS_HASH, drafts(3, 10));
    const env = await hubWithAudit([first, second], { partition: 0, hash: first.at(-1)!.hash, next: 5 });
    const run = await runCli(['audit', 'verify', '--json'], env);
    expect(run.code).toBe(0);
    const report = run.json<{ valid: boolean; entries: number; partitions: Array<{ partition: number; valid: boolean; headCompared: boolean }> }>();
    expect(report).toMatchObject({ valid: true, entries: 8 });
    expect(report.partitions.find((partition) => partition.partition === 0)?.headCompared).toBe(true);
  });

  it('finds an altered entry and a removed one, naming their offsets, with exit 1', async () => {
    const chain = sealEntries(GENESIS_HASH, drafts(6));
    const altered = chain.map((entry, index) => (index === 2 ? { ...entry, sections: ['identity', 'landRights', 'judicial'] } : entry));
    const removed = chain.filter((_, index) => index !== 4);
    const env = await hubWithAudit([altered, removed]);
    const run = await runCli(['audit', 'verify'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('BROKEN');
    expect(run.stdout).toMatch(/partition 0 offset 2: entry 2 does not match its hash/);
    expect(run.stdout).toMatch(/partition 1 offset 4: entry 4 does not follow entry 3/);
  });

  it('finds a tail cut short of the head the writers recorded', async () => {
    const chain = sealEntries(GENESIS_HASH, drafts(4));
    // The writers recorded a head after 4 entries; the log ends after 3 — the last entry was cut off.
    const env = await hubWithAudit([chain.slice(0, 3)], { partition: 0, hash: chain[3]!.hash, next: 3 });
    const run = await runCli(['audit', 'verify', '--json'], env);
    expect(run.code).toBe(1);
    const report = run.json<{ partitions: Array<{ breaks: Array<{ reason: string }> }> }>();
    expect(report.partitions[0]?.breaks.map((found) => found.reason)).toEqual(['truncated']);
  });
});
