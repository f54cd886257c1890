// status, lag and quality against a real hub keyspace: events produced to the registry topics, folded by
// the real consolidator process, then read back by the CLI process. Expected figures come from folding
// the same events in memory with the merge core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeKafkaMessage, type HubEvent } from '@lgsp/contract';
import { createProducer, ensureTopics, hubTopicSpecs, topicNames, type Message } from '@lgsp/kafka';
import { applyPersonEvent, initialPersonState, isEnterpriseStatusEvent, renderRecord, type PersonEvent, type PersonState } from '@lgsp/record';
import { CONSOLIDATOR_ENTRY, eventually, generateProvince, quietLogger, stackEndpoints, startServiceProcess, testKafka, uniqueId, uniqueKeyPrefix, uniqueTopicPrefix, type ServiceProcess } from '@lgsp/testkit';
import { startAdapterProcess } from '@lgsp/adapter-kit/testing';
import { adapterEntry } from './hub-processes.ts';
import { runCli } from './cli-process.ts';

interface LagJson {
  group: string;
  total: number;
  partitions: Array<{ topic: string; partition: number; committed: string | null; end: string; lag: number }>;
}

const SECTIONS = ['identity', 'status', 'residence', 'landRights', 'enterpriseRoles', 'judicial'] as const;

function expectedFigures(events: readonly HubEvent[]) {
  const people = new Map<string, PersonState>();
  for (const event of events) {
    if (isEnterpriseStatusEvent(event)) continue;
    const state = people.get(event.subject) ?? initialPersonState(event.subject);
    people.set(event.subject, applyPersonEvent(state, event as PersonEvent, { appliedAt: 'reference' }).state);
  }
  const records = [...people.values()].map((state) => renderRecord(state));
  const byCode: Record<string, number> = { ID_BIRTH_MISMATCH: 0, ACTIVITY_AFTER_DEATH: 0, ROLE_WHILE_BANNED: 0, NO_CIVIL_RECORD: 0 };
  for (const record of records) for (const code of new Set(record.quality.issues.map((issue) => issue.code))) byCode[code]! += 1;
  const present = Object.fromEntries(
    SECTIONS.map((section) => [section, records.filter((record) => (Array.isArray(record[section]) ? (record[section] as unknown[]).length > 0 : record[section] !== null)).length]),
  );
  return { records: records.length, byCode, present, withIssues: records.filter((record) => record.quality.issues.length > 0).length };
}

// A land grant for a person the civil registry never heard of: NO_CIVIL_RECORD by construction.
const orphanGrant = {
  specversion: '1.0', id: 'BD-CLI-000001', source: 'urn:lgsp:registry:land', type: 'vn.lgsp.land.right-granted.v1', subject: '001203012345',
  time: '2025-06-30T09:15:00+07:00', dataschema: 'urn:lgsp:schema:vn.lgsp.land.right-granted.v1', datacontenttype: 'application/json',
  data: { personalId: '001203012345', certificateNo: 'CS123456', parcel: { communeCode: '00004', mapSheet: 12, parcelNo: 345 }, areaM2: 120.5, landUse: 'ODT', grantedOn: '2025-06-30' },
} as unknown as HubEvent;

describe('lgsp status, lag and quality on a consolidated keyspace', () => {
  const kafka = testKafka();
  const topicPrefix = uniqueTopicPrefix();
  const keyPrefix = uniqueKeyPrefix();
  const groupId = uniqueId('consolidator');
  const topics = topicNames(topicPrefix);
  const events = [...generateProvince({ seed: 21, people: 40 }).events, orphanGrant];
  const env = { KAFKA_BROKERS: stackEndpoints().kafkaBrokers, REDIS_URL: stackEndpoints().redisUrl, KAFKA_TOPIC_PREFIX: topicPrefix, REDIS_KEY_PREFIX: keyPrefix, CONSOLIDATOR_GROUP_ID: groupId };
  let consolidator: ServiceProcess | undefined;
  const startedAt = Date.now();

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, hubTopicSpecs({ prefix: topicPrefix, partitions: 3 }));
    await admin.disconnect();
    const byTopic = new Map<string, Message[]>();
    for (const event of events) {
      const topic = topics.registry[event.source.split(':')[3] as keyof typeof topics.registry];
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), encodeKafkaMessage(event)]);
    }
    // One message the consolidator cannot decode: it must end as an enterprise dead letter.
    byTopic.set(topics.registry.enterprise, [...(byTopic.get(topics.registry.enterprise) ?? []), { key: 'garbage', value: 'not a cloudevent' }]);
    const producer = createProducer({ kafka, logger: quietLogger() });
    await producer.publishBatch([...byTopic].map(([topic, messages]) => ({ topic, messages })));
    await producer.disconnect();
  });

  afterAll(async () => {
    await consolidator?.stop();
  });

  it('counts every produced message as lag while no consumer has read them', async () => {
    const run = await runCli(['lag', '--json'], env);
    expect(run.code).toBe(0);
    const lag = run.json<LagJson>();
    expect(lag.group).toBe(groupId);
    expect(lag.total).toBe(events.length + 1);
    expect(lag.partitions).toHaveLength(4 * 3);
    expect(lag.partitions.every((entry) => entry.committed === null && entry.lag === Number(entry.end))).toBe(true);

    const text = await runCli(['lag'], env);
    expect(text.stdout).toContain(`group ${groupId}: total lag ${(events.length + 1).toLocaleString('en')}`);
  });

  it('shows lag 0 and the record count once the consolidator has caught up', async () => {
    consolidator = await startServiceProcess(CONSOLIDATOR_ENTRY, { ...env, CONSOLIDATOR_SESSION_TIMEOUT_MS: '6000' }, 'consolidating');
    const lag = await eventually(async () => {
      const run = await runCli(['lag', '--json'], env);
      const report = run.json<LagJson>();
      return report.total === 0 ? report : undefined;
    }, { timeoutMs: 60_000, intervalMs: 500 });
    expect(lag.partitions.every((entry) => entry.end === '0' || entry.committed === entry.end)).toBe(true);

    const expected = expectedFigures(events);
    const run = await runCli(['status', '--json'], { ...env, HUB_HOST: '127.0.0.1', CONSOLIDATOR_URL: 'http://127.0.0.1:1' });
    expect(run.code).toBe(0);
    const status = run.json<{
      services: Array<{ name: string; health: string; ready: string }>;
      topics: Array<{ topic: string; exists: boolean; partitions: Array<{ partition: number; high: string }>; messages: number }>;
      lag: LagJson;
      records: { generation: string; count: number; countedBy: string };
    }>();
    expect(status.services.map((service) => service.name)).toEqual(['consolidator', 'citizen-api', 'adapter-land', 'adapter-enterprise', 'adapter-household', 'adapter-judicial', 'console']);
    expect(status.services[0]).toMatchObject({ name: 'consolidator', health: 'down', ready: 'down' });
    expect(status.records).toEqual({ generation: '1', count: expected.records, countedBy: 'counters' });
    expect(status.lag.total).toBe(0);
    expect(status.topics.map((topic) => topic.topic)).toEqual([...Object.values(topics.registry), topics.records, topics.deadLetter, topics.audit]);
    const registryMessages = status.topics.slice(0, 4).reduce((sum, topic) => sum + topic.messages, 0);
    expect(registryMessages).toBe(events.length + 1);
    expect(status.topics.find((topic) => topic.topic === topics.deadLetter)?.messages).toBe(1);
    expect(status.topics.every((topic) => topic.exists && topic.partitions.length === 3)).toBe(true);

    const text = await runCli(['status'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Records: ${expected.records.toLocaleString('en')} in generation 1`);
  });

  it('gives the quality figures of the known set from the counters the hub keeps, with what the land adapter accepted and refused', async () => {
    // Through a real land adapter: one batch accepted, and three requests refused for three reasons.
    const adapter = await startAdapterProcess(adapterEntry('land'), env);
    const landEvent = { ...orphanGrant, id: 'BD-CLI-000002', data: { ...(orphanGrant.data as object), certificateNo: 'CS654321' } } as HubEvent;
    try {
      const post = (body: string, headers: Record<string, string>) => fetch(`${adapter.url}/v1/events`, { method: 'POST', headers, body });
      const batch = { 'content-type': 'application/cloudevents-batch+json', authorization: 'Bearer dev-land-key' };
      expect((await post(JSON.stringify([landEvent]), batch)).status).toBe(202);
      expect((await post(JSON.stringify([{ ...landEvent, time: 'yesterday' }]), batch)).status).toBe(422);
      expect((await post(JSON.stringify([landEvent]), { 'content-type': 'application/cloudevents-batch+json' })).status).toBe(401);
      expect((await post('<xml/>', { 'content-type': 'application/xml', authorization: 'Bearer dev-land-key' })).status).toBe(415);
    } finally {
      await adapter.kill('SIGTERM');
    }
    const all = [...events, landEvent];
    const expected = expectedFigures(all);
    expect(expected.byCode.NO_CIVIL_RECORD).toBeGreaterThanOrEqual(1);
    type Quality = {
      generation: string;
      computedBy: string;
      records: number;
      clean: { recordsWithIssues: number; byCode: Record<string, number> };
      complete: Record<string, { records: number; share: number }>;
      registries: Array<{ registry: string; eventsInLog: number; accepted: number; rejected: Record<string, number>; rejectedTotal: number; deadLettered: number; newestEventAt: string | null; newestEventAgeSeconds: number | null; lag: number }>;
    };
    const quality = await eventually(async () => {
      const run = await runCli(['quality', '--json'], env);
      expect(run.code).toBe(0);
      const report = run.json<Quality>();
      // The adapter counts as it answers, without holding the answer up: the counts may trail it a moment.
      const land = report.registries.find((entry) => entry.registry === 'land');
      return report.records === expected.records && report.registries.every((entry) => entry.lag === 0) && land?.accepted === 1 && land.rejectedTotal === 3 ? report : undefined;
    }, { timeoutMs: 30_000, intervalMs: 500 });
    expect(quality).toMatchObject({ generation: '1', computedBy: 'counters', records: expected.records, clean: { recordsWithIssues: expected.withIssues, byCode: expected.byCode } });
    for (const section of SECTIONS) {
      expect(quality.complete[section]).toEqual({ records: expected.present[section], share: expected.present[section]! / expected.records });
    }
    const byRegistry = new Map(quality.registries.map((entry) => [entry.registry, entry]));
    expect(byRegistry.get('land')).toMatchObject({ accepted: 1, rejected: { EVENTS_INVALID: 1, UNAUTHORIZED: 1, UNSUPPORTED_MEDIA_TYPE: 1 }, rejectedTotal: 3, deadLettered: 0 });
    expect(Date.parse(byRegistry.get('land')!.newestEventAt!)).toBeGreaterThanOrEqual(startedAt - 1_000);
    expect(byRegistry.get('land')!.newestEventAgeSeconds).toBeLessThan(300);
    // The others were written to their topics directly, not through an adapter: in the log, never accepted.
    expect(byRegistry.get('household')).toMatchObject({ accepted: 0, rejectedTotal: 0, newestEventAt: null });
    expect(byRegistry.get('enterprise')?.deadLettered).toBe(1);
    expect(quality.registries.reduce((sum, entry) => sum + entry.eventsInLog, 0)).toBe(all.length + 1);

    // The same figures on the consolidator's /metrics, for Prometheus.
    const metrics = await (await fetch(`${consolidator!.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^lgsp_records\\{[^}]*\\} ${expected.records}$`, 'm'));
    expect(metrics).toMatch(new RegExp(`^lgsp_records_with_issue\\{code="NO_CIVIL_RECORD"[^}]*\\} ${expected.byCode.NO_CIVIL_RECORD}$`, 'm'));
    expect(metrics).toMatch(new RegExp(`^lgsp_records_with_section\\{section="identity"[^}]*\\} ${expected.present.identity}$`, 'm'));
    expect(metrics).toMatch(/^lgsp_registry_requests_rejected\{registry="land",reason="EVENTS_INVALID"[^}]*\} 1$/m);
    expect(metrics).toMatch(/^lgsp_registry_dead_letters\{registry="enterprise"[^}]*\} 1$/m);
    expect(metrics).toMatch(/^lgsp_registry_consumer_lag\{registry="land"[^}]*\} 0$/m);

    const text = await runCli(['quality'], env);
    expect(text.stdout).toContain('NO_CIVIL_RECORD');
    expect(text.stdout).toMatch(/land +\d+ +1 +(EVENTS_INVALID|UNAUTHORIZED|UNSUPPORTED_MEDIA_TYPE) 1/);
  });
});
