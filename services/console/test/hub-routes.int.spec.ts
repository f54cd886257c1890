// The console's JSON endpoints on a real hub (consolidator, citizen API, land adapter as processes): the
// figures and their trends move with the events, the records behind a quality issue are listed, a dead
// letter is re-driven through the land adapter exactly once, and a record view is read from the citizen
// API as the operator — with its audit entry written before the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditLog } from '@lgsp/audit';
import { eventually, pushThroughAdapters, startHub, testKafka, type HubUnderTest } from '@lgsp/testkit';
import { logIn, request, CONSOLE_HEADER } from './console-process.ts';
import { consoleEnvOf, holdReplayLease, LETTER_PERSON_ID, ORPHAN_ID, publishDirectly, REPLAY_IN_PROGRESS, sampleProvince } from './sample-hub.ts';

interface Overview {
  records: number;
  generation: string;
  headline: { correct: { accepted: number; share: number | null }; clean: { share: number | null }; live: { lagTotal: number } };
  clean: { byCode: Record<string, number> };
  registries: Array<{ registry: string; accepted: number; eventsInLog: number; deadLettered: number; acceptedPerSecond: number | null; lag: number }>;
  consolidator: { groupId: string; appliedPerSecond: number | null; lagTotal: number; partitions: Array<{ registry: string; partition: number; lag: number }> };
  instances: Array<{ role: string; generation: string }>;
  replay: unknown;
}
interface Letters {
  total: number;
  letters: Array<{ id: string; registry: string | null; stage: string; reason: string; redriven: boolean }>;
}

describe('the console on a running hub', () => {
  const province = sampleProvince();
  let hub: HubUnderTest;
  let base: string;
  let cookie: string;
  const get = async <T,>(path: string): Promise<T> => {
    const answer = await request(base, 'GET', path, { cookie });
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}: ${answer.text}`);
    return answer.json<T>();
  };
  const overview = (): Promise<Overview> => get<Overview>('/v1/console/overview');

  beforeAll(async () => {
    hub = await startHub({ services: ['consolidator', 'citizen-api', 'adapter-land'], partitions: 2 });
    base = (await hub.start('console', { ...consoleEnvOf(hub), CONSOLE_SAMPLE_INTERVAL_MS: '500' })).url;
    cookie = await logIn(base);
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
  });

  it('shows the figures moving as the registries send events, and their trends', async () => {
    const before = await overview();
    expect(before).toMatchObject({ records: 0, generation: '1', replay: null });
    await publishDirectly(hub, [
      { registry: 'household', events: province.household },
      { registry: 'land', events: [province.letterEvent], key: 'wrong' },
    ]);
    await pushThroughAdapters(hub, province.land, { batchSize: 5 });
    const expectedRecords = province.people.length - 1;
    const now = await eventually(async () => {
      const current = await overview();
      return current.records === expectedRecords && current.consolidator.lagTotal === 0 && current.registries.every((entry) => entry.lag === 0) ? current : undefined;
    }, { timeoutMs: 60_000, intervalMs: 250 });
    const land = now.registries.find((entry) => entry.registry === 'land')!;
    const household = now.registries.find((entry) => entry.registry === 'household')!;
    expect(land).toMatchObject({ accepted: province.land.length, eventsInLog: province.land.length + 1, deadLettered: 1 });
    expect(household).toMatchObject({ accepted: 0, eventsInLog: province.household.length });
    expect(now.headline.correct).toMatchObject({ accepted: province.land.length });
    expect(now.clean.byCode.NO_CIVIL_RECORD).toBeGreaterThanOrEqual(1);
    expect(now.consolidator.groupId).toBe(hub.groupId);
    expect(now.consolidator.partitions).toHaveLength(4 * 2);
    expect(new Set(now.instances.map((instance) => instance.role))).toEqual(new Set(['consolidator', 'citizen-api', 'console']));

    const series = await eventually(async () => {
      const trend = await get<{ time: number[]; registries: Record<string, { acceptedPerSecond: Array<number | null> }>; consolidator: { appliedPerSecond: Array<number | null> }; quality: { records: number[] } }>('/v1/console/series?minutes=5');
      const applied = trend.consolidator.appliedPerSecond.some((value) => (value ?? 0) > 0);
      const accepted = trend.registries.land!.acceptedPerSecond.some((value) => (value ?? 0) > 0);
      return applied && accepted && trend.quality.records.at(-1) === expectedRecords ? trend : undefined;
    }, { timeoutMs: 20_000, intervalMs: 250 });
    expect(series.time.length).toBeGreaterThanOrEqual(2);
    expect(series.quality.records[0]).toBe(0);
  }, 120_000);

  it('lists the records behind a quality issue code, page by page', async () => {
    const listAll = async (): Promise<string[]> => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { personalIds: string[]; nextCursor: string | null; generation: string } = await get(`/v1/console/quality/issues/NO_CIVIL_RECORD/records?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.generation).toBe('1');
        ids.push(...page.personalIds);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return ids;
    };
    // The overview is a sample (up to two intervals old) and the list is read live: compare them once a
    // sample taken after the last change is in.
    const { ids, counted } = await eventually(async () => {
      const listed = await listAll();
      const { clean } = await overview();
      return new Set(listed).size === clean.byCode.NO_CIVIL_RECORD ? { ids: listed, counted: clean.byCode.NO_CIVIL_RECORD } : undefined;
    }, { timeoutMs: 20_000, intervalMs: 500 }).catch(async () => ({ ids: await listAll(), counted: (await overview()).clean.byCode.NO_CIVIL_RECORD }));
    expect(new Set(ids).size).toBe(counted);
    expect(ids).toContain(ORPHAN_ID);
  });

  it('reads a record view from the citizen API as the operator, audited before the answer', async () => {
    const answer = await request(base, 'GET', `/v1/console/records/${ORPHAN_ID}`, { cookie });
    expect(answer.status).toBe(200);
    const record = answer.json<{ personalId: string; identity: unknown; landRights: Array<{ certificateNo: string }>; quality: { issues: Array<{ code: string }> }; provenance: Record<string, unknown> }>();
    expect(record).toMatchObject({ personalId: ORPHAN_ID, identity: null, landRights: [{ certificateNo: 'CS900001' }], quality: { issues: [{ code: 'NO_CIVIL_RECORD' }] } });
    expect(Object.keys(record.provenance)).toContain('landRights');
    const history = await request(base, 'GET', `/v1/console/records/${ORPHAN_ID}/history?limit=5`, { cookie });
    expect(history.status).toBe(200);
    expect(history.json<{ items: Array<{ outcome: string }> }>().items).toEqual([expect.objectContaining({ outcome: 'applied', type: 'vn.lgsp.land.right-granted.v1' })]);

    // The citizen API wrote the entries (it answers only once they are in Kafka), under the console's request ids.
    const entries = (await readAuditLog(testKafka(), hub.names.audit)).flatMap((partition) => partition.entries);
    for (const [response, read] of [[answer, 'record'], [history, 'history']] as const) {
      expect(entries.filter((entry) => entry.requestId === response.headers.get('x-request-id'))).toEqual([
        expect.objectContaining({ consumer: 'hub operators', purpose: 'operator-console', personalId: ORPHAN_ID, read }),
      ]);
    }
  });

  it('shows a running replay’s phase and progress from its lease, never the lease’s token', async () => {
    const lease = await holdReplayLease(hub);
    try {
      const shown = await eventually(async () => {
        const answer = await request(base, 'GET', '/v1/console/overview', { cookie });
        return answer.json<Overview>().replay ? answer : undefined;
      }, { timeoutMs: 10_000, intervalMs: 250 });
      expect(shown.json<Overview>().replay).toEqual(REPLAY_IN_PROGRESS);
      expect(shown.text).not.toContain(lease.token);
    } finally {
      await lease.release();
    }
    await eventually(async () => ((await overview()).replay === null ? true : undefined), { timeoutMs: 10_000, intervalMs: 250 });
  });

  it('passes the citizen API’s own answers on: a valid ID the hub never heard of is a 404', async () => {
    const answer = await request(base, 'GET', '/v1/console/records/001299999999', { cookie });
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ type: 'urn:lgsp:problem:citizen-not-found' });
  });

  it('lists the dead letter with its reason and re-drives it through the land adapter, once', async () => {
    const listed = await eventually(async () => {
      const list = await get<Letters>('/v1/console/dead-letters');
      return list.total === 1 ? list : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250 });
    const [letter] = listed.letters;
    expect(letter).toMatchObject({ registry: 'land', stage: 'consolidator', redriven: false, reason: 'message key "wrong" is not the event\'s subject' });
    expect((await request(base, 'GET', `/v1/console/records/${LETTER_PERSON_ID}`, { cookie })).status).toBe(404);

    const redrive = await request(base, 'POST', '/v1/console/dead-letters:redrive', { cookie, headers: CONSOLE_HEADER, body: { ids: [letter!.id] } });
    expect(redrive.status).toBe(200);
    expect(redrive.json()).toMatchObject({ counts: { redriven: 1 }, letters: [{ id: letter!.id, registry: 'land', outcome: 'redriven' }] });
    expect((await get<Letters>('/v1/console/dead-letters')).letters[0]).toMatchObject({ id: letter!.id, redriven: true });
    // Through the adapter the event is keyed right; the consolidator folds it into a record.
    await eventually(async () => ((await request(base, 'GET', `/v1/console/records/${LETTER_PERSON_ID}`, { cookie })).status === 200 ? true : undefined), { timeoutMs: 30_000, intervalMs: 250 });

    const again = await request(base, 'POST', '/v1/console/dead-letters:redrive', { cookie, headers: CONSOLE_HEADER, body: { all: true } });
    expect(again.json()).toMatchObject({ counts: { redriven: 0, 'already-redriven': 1 } });
    const final = await eventually(async () => {
      const current = await overview();
      return current.records === province.people.length ? current : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250 });
    expect(final.registries.find((entry) => entry.registry === 'land')?.accepted).toBe(province.land.length + 1);
  }, 90_000);
});
