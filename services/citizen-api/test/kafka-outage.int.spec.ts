// Audit before answer (guarantee 6): with Kafka stopped, no read can be audited, so every read is refused
// 503 + Retry-After and carries no record data; once Kafka is back, reads are answered and audited again,
// and the chain goes on unbroken. On a private broker, stopped and started by the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateKafka, eventually, type PrivateKafka } from '@lgsp/testkit';
import { verifyAuditChain } from '@lgsp/audit';
import { call, type RawResponse } from './http.ts';
import { samplePeople, SENTINELS, type SamplePeople } from './sample-people.ts';
import type { ServiceProcess } from '@lgsp/testkit';
import { startTestHub, type TestHub } from './test-hub.ts';

const CITIZEN = { key: 'dev-citizen-portal-key', purpose: 'data-subject-access' };

describe('the citizen API while Kafka is down', () => {
  let kafka: PrivateKafka;
  let hub: TestHub;
  let api: ServiceProcess;
  let people: SamplePeople;
  const answered: string[] = [];

  const readAll = async (): Promise<RawResponse[]> => [
    await call(api.url, 'GET', `/v1/citizens/${people.full.personalId}`, CITIZEN),
    await call(api.url, 'POST', '/v1/citizens:batchGet', { ...CITIZEN, body: { ids: [people.full.personalId] } }),
    await call(api.url, 'GET', `/v1/citizens/${people.full.personalId}/history`, CITIZEN),
    await call(api.url, 'GET', `/v1/citizens/${people.full.personalId}/access-log`, CITIZEN),
  ];

  beforeAll(async () => {
    kafka = await startPrivateKafka();
    hub = await startTestHub({ kafkaBrokers: kafka.brokers, partitions: 2 });
    api = await hub.startCitizenApi({ AUDIT_TIMEOUT_MS: '2000' });
    people = samplePeople(64);
    await hub.publish(people.events);
    await hub.waitForVersion(people.full.personalId, 6);
  }, 180_000);

  afterAll(async () => {
    await hub?.close();
    await kafka?.destroy();
  }, 120_000);

  it('answers while Kafka takes the audit entries', async () => {
    for (const response of await readAll()) {
      expect(response.status).toBe(200);
      answered.push(response.requestId);
    }
  });

  it('refuses every read with 503 and Retry-After, sending no record data, while Kafka is stopped', async () => {
    await kafka.stop();
    for (const response of await readAll()) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(response.json()).toMatchObject({ type: 'urn:lgsp:problem:audit-unavailable', status: 503 });
      expect(response.text).not.toContain(people.full.fullName);
      for (const sentinels of Object.values(SENTINELS)) for (const sentinel of sentinels) expect(response.text).not.toContain(sentinel);
    }
  }, 60_000);

  it('answers and audits again once Kafka is back, and the chain is unbroken', async () => {
    await kafka.start();
    await eventually(async () => ((await call(api.url, 'GET', `/v1/citizens/${people.full.personalId}`, CITIZEN)).status === 200 ? true : undefined), { timeoutMs: 60_000, intervalMs: 500 });
    for (const response of await readAll()) {
      expect(response.status).toBe(200);
      answered.push(response.requestId);
    }
    const log = await hub.auditLog();
    for (const partition of log) expect(verifyAuditChain(partition.entries).breaks).toEqual([]);
    const requestIds = new Set(log.flatMap((partition) => partition.entries.map((entry) => entry.requestId)));
    for (const requestId of answered) expect(requestIds.has(requestId), requestId).toBe(true);
  }, 120_000);
});
