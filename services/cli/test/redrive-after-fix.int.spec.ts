// A dead letter caused by a mapping fault, end to end on a running hub: the land registry writes a code the
// contract does not know (DAT_O_DO_THI for ODT), the adapter pulling its drop folder dead-letters that
// record and goes on; the operator adds the code to the adapter's code tables and restarts it; `lgsp dlq
// redrive` sends the letter's original record back through the adapter, and it reaches the record exactly
// once — not again on a second re-drive, nor when the registry sends the same change once more.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHub, type HubUnderTest } from '@lgsp/testkit';
import { runCli } from './cli-process.ts';

const PORTAL = { authorization: 'Bearer dev-citizen-portal-key' };

function grant(serial: number, personalId: string, certificateNo: string, mucDich: string): Record<string, unknown> {
  return {
    maBienDong: `BD-FIX-${String(serial).padStart(6, '0')}`,
    loaiBienDong: 'CAP_MOI',
    thoiDiem: '2025-06-30T09:15:00+07:00',
    thuaDat: { maXa: '00004', soTo: 12, soThua: 300 + serial, dienTich: 120.5, mucDich },
    giayChungNhan: { soPhatHanh: certificateNo, ngayCap: '2025-06-30' },
    chuSuDung: { soDinhDanh: personalId, hoTen: 'Nguyễn Văn An' },
  };
}

interface LetterJson {
  letters: Array<{ id: string; stage: string; reason: string; redriven: boolean }>;
}
interface RedriveJson {
  counts: Record<string, number>;
}
interface Citizen {
  version: number;
  landRights: Array<{ certificateNo: string; landUse: string }>;
}
interface History {
  items: Array<{ eventId: string; outcome: string }>;
}

describe('a dead letter from a mapping fault, re-driven after the fix', () => {
  const dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgsp-land-drop-'));
  const codesFile = path.join(dropDir, '..', `${path.basename(dropDir)}-codes.json`);
  const good = grant(1, '001203012345', 'CS100001', 'ODT');
  const faulty = grant(2, '079203012346', 'CS100002', 'DAT_O_DO_THI');
  let hub: HubUnderTest;
  let cli: Record<string, string>;
  const landEnd = async (): Promise<number> => {
    const run = await runCli(['status', '--json'], cli);
    return run.json<{ topics: Array<{ topic: string; messages: number }> }>().topics.find((topic) => topic.topic === hub.names.registry.land)!.messages;
  };
  const citizen = async (id: string): Promise<Citizen | undefined> => {
    const response = await fetch(`${hub.url('citizen-api')}/v1/citizens/${id}?purpose=data-subject-access`, { headers: PORTAL });
    return response.status === 200 ? ((await response.json()) as Citizen) : undefined;
  };

  beforeAll(async () => {
    hub = await startHub({ services: ['consolidator', 'citizen-api'] });
    await hub.start('adapter-land', { PULL_DROP_DIR: dropDir, PULL_SCHEDULE: '*/1 * * * * *' });
    cli = { ...hub.env, ADAPTER_LAND_URL: hub.url('adapter-land') };
    fs.writeFileSync(path.join(dropDir, 'changes-0001.ndjson'), `${JSON.stringify(good)}\n${JSON.stringify(faulty)}\n`);
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
    fs.rmSync(dropDir, { recursive: true, force: true });
    fs.rmSync(codesFile, { force: true });
  }, 60_000);

  it('reaches the record exactly once after the code table is fixed', async () => {
    // The good record goes through; the faulty one becomes a dead letter naming the field.
    await eventually(() => citizen('001203012345'), { timeoutMs: 30_000, intervalMs: 250 });
    const letter = await eventually(async () => {
      const list = (await runCli(['dlq', 'list', '--json'], cli)).json<LetterJson>();
      return list.letters.find((entry) => entry.stage === 'adapter-land');
    }, { timeoutMs: 30_000, intervalMs: 500 });
    expect(letter.reason).toContain('/thuaDat/mucDich');
    expect(await citizen('079203012346')).toBeUndefined();

    // Re-driven before the fix, it is refused again and stays.
    const early = await runCli(['dlq', 'redrive', '--all', '--json'], cli);
    expect(early.code).toBe(1);
    expect(early.json<RedriveJson>().counts).toMatchObject({ rejected: 1 });

    // The operator fixes the mapping: the registry's code in the adapter's code tables, and a restart.
    fs.writeFileSync(codesFile, JSON.stringify({ '/thuaDat/mucDich': { DAT_O_DO_THI: 'ODT' } }));
    await hub.restart('adapter-land', { signal: 'SIGTERM', env: { CODE_TABLES_FILE: codesFile } });
    cli.ADAPTER_LAND_URL = hub.url('adapter-land');

    const redrive = await runCli(['dlq', 'redrive', '--all', '--json'], cli);
    expect(redrive.code, redrive.stderr).toBe(0);
    expect(redrive.json<RedriveJson>().counts).toMatchObject({ redriven: 1 });
    const fixed = await eventually(() => citizen('079203012346'), { timeoutMs: 30_000, intervalMs: 250 });
    expect(fixed.landRights).toEqual([expect.objectContaining({ certificateNo: 'CS100002', landUse: 'ODT' })]);
    const logEnd = await landEnd();

    // Never twice: a second re-drive sends nothing …
    const again = await runCli(['dlq', 'redrive', '--all', '--json'], cli);
    expect(again.code).toBe(0);
    expect(again.json<RedriveJson>().counts).toMatchObject({ 'already-redriven': 1 });
    expect(await landEnd()).toBe(logEnd);
    // … and the registry sending the same change once more is the same event again: no effect on the record.
    const resent = await fetch(`${hub.url('adapter-land')}/v1/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer dev-land-key' },
      body: JSON.stringify(faulty),
    });
    expect(resent.status).toBe(202);
    await eventually(async () => ((await landEnd()) === logEnd + 1 ? true : undefined));
    await eventually(async () => {
      const run = await runCli(['lag', '--json'], cli);
      return run.json<{ total: number }>().total === 0 ? true : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250 });
    const after = (await citizen('079203012346'))!;
    expect(after.version).toBe(fixed.version);
    const history = (await (await fetch(`${hub.url('citizen-api')}/v1/citizens/079203012346/history?purpose=data-subject-access`, { headers: PORTAL })).json()) as History;
    expect(history.items.filter((item) => item.eventId === 'BD-FIX-000002')).toEqual([expect.objectContaining({ outcome: 'applied' })]);
  }, 180_000);
});
