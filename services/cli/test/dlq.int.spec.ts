// Dead letters end to end: letters in the dead-letter topic, listed by the CLI process, re-driven through a
// real land adapter process (its validation, mapping and publishing) into the land topic, marked so that a
// second re-drive sends nothing, while a letter the adapter still refuses stays with the reason.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTopics, decodeCollected, startAdapterProcess, type AdapterProcess, type TopicCollector } from '@lgsp/adapter-kit/testing';
import { encodeKafkaMessage, type HubEvent } from '@lgsp/contract';
import { createProducer, deadLetterMessage, ensureTopics, headersAsStrings, hubTopicSpecs, originalPayload, topicNames, type Admin, type DeadLetter } from '@lgsp/kafka';
import { quietLogger, stackEndpoints, testKafka, uniqueId, uniqueKeyPrefix, uniqueTopicPrefix } from '@lgsp/testkit';
import { runCli } from './cli-process.ts';
import { adapterEntry } from './hub-processes.ts';

const landFixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'adapter-land', 'test', 'fixtures');
const readJson = <T,>(file: string): T => JSON.parse(fs.readFileSync(path.join(landFixtures, file), 'utf8')) as T;
const grant = readJson<{ record: Record<string, unknown>; events: HubEvent[] }>('changes/cap-moi.json');
const [unmappable] = readJson<Array<{ record: Record<string, unknown> }>>('unmappable/cases.json');

interface ListJson {
  topic: string;
  total: number;
  matching: number;
  shown: number;
  letters: Array<{ id: string; stage: string; reason: string; source: string; time: string; registry: string | null; redriven: boolean; at: { partition: number; offset: string } }>;
}
interface RedriveJson {
  counts: Record<string, number>;
  letters: Array<{ id: string; registry: string | null; outcome: string; reason?: string }>;
}

async function landEnd(admin: Admin, topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((sum, { high }) => sum + Number(high), 0);
}

describe('lgsp dlq list and redrive', () => {
  const kafka = testKafka();
  const topicPrefix = uniqueTopicPrefix();
  const topics = topicNames(topicPrefix);
  const env = { KAFKA_BROKERS: stackEndpoints().kafkaBrokers, REDIS_URL: stackEndpoints().redisUrl, KAFKA_TOPIC_PREFIX: topicPrefix, REDIS_KEY_PREFIX: uniqueKeyPrefix(), CONSOLIDATOR_GROUP_ID: uniqueId('g') };
  // A pull-mode letter whose native record is valid (the mapping has been fixed since), one that is still
  // unmappable, and a consolidator letter whose CloudEvent was keyed wrongly (binary mode, ce_ headers).
  const fixedId = `adapter-land:feed:${uniqueId('cursor')}:0`;
  const stillBadId = `adapter-land:feed:${uniqueId('cursor')}:1`;
  const consolidatorId = `${topics.registry.land}:0:${Date.now()}`;
  const event = { ...grant.events[0]!, id: uniqueId('BD') } as HubEvent;
  const encoded = encodeKafkaMessage(event);
  const letters: DeadLetter[] = [
    { id: fixedId, stage: 'adapter-land', reason: 'the native record cannot be mapped: /loaiBienDong unknown', source: 'http://feed.example/changes', time: '2025-07-01T01:00:00.000Z', original: originalPayload(JSON.stringify(grant.record)) },
    { id: stillBadId, stage: 'adapter-land', reason: 'the native record cannot be mapped: /loaiBienDong unknown', source: 'http://feed.example/changes', time: '2025-07-01T02:00:00.000Z', original: originalPayload(JSON.stringify(unmappable!.record)) },
    {
      id: consolidatorId,
      stage: 'consolidator',
      reason: 'message key "wrong" is not the event\'s subject',
      source: topics.registry.land,
      time: '2025-07-01T03:00:00.000Z',
      original: originalPayload(encoded.value as string, headersAsStrings(encoded.headers as Record<string, unknown>)),
      origin: { topic: topics.registry.land, partition: 0, offset: '7' },
    },
  ];
  let adapter: AdapterProcess;
  let admin: Admin;
  let collector: TopicCollector;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, hubTopicSpecs({ prefix: topicPrefix, partitions: 2 }));
    const producer = createProducer({ kafka, logger: quietLogger() });
    // Written out of time order on purpose: the list orders by the letters' time.
    await producer.publish(topics.deadLetter, [letters[2]!, letters[0]!, letters[1]!].map(deadLetterMessage));
    await producer.disconnect();
    collector = await collectTopics(kafka, [topics.registry.land]);
    adapter = await startAdapterProcess(adapterEntry('land'), { KAFKA_BROKERS: env.KAFKA_BROKERS, REDIS_URL: env.REDIS_URL, KAFKA_TOPIC_PREFIX: topicPrefix, REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX });
  }, 60_000);

  afterAll(async () => {
    await adapter?.kill('SIGKILL');
    await collector?.stop();
    await admin?.disconnect();
  });

  it('lists the letters with id, stage, reason, source and time, newest last', async () => {
    const run = await runCli(['dlq', 'list', '--json'], env);
    expect(run.code).toBe(0);
    const list = run.json<ListJson>();
    expect(list).toMatchObject({ topic: topics.deadLetter, total: 3, matching: 3, shown: 3 });
    expect(list.letters.map((letter) => letter.id)).toEqual([fixedId, stillBadId, consolidatorId]);
    expect(list.letters[2]).toMatchObject({ stage: 'consolidator', source: topics.registry.land, time: '2025-07-01T03:00:00.000Z', registry: 'land', redriven: false });

    const limited = (await runCli(['dlq', 'list', '--json', '--limit', '1', '--stage', 'adapter-land'], env)).json<ListJson>();
    expect(limited).toMatchObject({ total: 3, matching: 2, shown: 1 });
    expect(limited.letters.map((letter) => letter.id)).toEqual([stillBadId]);

    const text = await runCli(['dlq', 'list'], env);
    expect(text.stdout.split('\n')[0]).toMatch(/^time\s+id\s+stage\s+source\s+redriven\s+reason$/);
    expect(text.stdout).toContain('3 of 3 dead letters');
  });

  it('re-drives a fixed letter through the adapter into the land topic, and never twice', async () => {
    const before = await landEnd(admin, topics.registry.land);
    const first = await runCli(['dlq', 'redrive', '--json', '--id', fixedId, '--adapter-url-land', adapter.url], env);
    expect(first.code).toBe(0);
    expect(first.json<RedriveJson>().letters).toEqual([{ id: fixedId, registry: 'land', outcome: 'redriven' }]);
    expect(await landEnd(admin, topics.registry.land)).toBe(before + 1);
    const published = (await collector.all(topics.registry.land)).map(decodeCollected);
    // The adapter mapped the native record again and published its event, stamped as just accepted.
    expect(published).toEqual([expect.objectContaining({ id: grant.record.maBienDong, type: 'vn.lgsp.land.right-granted.v1', subject: '001203012345', lgspagency: expect.any(String) })]);

    const second = await runCli(['dlq', 'redrive', '--json', '--id', fixedId, '--adapter-url-land', adapter.url], env);
    expect(second.code).toBe(0);
    expect(second.json<RedriveJson>().letters).toEqual([{ id: fixedId, registry: 'land', outcome: 'already-redriven', reason: expect.any(String) }]);
    expect(await landEnd(admin, topics.registry.land)).toBe(before + 1);

    const listed = (await runCli(['dlq', 'list', '--json'], env)).json<ListJson>();
    expect(listed.letters.find((letter) => letter.id === fixedId)?.redriven).toBe(true);
  });

  it('re-drives the rest with --all: a CloudEvent letter goes through, a still unmappable one stays with the reason', async () => {
    const before = await landEnd(admin, topics.registry.land);
    const run = await runCli(['dlq', 'redrive', '--all', '--json'], { ...env, ADAPTER_LAND_URL: adapter.url });
    expect(run.code).toBe(1);
    const result = run.json<RedriveJson>();
    expect(result.counts).toMatchObject({ redriven: 1, 'already-redriven': 1, rejected: 1 });
    const byId = new Map(result.letters.map((letter) => [letter.id, letter]));
    expect(byId.get(consolidatorId)?.outcome).toBe('redriven');
    expect(byId.get(stillBadId)).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/adapter-land answered 422 .*loaiBienDong/) });
    expect(await landEnd(admin, topics.registry.land)).toBe(before + 1);
    expect((await collector.all(topics.registry.land)).map(decodeCollected).map((published) => String(published.id)).sort()).toEqual([String(grant.record.maBienDong), event.id].sort());

    const again = await runCli(['dlq', 'redrive', '--all'], { ...env, ADAPTER_LAND_URL: adapter.url });
    expect(again.code).toBe(1);
    expect(again.stdout.trimEnd().split('\n').at(-1)).toBe('2 already-redriven, 1 rejected');
    expect(await landEnd(admin, topics.registry.land)).toBe(before + 1);
  });

  it('reports an unreachable adapter with exit 69 and marks nothing', async () => {
    const run = await runCli(['dlq', 'redrive', '--json', '--id', stillBadId, '--adapter-url-land', 'http://127.0.0.1:1'], env);
    expect(run.code).toBe(69);
    expect(run.json<RedriveJson>().letters[0]).toMatchObject({ outcome: 'unavailable', reason: expect.stringContaining('cannot be reached') });
    const listed = (await runCli(['dlq', 'list', '--json'], env)).json<ListJson>();
    expect(listed.letters.find((letter) => letter.id === stillBadId)?.redriven).toBe(false);
  });

  it('shows a running adapter as up and ready in lgsp status', async () => {
    const run = await runCli(['status', '--json'], { ...env, ADAPTER_LAND_URL: adapter.url });
    expect(run.code).toBe(0);
    const status = run.json<{ services: Array<{ name: string; url: string; health: string; ready: string }> }>();
    expect(status.services.find((service) => service.name === 'adapter-land')).toEqual({ name: 'adapter-land', url: adapter.url, health: 'up', ready: 'up' });
  });
});
