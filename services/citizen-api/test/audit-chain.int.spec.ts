// The audit log's hash chain on real Kafka, written by several citizen-api processes at once, through a
// graceful restart and a SIGKILL: every partition's chain verifies end to end (and ends at the head Redis
// recorded), every 200 has exactly its entries, and tampering with one entry read back from the topic is found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainStateKey, verifyAuditChain, type AuditLogByPartition } from '@lgsp/audit';

import { call } from './http.ts';
import { publishSamplePeople, type SamplePeople } from './sample-people.ts';
import type { ServiceProcess } from '@lgsp/testkit';
import { startTestHub, type TestHub } from './test-hub.ts';

const READERS = [
  { key: 'dev-land-portal-key', purpose: 'land-procedure' },
  { key: 'dev-business-portal-key', purpose: 'enterprise-registration' },
  { key: 'dev-judicial-office-key', purpose: 'criminal-record-certificate' },
];

describe('the audit hash chain', () => {
  let hub: TestHub;
  let people: SamplePeople;
  /** requestId → entries expected. */
  const answered = new Map<string, number>();
  // A short lock TTL, so that a partition left locked by a SIGKILLed writer is taken over within the test.
  const apiEnv = { AUDIT_LOCK_TTL_MS: '2000' };

  /** `count` reads spread over the given instances, `concurrency` at a time. */
  async function readThrough(instances: ServiceProcess[], count: number, concurrency = 8): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        const index = next++;
        const api = instances[index % instances.length]!;
        const reader = READERS[index % READERS.length]!;
        const id = index % 2 === 0 ? people.full.personalId : people.plain.personalId;
        const batch = index % 5 === 0;
        const response = batch
          ? await call(api.url, 'POST', '/v1/citizens:batchGet', { ...reader, body: { ids: [people.full.personalId, people.plain.personalId] } }).catch(() => undefined)
          : await call(api.url, 'GET', `/v1/citizens/${id}${index % 3 === 0 ? '/history' : ''}`, reader).catch(() => undefined);
        if (response?.status === 200) answered.set(response.requestId, batch ? 2 : 1);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  async function verifiedLog(): Promise<AuditLogByPartition[]> {
    const log = await hub.auditLog();
    for (const partition of log) {
      expect(partition.unreadable).toEqual([]);
      const head = await hub.redis.hget(chainStateKey(hub.keyPrefix, hub.names.audit, partition.partition), 'hash');
      const result = verifyAuditChain(partition.entries, head ? { expectedLastHash: head } : {});
      expect(result.breaks, `partition ${partition.partition}`).toEqual([]);
    }
    return log;
  }

  beforeAll(async () => {
    hub = await startTestHub({ partitions: 3 });
    people = await publishSamplePeople(hub, 63);
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  }, 60_000);

  it('stays one valid chain per partition with two instances writing, a restart and a SIGKILL', async () => {
    const first = await hub.startCitizenApi(apiEnv);
    const second = await hub.startCitizenApi(apiEnv);
    await readThrough([first, second], 400);

    // A graceful restart of one instance, while the other keeps writing.
    const busy = readThrough([second], 150);
    expect(await first.stop('SIGTERM')).toBe(0);
    const restarted = await hub.startCitizenApi(apiEnv);
    await busy;
    await readThrough([restarted, second], 200);

    // A SIGKILL in the middle of load: its partition lock stays taken and its head dirty until the TTL ends.
    const killedLoad = readThrough([second], 300, 16);
    await new Promise((resolve) => setTimeout(resolve, 150));
    second.child.kill('SIGKILL');
    await killedLoad;
    const third = await hub.startCitizenApi(apiEnv);
    await readThrough([restarted, third], 300);

    // Redis can no longer vouch for two heads: one left dirty (a writer died holding it), one lost entirely
    // with the projection's tail (Redis emptied). Writers recover both from the log itself.
    await hub.redis.hset(chainStateKey(hub.keyPrefix, hub.names.audit, 0), 'dirty', '1');
    await hub.redis.del(chainStateKey(hub.keyPrefix, hub.names.audit, 1));
    await readThrough([restarted, third], 300);
    for (const partition of [0, 1]) {
      const state = await hub.redis.hgetall(chainStateKey(hub.keyPrefix, hub.names.audit, partition));
      expect(state, `partition ${partition} was written again after its head was recovered`).toMatchObject({ dirty: '0', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    }

    const log = await verifiedLog();
    const entries = log.flatMap((partition) => partition.entries);
    expect(log.filter((partition) => partition.entries.length > 0).length).toBe(3);
    const perRequest = new Map<string, number>();
    for (const entry of entries) perRequest.set(entry.requestId, (perRequest.get(entry.requestId) ?? 0) + 1);
    for (const [requestId, count] of answered) expect(perRequest.get(requestId), requestId).toBe(count);
    expect(answered.size).toBeGreaterThan(1_000);
  }, 180_000);

  it('finds one entry whose sections were changed, or one entry removed, in the log read back from Kafka', async () => {
    const log = await verifiedLog();
    const partition = log.find((candidate) => candidate.entries.length > 10)!;
    const altered = partition.entries.map((entry) => ({ ...entry }));
    altered[5] = { ...altered[5]!, sections: ['identity', 'status', 'residence', 'landRights', 'judicial'] };
    expect(verifyAuditChain(altered).breaks).toEqual([expect.objectContaining({ index: 5, reason: 'altered' })]);
    const removed = partition.entries.filter((_, index) => index !== 7);
    expect(verifyAuditChain(removed).breaks).toEqual([expect.objectContaining({ index: 7, reason: 'broken-link' })]);
  }, 60_000);
});
