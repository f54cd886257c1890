// lgsp replay on a whole hub (four adapters, the consolidator, the citizen API as real processes) while
// events keep arriving through the adapters and a reader keeps reading: the switch must never fail a read
// nor lose a record, and afterwards every record must equal, byte for byte, the one a second consolidator
// built live beside it without any replay. Then an interrupted replay, and replays of one registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '@lgsp/contract';
import { fetchLag, type Admin } from '@lgsp/kafka';
import {
  controlKey,
  currentGeneration,
  generationKeyPattern,
  liveInstances,
  readRecordCounters,
  readReplayLease,
  reportInstance,
  scanKeyPages,
  type Keyspace,
} from '@lgsp/record-store';
import { closeRedis, type RedisClient } from '@lgsp/redis';
import {
  CONSOLIDATOR_ENTRY,
  deliveryPlan,
  eventually,
  generateProvince,
  pushThroughAdapters,
  startHub,
  startServiceProcess,
  storedRecords,
  testKafka,
  testRedis,
  uniqueId,
  uniqueKeyPrefix,
  type HubUnderTest,
  type ServiceProcess,
} from '@lgsp/testkit';
import { runCli, spawnCli } from './cli-process.ts';

const READER_KEY = 'dev-citizen-portal-key';

interface ReplayJson {
  generation: string;
  replaced: string;
  registry: string | null;
  events: number;
  handover: { writersPaused: number; pausedMs: number; attempts: number };
  dropped: { generation: string; keys: number } | null;
  leftoversDropped: Array<{ generation: string; keys: number }>;
}

/**
 * Reads known records over and over through the citizen API, as a portal would (about 40 a second, well
 * inside its key's rate limit); every answer must be a 200 with the record.
 */
function startReader(url: () => string, ids: readonly string[]) {
  let running = true;
  const failures: string[] = [];
  let reads = 0;
  const loop = (async () => {
    for (let index = 0; running; index += 1) {
      const id = ids[index % ids.length]!;
      try {
        const response = await fetch(`${url()}/v1/citizens/${id}?purpose=data-subject-access`, { headers: { authorization: `Bearer ${READER_KEY}` } });
        const body = (await response.json()) as { personalId?: string };
        if (response.status !== 200 || body.personalId !== id) failures.push(`${id}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      } catch (error) {
        failures.push(`${id}: ${(error as Error).message}`);
      }
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { reads, failures };
    },
  };
}

async function generationKeys(redis: RedisClient, keyspace: Keyspace): Promise<number> {
  let count = 0;
  for await (const keys of scanKeyPages(redis, generationKeyPattern(keyspace))) count += keys.length;
  return count;
}

function differences(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [id, bytes] of expected) {
    if (!actual.has(id)) problems.push(`${id}: missing`);
    else if (actual.get(id) !== bytes) problems.push(`${id}: differs\n  expected ${bytes}\n  actual   ${actual.get(id)}`);
  }
  for (const id of actual.keys()) if (!expected.has(id)) problems.push(`${id}: not expected`);
  return problems;
}

describe('lgsp replay on a running hub', () => {
  const kafka = testKafka();
  const province = generateProvince({ seed: 31, people: 500 });
  const delivered: HubEvent[] = deliveryPlan(province.events, 17);
  const half = Math.floor(delivered.length / 2);
  const controlPrefix = uniqueKeyPrefix();
  const controlGroup = uniqueId('control');
  let hub: HubUnderTest;
  let control: ServiceProcess;
  let redis: RedisClient;
  let admin: Admin;
  let pushed = 0;
  const visible = [...new Set(delivered.slice(0, half).map((event) => event.subject).filter((subject) => /^\d{12}$/.test(subject)))];

  const caughtUp = async (): Promise<void> => {
    await eventually(
      async () => {
        const topics = Object.values(hub.names.registry);
        const [live, built] = await Promise.all([fetchLag(admin, hub.groupId, topics), fetchLag(admin, controlGroup, topics)]);
        if (live.total === 0 && built.total === 0) return true;
        throw new Error(`lag: live ${live.total}, control ${built.total}\n${hub.service('consolidator').output().slice(-1500)}\n${control.output().slice(-1500)}`);
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
  };

  /** The hub's current generation against the control built without replay: records, histories and figures. */
  const expectEqualToControl = async (): Promise<void> => {
    await caughtUp();
    const generation = await currentGeneration(redis, hub.keyPrefix);
    const rebuilt = await storedRecords(redis, { prefix: hub.keyPrefix, generation });
    const built = await storedRecords(redis, { prefix: controlPrefix, generation: '1' });
    expect(built.size).toBe(new Set(delivered.slice(0, pushed).map((event) => event.subject).filter((subject) => /^\d{12}$/.test(subject))).size);
    expect(differences(built, rebuilt).slice(0, 3)).toEqual([]);
    expect(await readRecordCounters(redis, { prefix: hub.keyPrefix, generation })).toEqual(await readRecordCounters(redis, { prefix: controlPrefix, generation: '1' }));
  };

  beforeAll(async () => {
    redis = testRedis();
    admin = kafka.admin();
    await admin.connect();
    hub = await startHub();
    control = await startServiceProcess(CONSOLIDATOR_ENTRY, { ...hub.env, REDIS_KEY_PREFIX: controlPrefix, CONSOLIDATOR_GROUP_ID: controlGroup, CONSOLIDATOR_SESSION_TIMEOUT_MS: '6000' }, 'consolidating');
    await pushThroughAdapters(hub, delivered.slice(0, half));
    pushed = half;
    await caughtUp();
  }, 180_000);

  afterAll(async () => {
    await hub?.stop();
    await control?.stop();
    await admin?.disconnect();
    await closeRedis(redis);
  }, 60_000);

  it('rebuilds under live traffic and switches with no failed read, into records equal to those built without replay', async () => {
    const reader = startReader(() => hub.url('citizen-api'), visible);
    // The rest of the province keeps arriving through the adapters, about 200 events a second, while the replay runs.
    let replaying = true;
    let pushedWhileReplaying = 0;
    const traffic = (async () => {
      for (let at = half; at < delivered.length; at += 12) {
        const { acknowledged } = await pushThroughAdapters(hub, delivered.slice(at, at + 12));
        if (replaying) pushedWhileReplaying += acknowledged;
        pushed = Math.min(delivered.length, at + 12);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const replay = await runCli(['replay', '--json'], { ...hub.env, REPLAY_HANDOVER_LAG: '100' }, 240_000);
    replaying = false;
    await traffic;
    const { reads, failures } = await reader.stop();

    expect(replay.code, replay.stderr).toBe(0);
    const report = replay.json<ReplayJson>();
    expect(report).toMatchObject({ generation: '2', replaced: '1', registry: null, dropped: { generation: '1' } });
    expect(report.handover.writersPaused).toBe(1);
    expect(report.events).toBeGreaterThanOrEqual(half);
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(50);
    expect(pushedWhileReplaying).toBeGreaterThan(100);
    expect(await currentGeneration(redis, hub.keyPrefix)).toBe('2');
    expect(await generationKeys(redis, { prefix: hub.keyPrefix, generation: '1' })).toBe(0);
    expect(await readReplayLease(redis, hub.keyPrefix)).toBeUndefined();
    expect(pushed).toBe(delivered.length);
    await expectEqualToControl();
  }, 300_000);

  it('killed in the middle of its handover, leaves the old generation serving and writing; the next replay drops its leftovers and succeeds', async () => {
    const before = await currentGeneration(redis, hub.keyPrefix);
    // A second consolidator that never pauses holds the handover open, so the kill lands inside it.
    const stuck = { id: 'consolidator:test:stuck', role: 'consolidator' as const, generation: before };
    await reportInstance(redis, hub.keyPrefix, stuck);
    const keepStuck = setInterval(() => void reportInstance(redis, hub.keyPrefix, stuck), 1_000);
    const reader = startReader(() => hub.url('citizen-api'), visible);
    const replay = spawnCli(['replay'], { ...hub.env, REPLAY_HANDOVER_TIMEOUT_MS: '60000' });
    try {
      const lease = await eventually(async () => {
        const current = await readReplayLease(redis, hub.keyPrefix);
        return current?.phase === 'handover' ? current : undefined;
      }, { timeoutMs: 120_000, intervalMs: 100 });
      // The live consolidator has paused its writes for the handover …
      await eventually(async () => ((await liveInstances(redis, hub.keyPrefix)).some((instance) => instance.id !== stuck.id && instance.pausedFor === lease.generation) ? true : undefined));
      replay.child.kill('SIGKILL');
      await replay.exited;
    } finally {
      clearInterval(keepStuck);
    }
    await redis.hdel(controlKey(hub.keyPrefix, 'instances'), stuck.id);

    // … and goes on once the dead replay's lease expires: a new change reaches the record.
    const fresh = province.events.find((event) => event.type === 'vn.lgsp.household.identity-corrected.v1')!;
    const correction = { ...fresh, id: uniqueId('HT'), time: '2030-01-01T00:00:00+07:00', data: { ...(fresh.data as object), fullName: 'Tên Mới Sau Khi Ngắt' } } as HubEvent;
    await pushThroughAdapters(hub, [correction]);
    delivered.push(correction);
    pushed = delivered.length;
    await eventually(
      async () => {
        const response = await fetch(`${hub.url('citizen-api')}/v1/citizens/${correction.subject}?purpose=data-subject-access`, { headers: { authorization: `Bearer ${READER_KEY}` } });
        const body = (await response.json()) as { identity?: { fullName?: string } };
        return body.identity?.fullName === 'Tên Mới Sau Khi Ngắt' ? true : undefined;
      },
      { timeoutMs: 40_000, intervalMs: 250 },
    );
    const { failures, reads } = await reader.stop();
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(20);
    expect(await currentGeneration(redis, hub.keyPrefix)).toBe(before);

    // The next replay, on the same host, sees the dead holder's pid is gone and need not wait for the lease.
    const again = await runCli(['replay', '--json'], hub.env, 240_000);
    expect(again.code, again.stderr).toBe(0);
    const report = again.json<ReplayJson>();
    expect(report.leftoversDropped.map((entry) => entry.generation)).toEqual([String(Number(before) + 1)]);
    expect(report.replaced).toBe(before);
    expect(await generationKeys(redis, { prefix: hub.keyPrefix, generation: String(Number(before) + 1) })).toBe(0);
    await expectEqualToControl();
  }, 300_000);

  it.each([
    ['enterprise', '1'],
    ['household', '2'],
  ] as const)("rebuilds the %s registry's share alone with %s process(es) into records equal to those built without replay", async (registry, workers) => {
    const replay = await runCli(['replay', '--registry', registry, '--workers', workers, '--json'], hub.env, 240_000);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.json<ReplayJson>().registry).toBe(registry);
    await expectEqualToControl();
  }, 300_000);
});
