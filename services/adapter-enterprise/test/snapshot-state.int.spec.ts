// The last accepted export of each enterprise, kept in Redis, on real Kafka and Redis: an export sent
// twice yields nothing the second time, a late older export neither yields events nor becomes the base,
// and concurrent exports of one enterprise are diffed one after the other, never against the same base.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCollected, pushNdjson, pushRecord, readJson, startAdapterUnderTest, type AdapterUnderTest } from '@lgsp/adapter-kit/testing';
import { buildApp } from '../src/app.ts';

const KEY = 'dev-enterprise-key';
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const { exports } = readJson<{ exports: Array<{ record: Record<string, unknown> }> }>(path.join(fixtures, 'snapshots.json'));

let enterpriseSerial = 1; // CODES[0] is the fixtures' enterprise
/** An export of a fresh enterprise (its own code) with these members, at this time. */
function exportOf(enterpriseCode: string, changeId: string, time: string, members: string[]): Record<string, unknown> {
  return {
    maThayDoi: changeId,
    thoiDiem: time,
    doanhNghiep: { maSoDoanhNghiep: enterpriseCode, tenDoanhNghiep: 'Công ty TNHH Thử', tinhTrang: 'DANG_HOAT_DONG' },
    thanhVien: members.map((soDinhDanh) => ({ soDinhDanh, loai: 'THANH_VIEN' })),
  };
}

// Valid enterprise codes (check digit per identifiers.md), one per test.
const CODES = ['0101248141', '0300588569', '0100109106', '0100112437', '0100233583', '0101234565'];
const nextCode = (): string => CODES[enterpriseSerial++]!;

describe('the enterprise adapter keeps the last accepted export', () => {
  let adapter: AdapterUnderTest;
  beforeAll(async () => {
    adapter = await startAdapterUnderTest({ registry: 'enterprise', buildApp });
  });
  afterAll(async () => adapter?.close());

  const idsPublishedBy = async (send: () => Promise<{ statusCode: number; body: string }>): Promise<string[]> => {
    const before = await adapter.collector.endOffsets();
    const response = await send();
    expect(response.statusCode, response.body).toBe(202);
    const published = await adapter.collector.publishedBetween(adapter.topics.registry.enterprise, before);
    return published.map((message) => String(decodeCollected(message).id));
  };

  it('the same export sent twice yields its events once', async () => {
    const record = exports[0]!.record;
    expect(await idsPublishedBy(() => pushRecord(adapter.app, record, { key: KEY }))).toHaveLength(3);
    expect(await idsPublishedBy(() => pushRecord(adapter.app, record, { key: KEY }))).toEqual([]);
  });

  it('a late export older than the last accepted one yields nothing and does not become the base', async () => {
    const code = nextCode();
    const older = exportOf(code, 'DN-T-1', '2025-07-01T08:00:00+07:00', ['001203012345']);
    const newer = exportOf(code, 'DN-T-2', '2025-08-01T08:00:00+07:00', ['001203012345', '001304056789']);
    const latest = exportOf(code, 'DN-T-3', '2025-09-01T08:00:00+07:00', ['001203012345', '001304056789']);
    await idsPublishedBy(() => pushRecord(adapter.app, newer, { key: KEY }));
    expect(await idsPublishedBy(() => pushRecord(adapter.app, older, { key: KEY }))).toEqual([]);
    // Had the older export become the base, the latest would assign 001304056789 again.
    expect(await idsPublishedBy(() => pushRecord(adapter.app, latest, { key: KEY }))).toEqual([]);
  });

  it('several exports of one enterprise in one NDJSON body are diffed in turn', async () => {
    const code = nextCode();
    const ids = await idsPublishedBy(() =>
      pushNdjson(
        adapter.app,
        [exportOf(code, 'DN-N-1', '2025-07-01T08:00:00+07:00', ['001203012345']), exportOf(code, 'DN-N-2', '2025-07-02T08:00:00+07:00', ['001304056789'])],
        { key: KEY },
      ),
    );
    expect(ids.sort()).toEqual(['DN-N-1/role-assigned/member/001203012345', 'DN-N-1/status', 'DN-N-2/role-assigned/member/001304056789', 'DN-N-2/role-ended/member/001203012345'].sort());
  });

  it('concurrent exports of one enterprise leave a history that folds to the newest export', async () => {
    const code = nextCode();
    await idsPublishedBy(() => pushRecord(adapter.app, exportOf(code, 'DN-C-0', '2025-07-01T08:00:00+07:00', ['001203012345']), { key: KEY }));
    const before = await adapter.collector.endOffsets();
    const members = [['001203012345', '001304056789'], ['001203012345', '079185000123'], ['079185000123'], ['001304056789', '079185000123']];
    const responses = await Promise.all(
      members.map((people, index) => pushRecord(adapter.app, exportOf(code, `DN-C-${index + 1}`, `2025-07-0${index + 2}T08:00:00+07:00`, people), { key: KEY })),
    );
    for (const response of responses) expect(response.statusCode, response.body).toBe(202);
    const events = (await adapter.collector.publishedBetween(adapter.topics.registry.enterprise, before)).map(decodeCollected);
    // Fold the role events by registry time over the base {001203012345}: the result must be the newest export.
    const holders = new Set(['001203012345']);
    for (const event of events.sort((a, b) => Date.parse(String(a.time)) - Date.parse(String(b.time)))) {
      const { personalId } = event.data as { personalId: string };
      if (event.type === 'vn.lgsp.enterprise.role-assigned.v1') {
        expect(holders.has(personalId), `${event.id} assigns a role already held`).toBe(false);
        holders.add(personalId);
      }
      if (event.type === 'vn.lgsp.enterprise.role-ended.v1') {
        expect(holders.has(personalId), `${event.id} ends a role not held`).toBe(true);
        holders.delete(personalId);
      }
    }
    expect([...holders].sort()).toEqual(['001304056789', '079185000123']);
  });
});
