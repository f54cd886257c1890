// An enterprise registry export (events.md §3) read into the snapshot the adapter keeps between
// exports: the enterprise, its status, and who holds which role. Pure: no clock, no I/O.
import { checkEnterpriseCode, checkPersonalId } from '@lgsp/contract';
import { readNative, type ParsedSnapshot } from '@lgsp/adapter-kit';

export type EnterpriseStatus = 'active' | 'suspended' | 'dissolved' | 'bankrupt';
export type EnterpriseRole = 'legal-representative' | 'owner' | 'member' | 'shareholder';

export interface RoleHolder {
  personalId: string;
  role: EnterpriseRole;
  /** Where the person appears in the export, e.g. `/thanhVien/0`, for problems in native terms. */
  at: string;
}

export interface EnterpriseSnapshot {
  /** maThayDoi of the export this snapshot came from: the events' ids derive from it. */
  changeId: string;
  enterpriseCode: string;
  enterpriseName: string;
  status: EnterpriseStatus;
  /** One entry per person and role, sorted, so equal exports give equal snapshots. */
  roles: RoleHolder[];
}

const STATUSES = { DANG_HOAT_DONG: 'active', TAM_NGUNG: 'suspended', GIAI_THE: 'dissolved', PHA_SAN: 'bankrupt' } as const;
const MEMBER_KINDS = { CHU_SO_HUU: 'owner', THANH_VIEN: 'member', CO_DONG: 'shareholder' } as const;

export function roleKey(holder: Pick<RoleHolder, 'personalId' | 'role'>): string {
  return `${holder.role}/${holder.personalId}`;
}

export function parseEnterpriseSnapshot(record: unknown): ParsedSnapshot<EnterpriseSnapshot> {
  const read = readNative(record);
  const changeId = read.string('/maThayDoi');
  const time = read.timestamp('/thoiDiem');
  const enterpriseCode = read.string('/doanhNghiep/maSoDoanhNghiep');
  if (enterpriseCode !== '') {
    const check = checkEnterpriseCode(enterpriseCode);
    if (!check.valid) read.report('/doanhNghiep/maSoDoanhNghiep', check.reason);
  }
  const enterpriseName = read.string('/doanhNghiep/tenDoanhNghiep');
  const status = read.code('/doanhNghiep/tinhTrang', STATUSES);

  const roles = new Map<string, RoleHolder>();
  const holder = (at: string, role: EnterpriseRole | undefined): void => {
    const personalId = read.string(`${at}/soDinhDanh`);
    if (personalId !== '') {
      const check = checkPersonalId(personalId);
      if (!check.valid) read.report(`${at}/soDinhDanh`, check.reason);
    }
    if (role === undefined || personalId === '') return;
    const entry = { personalId, role, at };
    if (!roles.has(roleKey(entry))) roles.set(roleKey(entry), entry);
  };
  read.array('/nguoiDaiDien').forEach((_, index) => holder(`/nguoiDaiDien/${index}`, 'legal-representative'));
  read.array('/thanhVien').forEach((_, index) => holder(`/thanhVien/${index}`, read.code(`/thanhVien/${index}/loai`, MEMBER_KINDS)));

  if (read.problems.length > 0) return { ok: false, errors: [...read.problems] };
  const sorted = [...roles.values()].sort((a, b) => (roleKey(a) < roleKey(b) ? -1 : roleKey(a) > roleKey(b) ? 1 : 0));
  return { ok: true, entity: enterpriseCode, time, snapshot: { changeId, enterpriseCode, enterpriseName, status, roles: sorted } };
}
