// Guarantees 2–5 on real Kafka and Redis: 20,000 generated events, with duplicates and out-of-order
// deliveries, consumed while the consolidator is SIGKILLed at random moments and restarted. The records
// must equal, byte for byte, a reference fold of the same events by the merge core — including every
// `version` — and a rebuild into an empty keyspace must equal the live records. Run against a single
// Redis and against a three-node Redis Cluster.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, encodeKafkaMessage, type HubEvent } from '@lgsp/contract';
import { startNativeRedisCluster, type NativeRedisCluster } from '@lgsp/infra';
import { createProducer, ensureTopics, hubTopicSpecs, topicNames, type Kafka } from '@lgsp/kafka';
import { readRecordCounters } from '@lgsp/record-store';
import { closeRedis, createRedis, type RedisClient } from '@lgsp/redis';
import { deliveryPlan, generateProvince, groupCaughtUp, issueIndexes, quietLogger, referenceRecords, scannedRecordCounters, stackEndpoints, storedRecords, testKafka, uniqueId, uniqueKeyPrefix, uniqueTopicPrefix } from '@lgsp/testkit';
import { startConsolidator, type RunningConsolidator } from './consolidator-process.ts';

const TARGET_EVENTS = 20_000;
const KILLS = 6;

/** Waits for the group to reach the end of the topics; fails at once, with what it wrote, if the consolidator stops. */
async function waitCaughtUp(kafka: Kafka, groupId: string, topics: string[], consolidator: RunningConsolidator, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await groupCaughtUp(kafka, groupId, topics))) {
    const tail = (): string => consolidator.output().split('\n').slice(-40).join('\n');
    if (consolidator.child.exitCode !== null) throw new Error(`the consolidator of ${groupId} exited (${consolidator.child.exitCode}) before catching up:\n${tail()}`);
    if (Date.now() > deadline) throw new Error(`group ${groupId} did not catch up within ${timeoutMs} ms; the consolidator wrote last:\n${tail()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function describeDifferences(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [id, bytes] of expected) {
    if (!actual.has(id)) problems.push(`${id}: missing`);
    else if (actual.get(id) !== bytes) problems.push(`${id}: differs\n  expected ${bytes}\n  actual   ${actual.get(id)}`);
  }
  for (const id of actual.keys()) if (!expected.has(id)) problems.push(`${id}: not expected`);
  return problems;
}

interface StoreUnderTest {
  name: string;
  env: () => Record<string, string>;
  client: () => RedisClient;
  setUp?: () => Promise<void>;
  tearDown?: () => Promise<void>;
}

let cluster: NativeRedisCluster | undefined;
let clusterDir: string | undefined;
const stores: StoreUnderTest[] = [
  {
    name: 'a single Redis',
    env: () => ({ REDIS_URL: stackEndpoints().redisUrl }),
    client: () => createRedis({ url: stackEndpoints().redisUrl, logger: quietLogger() }),
  },
  {
    name: 'a three-node Redis Cluster',
    setUp: async () => {
      clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgsp-redis-cluster-'));
      cluster = await startNativeRedisCluster({ dataDir: clusterDir });
    },
    tearDown: async () => {
      await cluster?.stop();
      if (clusterDir) fs.rmSync(clusterDir, { recursive: true, force: true });
    },
    env: () => ({ REDIS_CLUSTER_NODES: cluster!.nodes }),
    client: () => createRedis({ url: 'redis://unused', clusterNodes: cluster!.nodes, logger: quietLogger() }),
  },
];

describe.each(stores)('the consolidator on $name', (store) => {
  const kafka = testKafka();
  const topicPrefix = uniqueTopicPrefix();
  const names = topicNames(topicPrefix);
  const registryTopics = Object.values(names.registry);
  const keyPrefix = uniqueKeyPrefix();
  const groupId = uniqueId('consolidator');
  let redis: RedisClient;
  let delivered: HubEvent[] = [];
  const running: RunningConsolidator[] = [];

  const start = (env: Record<string, string> = {}): RunningConsolidator => {
    const consolidator = startConsolidator({
      KAFKA_BROKERS: stackEndpoints().kafkaBrokers,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      REDIS_KEY_PREFIX: keyPrefix,
      CONSOLIDATOR_GROUP_ID: groupId,
      CONSOLIDATOR_CHUNK_SIZE: '250',
      ...store.env(),
      ...env,
    });
    running.push(consolidator);
    return consolidator;
  };

  beforeAll(async () => {
    await store.setUp?.();
    redis = store.client();
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, hubTopicSpecs({ prefix: topicPrefix, partitions: 6 }));
    await admin.disconnect();
    let people = 7_000;
    let province = generateProvince({ seed: 7, people });
    while (province.events.length < TARGET_EVENTS / 1.05) province = generateProvince({ seed: 7, people: (people += 500) });
    delivered = deliveryPlan(province.events, 11);
  }, 120_000);

  afterAll(async () => {
    for (const consolidator of running) consolidator.child.kill('SIGKILL');
    await Promise.all(running.map((consolidator) => consolidator.exited));
    await closeRedis(redis);
    await store.tearDown?.();
  }, 60_000);

  it(`applies ${TARGET_EVENTS.toLocaleString('en')} events exactly once through ${KILLS} SIGKILLs, equal to the reference fold`, async () => {
    expect(delivered.length).toBeGreaterThanOrEqual(TARGET_EVENTS);
    const producer = createProducer({ kafka, logger: quietLogger() });
    const random = createRandom(5);
    const waves = KILLS + 1;
    const waveSize = Math.ceil(delivered.length / waves);
    let consolidator = start();
    await consolidator.started;
    for (let wave = 0; wave < waves; wave += 1) {
      const events = delivered.slice(wave * waveSize, (wave + 1) * waveSize);
      for (let at = 0; at < events.length; at += 500) {
        const slice = events.slice(at, at + 500);
        const byTopic = new Map<string, ReturnType<typeof encodeKafkaMessage>[]>();
        for (const event of slice) {
          const topic = names.registry[event.source.split(':')[3] as keyof typeof names.registry];
          byTopic.set(topic, [...(byTopic.get(topic) ?? []), encodeKafkaMessage(event)]);
        }
        await producer.publishBatch([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      }
      if (wave === waves - 1) break;
      // Kill at a random instant while it works through the wave.
      await new Promise((r) => setTimeout(r, random.int(150, 1200)));
      consolidator.child.kill('SIGKILL');
      await consolidator.exited;
      consolidator = start();
      await consolidator.started;
    }
    await producer.disconnect();
    await waitCaughtUp(kafka, groupId, registryTopics, consolidator);
    consolidator.child.kill('SIGTERM');
    expect(await consolidator.exited).toBe(0);

    const expected = referenceRecords(delivered);
    const keyspace = { prefix: keyPrefix, generation: '1' };
    const actual = await storedRecords(redis, keyspace);
    expect(describeDifferences(expected, actual).slice(0, 5)).toEqual([]);
    expect(actual.size).toBe(expected.size);
    // The figures kept incrementally, through the same kills, equal a count over every stored record.
    const counters = await readRecordCounters(redis, keyspace);
    expect(counters).toEqual(await scannedRecordCounters(redis, keyspace));
    expect(counters.records).toBe(expected.size);
    // And the index of the records behind each quality issue code holds exactly those records.
    const { scanned, indexed } = await issueIndexes(redis, keyspace);
    expect(indexed).toEqual(scanned);
    expect(Object.values(indexed).some((ids) => ids.length > 0)).toBe(true);
  }, 600_000);

  it('rebuilds into an empty keyspace records byte-identical to the live ones', async () => {
    const rebuildPrefix = uniqueKeyPrefix();
    const rebuildGroup = uniqueId('rebuild');
    const rebuild = start({ REDIS_KEY_PREFIX: rebuildPrefix, CONSOLIDATOR_GROUP_ID: rebuildGroup, CONSOLIDATOR_CHUNK_SIZE: '2000' });
    await rebuild.started;
    await waitCaughtUp(kafka, rebuildGroup, registryTopics, rebuild);
    rebuild.child.kill('SIGTERM');
    await rebuild.exited;
    const live = await storedRecords(redis, { prefix: keyPrefix, generation: '1' });
    const rebuilt = await storedRecords(redis, { prefix: rebuildPrefix, generation: '1' });
    expect(live.size).toBeGreaterThan(0);
    expect(describeDifferences(live, rebuilt).slice(0, 5)).toEqual([]);
    expect(await readRecordCounters(redis, { prefix: rebuildPrefix, generation: '1' })).toEqual(await readRecordCounters(redis, { prefix: keyPrefix, generation: '1' }));
  }, 300_000);
});
