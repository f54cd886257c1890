// lgsp replay on a hub whose serving store is a three-node Redis Cluster: the control keys share one slot,
// each person's keys and figure counters another, and the old generation's keys are found on every master.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNativeRedisCluster, type NativeRedisCluster } from '@lgsp/infra';
import { fetchLag } from '@lgsp/kafka';
import { currentGeneration, generationKeyPattern, issueMembers, readRecordCounters, scanKeyPages } from '@lgsp/record-store';
import { closeRedis, createRedis, type RedisClient } from '@lgsp/redis';
import {
  CONSOLIDATOR_ENTRY,
  eventually,
  generateProvince,
  pushThroughAdapters,
  quietLogger,
  startHub,
  startServiceProcess,
  storedRecords,
  testKafka,
  uniqueId,
  uniqueKeyPrefix,
  type HubUnderTest,
  type ServiceProcess,
} from '@lgsp/testkit';
import { runCli } from './cli-process.ts';

describe('lgsp replay on a Redis Cluster', () => {
  const kafka = testKafka();
  const events = generateProvince({ seed: 61, people: 250 }).events;
  let clusterDir: string;
  let cluster: NativeRedisCluster;
  let redis: RedisClient;
  let hub: HubUnderTest;
  let control: ServiceProcess;
  const controlPrefix = uniqueKeyPrefix();
  const controlGroup = uniqueId('control');

  beforeAll(async () => {
    clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgsp-replay-cluster-'));
    cluster = await startNativeRedisCluster({ dataDir: clusterDir });
    redis = createRedis({ url: 'redis://unused', clusterNodes: cluster.nodes, logger: quietLogger() });
    hub = await startHub({ services: ['consolidator', 'adapter-land', 'adapter-enterprise', 'adapter-household', 'adapter-judicial'], env: { REDIS_CLUSTER_NODES: cluster.nodes } });
    control = await startServiceProcess(CONSOLIDATOR_ENTRY, { ...hub.env, REDIS_KEY_PREFIX: controlPrefix, CONSOLIDATOR_GROUP_ID: controlGroup, CONSOLIDATOR_SESSION_TIMEOUT_MS: '6000' }, 'consolidating');
    await pushThroughAdapters(hub, events);
  }, 180_000);

  afterAll(async () => {
    await hub?.stop();
    await control?.stop();
    await closeRedis(redis);
    await cluster?.stop();
    fs.rmSync(clusterDir, { recursive: true, force: true });
  }, 60_000);

  it('switches to a rebuilt generation equal to one built without replay, and drops the old one from every node', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const topics = Object.values(hub.names.registry);
    const caughtUp = async (): Promise<void> => {
      await eventually(async () => ((await fetchLag(admin, hub.groupId, topics)).total === 0 && (await fetchLag(admin, controlGroup, topics)).total === 0 ? true : undefined), { timeoutMs: 120_000, intervalMs: 250 });
    };
    await caughtUp();
    const replay = await runCli(['replay', '--json'], hub.env, 240_000);
    expect(replay.code, replay.stderr).toBe(0);
    expect(await currentGeneration(redis, hub.keyPrefix)).toBe('2');
    await caughtUp();
    await admin.disconnect();

    const rebuilt = await storedRecords(redis, { prefix: hub.keyPrefix, generation: '2' });
    const built = await storedRecords(redis, { prefix: controlPrefix, generation: '1' });
    expect(rebuilt.size).toBeGreaterThan(200);
    expect([...built].filter(([id, bytes]) => rebuilt.get(id) !== bytes).map(([id]) => id)).toEqual([]);
    expect(rebuilt.size).toBe(built.size);
    expect(await readRecordCounters(redis, { prefix: hub.keyPrefix, generation: '2' })).toEqual(await readRecordCounters(redis, { prefix: controlPrefix, generation: '1' }));
    const civil = await issueMembers(redis, { prefix: hub.keyPrefix, generation: '2' }, 'ID_BIRTH_MISMATCH', { limit: 1_000 });
    const civilControl = await issueMembers(redis, { prefix: controlPrefix, generation: '1' }, 'ID_BIRTH_MISMATCH', { limit: 1_000 });
    expect(civil.personalIds.sort()).toEqual(civilControl.personalIds.sort());
    let left = 0;
    for await (const keys of scanKeyPages(redis, generationKeyPattern({ prefix: hub.keyPrefix, generation: '1' }))) left += keys.length;
    expect(left).toBe(0);
  }, 300_000);
});
