// Enterprise snapshots → change events (events.md §3), by comparing an export with the last one
// accepted for the enterprise. Pure: (previous, next) → events; the kit keeps the previous one.
// - a person holding a role in `next` but not in `previous` → role-assigned, since the export's date;
// - a person whose role is gone → role-ended, until the export's date;
// - a status other than the previous one (or an enterprise seen for the first time) → status-changed;
// - the same snapshot again → nothing.
// Ids derive from maThayDoi and what changed (`DN-2025-000987/role-assigned/owner/001203012345`,
// `DN-2025-000987/status`), so an export sent again yields the same ids: duplicates, never new events.
import { buildEvent } from '@lgsp/contract';
import { dateOf, mappedEvent, type MappedEvent, type SnapshotMapping } from '@lgsp/adapter-kit';
import { parseEnterpriseSnapshot, roleKey, type EnterpriseSnapshot, type RoleHolder } from './snapshot.ts';

const ENTERPRISE_ORIGINS = {
  '/id': '/maThayDoi',
  '/time': '/thoiDiem',
  '/data/enterpriseCode': '/doanhNghiep/maSoDoanhNghiep',
  '/data/enterpriseName': '/doanhNghiep/tenDoanhNghiep',
};

function statusChanged(next: EnterpriseSnapshot, time: string): MappedEvent {
  return mappedEvent(
    buildEvent('vn.lgsp.enterprise.status-changed.v1', {
      id: `${next.changeId}/status`,
      subject: next.enterpriseCode,
      time,
      data: { enterpriseCode: next.enterpriseCode, enterpriseName: next.enterpriseName, status: next.status, since: dateOf(time) },
    }),
    { ...ENTERPRISE_ORIGINS, '/subject': '/doanhNghiep/maSoDoanhNghiep', '/data/status': '/doanhNghiep/tinhTrang', '/data/since': '/thoiDiem' },
  );
}

function roleAssigned(next: EnterpriseSnapshot, holder: RoleHolder, time: string): MappedEvent {
  return mappedEvent(
    buildEvent('vn.lgsp.enterprise.role-assigned.v1', {
      id: `${next.changeId}/role-assigned/${roleKey(holder)}`,
      subject: holder.personalId,
      time,
      data: { personalId: holder.personalId, enterpriseCode: next.enterpriseCode, enterpriseName: next.enterpriseName, role: holder.role, since: dateOf(time) },
    }),
    { ...ENTERPRISE_ORIGINS, '/subject': `${holder.at}/soDinhDanh`, '/data/personalId': `${holder.at}/soDinhDanh`, '/data/role': holder.at, '/data/since': '/thoiDiem' },
  );
}

function roleEnded(next: EnterpriseSnapshot, holder: RoleHolder, time: string): MappedEvent {
  return mappedEvent(
    buildEvent('vn.lgsp.enterprise.role-ended.v1', {
      id: `${next.changeId}/role-ended/${roleKey(holder)}`,
      subject: holder.personalId,
      time,
      data: { personalId: holder.personalId, enterpriseCode: next.enterpriseCode, role: holder.role, until: dateOf(time) },
    }),
    { ...ENTERPRISE_ORIGINS, '/data/until': '/thoiDiem' },
  );
}

/** The events that take the enterprise from `previous` (undefined: never seen) to `next`. */
export function diffEnterpriseSnapshots(previous: EnterpriseSnapshot | undefined, next: EnterpriseSnapshot, time: string): MappedEvent[] {
  const before = new Map((previous?.roles ?? []).map((holder) => [roleKey(holder), holder]));
  const after = new Map(next.roles.map((holder) => [roleKey(holder), holder]));
  return [
    ...(previous?.status !== next.status ? [statusChanged(next, time)] : []),
    ...[...before].filter(([key]) => !after.has(key)).map(([, holder]) => roleEnded(next, holder, time)),
    ...[...after].filter(([key]) => !before.has(key)).map(([, holder]) => roleAssigned(next, holder, time)),
  ];
}

export const enterpriseSnapshots: SnapshotMapping<EnterpriseSnapshot> = {
  parse: parseEnterpriseSnapshot,
  diff: diffEnterpriseSnapshots,
};
