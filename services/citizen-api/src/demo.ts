// `pnpm demo` (spec README §6), against a running hub (`pnpm start`): the four registries push one
// citizen's changes through their adapters in their native formats (events.md §3), the demo waits until
// the once-only record shows them all, then prints the record as the land portal and as the business
// portal see it, and who has read it. Safe to run again: the same changes are recognised as duplicates.
import { loadConfig, exitOnConfigError, type ConfigOf } from '@lgsp/runtime';

const demoConfigSchema = {
  type: 'object',
  properties: {
    CITIZEN_API_URL: { type: 'string', pattern: '^https?://', default: 'http://127.0.0.1:8080' },
    ADAPTER_LAND_URL: { type: 'string', pattern: '^https?://', default: 'http://127.0.0.1:8101' },
    ADAPTER_ENTERPRISE_URL: { type: 'string', pattern: '^https?://', default: 'http://127.0.0.1:8102' },
    ADAPTER_HOUSEHOLD_URL: { type: 'string', pattern: '^https?://', default: 'http://127.0.0.1:8103' },
    ADAPTER_JUDICIAL_URL: { type: 'string', pattern: '^https?://', default: 'http://127.0.0.1:8104' },
    DEMO_TIMEOUT_MS: { type: 'integer', minimum: 1000, maximum: 600000, default: 30000 },
  },
} as const;
type DemoConfig = ConfigOf<typeof demoConfigSchema>;

let config: DemoConfig;
try {
  config = loadConfig<DemoConfig>(demoConfigSchema);
} catch (error) {
  exitOnConfigError('lgsp demo', error);
}

const say = (line = ''): void => void process.stdout.write(`${line}\n`);

class DemoError extends Error {}

const PERSONAL_ID = '001203012345';
const ENTERPRISE_CODE = '0101248141';
const citizen = { soDinhDanh: PERSONAL_ID, hoTen: 'Nguyễn Văn An' };
const personal = { ...citizen, ngaySinh: '2003-04-05', gioiTinh: 'NAM', quocTich: 'VN', danToc: 'Kinh' };
const judgment = { soBanAn: '123/2025/HS-ST', toaAn: 'TAND TP Hà Nội', ngayTuyen: '2025-06-20' };

/** Each registry's native changes about one citizen, pushed with that registry's agency key. */
const PUSHES = [
  {
    registry: 'household',
    url: config.ADAPTER_HOUSEHOLD_URL,
    key: 'dev-household-key',
    records: [
      { maGiaoDich: 'HT-2025-904320', loaiGiaoDich: 'DANG_KY_KHAI_SINH', thoiDiem: '2025-07-01T09:00:00+07:00', congDan: personal },
      {
        maGiaoDich: 'HT-2025-904321',
        loaiGiaoDich: 'DANG_KY_THUONG_TRU',
        thoiDiem: '2025-07-01T10:00:00+07:00',
        congDan: personal,
        noiCuTru: { maTinh: '01', maXa: '00004', diaChi: 'Số 1 phố Huế' },
        hoGiaDinh: { maHo: 'HGD-01-000777', quanHeVoiChuHo: 'CHU_HO' },
      },
    ],
  },
  {
    registry: 'land',
    url: config.ADAPTER_LAND_URL,
    key: 'dev-land-key',
    records: [
      {
        maBienDong: 'BD-2025-900120',
        loaiBienDong: 'CAP_MOI',
        thoiDiem: '2025-07-02T09:15:00+07:00',
        thuaDat: { maXa: '00004', soTo: 12, soThua: 345, dienTich: 120.5, mucDich: 'ODT' },
        giayChungNhan: { soPhatHanh: 'CS900120', ngayCap: '2025-07-02' },
        chuSuDung: citizen,
      },
    ],
  },
  {
    registry: 'enterprise',
    url: config.ADAPTER_ENTERPRISE_URL,
    key: 'dev-enterprise-key',
    records: [
      {
        maThayDoi: 'DN-2025-900987',
        thoiDiem: '2025-07-03T09:30:00+07:00',
        doanhNghiep: { maSoDoanhNghiep: ENTERPRISE_CODE, tenDoanhNghiep: 'Công ty TNHH An Phát', tinhTrang: 'DANG_HOAT_DONG' },
        nguoiDaiDien: [{ ...citizen, chucDanh: 'GIAM_DOC' }],
        thanhVien: [{ soDinhDanh: PERSONAL_ID, loai: 'CHU_SO_HUU', tyLeVon: 100 }],
      },
    ],
  },
  {
    registry: 'judicial',
    url: config.ADAPTER_JUDICIAL_URL,
    key: 'dev-judicial-key',
    records: [
      {
        maHoSo: 'LLTP-2025-900042',
        loai: 'AN_TICH',
        thoiDiem: '2025-07-04T14:00:00+07:00',
        duongSu: citizen,
        banAn: { ...judgment, toiDanh: 'BLHS-2015 Điều 173', hinhPhat: '12 tháng tù treo' },
      },
      {
        maHoSo: 'LLTP-2025-900044',
        loai: 'CAM_DAM_NHIEM',
        thoiDiem: '2025-07-04T15:00:00+07:00',
        duongSu: citizen,
        banAn: judgment,
        camDamNhiem: { noiDung: 'THANH_LAP_QUAN_LY_DN', tuNgay: '2025-06-20', denNgay: '2028-06-20' },
      },
    ],
  },
] as const;

const PORTALS = [
  { title: 'the land services portal', key: 'dev-land-portal-key', purpose: 'land-procedure' },
  { title: 'the business portal', key: 'dev-business-portal-key', purpose: 'enterprise-registration' },
] as const;

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new DemoError(`${new URL(url).origin} does not answer (${(error as Error).message}); is the hub running? Start it with pnpm start`);
  }
}

async function pushNativeRecords(): Promise<void> {
  for (const push of PUSHES) {
    const ndjson = push.records.map((record) => JSON.stringify(record)).join('\n');
    const response = await request(`${push.url}/v1/records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${push.key}`, 'content-type': 'application/x-ndjson' },
      body: `${ndjson}\n`,
    });
    const text = await response.text();
    if (response.status !== 202) throw new DemoError(`adapter-${push.registry} answered ${response.status}: ${text}`);
    say(`  ${push.registry.padEnd(10)} ${push.records.length} native record(s) → adapter-${push.registry}: 202 ${text}`);
  }
}

async function readRecord(key: string, purpose: string, path = ''): Promise<Record<string, unknown> | undefined> {
  const response = await request(`${config.CITIZEN_API_URL}/v1/citizens/${PERSONAL_ID}${path}?purpose=${purpose}`, { headers: { authorization: `Bearer ${key}` } });
  if (response.status === 404) return undefined;
  const text = await response.text();
  if (response.status !== 200) throw new DemoError(`citizen-api answered ${response.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Whether the record (as the operators see it, every section) shows every registry's change. */
function showsEveryChange(record: Record<string, unknown> | undefined): boolean {
  if (!record) return false;
  const judicial = record.judicial as { convictions?: unknown[]; bans?: unknown[] } | null;
  const roles = (record.enterpriseRoles as Array<{ enterpriseCode: string; enterpriseStatus: string | null }>) ?? [];
  return (
    (record.identity as { fullName?: string } | null)?.fullName === 'Nguyễn Văn An' &&
    (record.residence as { permanent?: unknown } | null)?.permanent !== null &&
    ((record.landRights as Array<{ certificateNo: string }>) ?? []).some((right) => right.certificateNo === 'CS900120') &&
    roles.some((role) => role.enterpriseCode === ENTERPRISE_CODE && role.enterpriseStatus === 'active') &&
    (judicial?.convictions?.length ?? 0) > 0 &&
    (judicial?.bans?.length ?? 0) > 0
  );
}

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + config.DEMO_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new DemoError(`${what} did not happen within ${config.DEMO_TIMEOUT_MS} ms; is the consolidator running?`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  say(`LGSP Hub demo — citizen ${PERSONAL_ID}`);
  say();
  say('1. The registries push their changes, each in its own native format:');
  await pushNativeRecords();
  say();
  say('2. Waiting until the once-only record shows every change…');
  const started = Date.now();
  await waitUntil('the record showing every change', async () => {
    const record = await readRecord('dev-operator-key', 'operator-console');
    return showsEveryChange(record) ? record : undefined;
  });
  say(`   the record is complete (${Date.now() - started} ms)`);
  for (const [index, portal] of PORTALS.entries()) {
    say();
    say(`${index + 3}. The record as ${portal.title} sees it (purpose ${portal.purpose}):`);
    say(JSON.stringify(await readRecord(portal.key, portal.purpose), null, 2));
  }
  say();
  say('5. Who has read it, as the citizen sees it (purpose data-subject-access):');
  const log = await waitUntil('the access log showing the portals', async () => {
    const page = (await readRecord('dev-citizen-portal-key', 'data-subject-access', '/access-log')) as { items: Array<Record<string, unknown>> } | undefined;
    return page && page.items.some((item) => item.consumer === 'business portal') ? page.items : undefined;
  });
  for (const item of log.slice(0, 6)) say(`   ${String(item.time)}  ${String(item.consumer).padEnd(22)} ${String(item.purpose).padEnd(24)} ${(item.sections as string[]).join(', ')}`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof DemoError)) throw error;
  process.stderr.write(`lgsp demo: ${error.message}\n`);
  process.exit(1);
}
