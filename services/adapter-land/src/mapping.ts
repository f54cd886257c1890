// Land registry changes (events.md §3) → canonical land events. Pure: no clock, no I/O.
// CAP_MOI grants, CAP_NHAT updates, THU_HOI revokes; CHUYEN_NHUONG (transfer) revokes the right of
// chuSuDung (reason transferred) and grants it to benNhan. Event ids derive from maBienDong, so a
// change sent again is the same events again (a duplicate), never new ones.
import { buildEvent } from '@lgsp/contract';
import { dateOf, mappedEvent, readNative, type MappedEvent, type MappingResult, type NativeReader } from '@lgsp/adapter-kit';

const CHANGE_KINDS = { CAP_MOI: 'grant', CAP_NHAT: 'update', THU_HOI: 'revoke', CHUYEN_NHUONG: 'transfer' } as const;

/** Where each canonical field comes from, for problems told in the registry's terms. */
const CERTIFICATE_ORIGINS = { '/data/certificateNo': '/giayChungNhan/soPhatHanh' } as const;
const PARCEL_ORIGINS = {
  '/data/parcel': '/thuaDat',
  '/data/parcel/communeCode': '/thuaDat/maXa',
  '/data/parcel/mapSheet': '/thuaDat/soTo',
  '/data/parcel/parcelNo': '/thuaDat/soThua',
  '/data/areaM2': '/thuaDat/dienTich',
  '/data/landUse': '/thuaDat/mucDich',
} as const;

function holderOrigins(holder: 'chuSuDung' | 'benNhan'): Record<string, string> {
  return { '/subject': `/${holder}/soDinhDanh`, '/data/personalId': `/${holder}/soDinhDanh`, '/id': '/maBienDong', '/time': '/thoiDiem' };
}

interface Change {
  id: string;
  time: string;
  read: NativeReader;
}

function grant({ id, time, read }: Change, holder: 'chuSuDung' | 'benNhan', grantedOn: string, origins: Record<string, string>): MappedEvent {
  const personalId = read.string(`/${holder}/soDinhDanh`);
  return mappedEvent(
    buildEvent('vn.lgsp.land.right-granted.v1', {
      id,
      subject: personalId,
      time,
      data: {
        personalId,
        certificateNo: read.string('/giayChungNhan/soPhatHanh'),
        parcel: { communeCode: read.string('/thuaDat/maXa'), mapSheet: read.number('/thuaDat/soTo'), parcelNo: read.number('/thuaDat/soThua') },
        areaM2: read.number('/thuaDat/dienTich'),
        landUse: read.string('/thuaDat/mucDich'),
        grantedOn,
      },
    }),
    { ...holderOrigins(holder), ...CERTIFICATE_ORIGINS, ...PARCEL_ORIGINS, ...origins },
  );
}

function update({ id, time, read }: Change): MappedEvent {
  const personalId = read.string('/chuSuDung/soDinhDanh');
  const areaM2 = read.optionalNumber('/thuaDat/dienTich');
  const landUse = read.optionalString('/thuaDat/mucDich');
  if (areaM2 === undefined && landUse === undefined) read.report('/thuaDat', 'must carry dienTich or mucDich for CAP_NHAT');
  return mappedEvent(
    buildEvent('vn.lgsp.land.right-updated.v1', {
      id,
      subject: personalId,
      time,
      data: {
        personalId,
        certificateNo: read.string('/giayChungNhan/soPhatHanh'),
        ...(areaM2 !== undefined ? { areaM2 } : {}),
        ...(landUse !== undefined ? { landUse } : {}),
      },
    }),
    { ...holderOrigins('chuSuDung'), ...CERTIFICATE_ORIGINS, ...PARCEL_ORIGINS, '/data': '/thuaDat' },
  );
}

function revoke({ id, time, read }: Change, reason: 'revoked' | 'transferred'): MappedEvent {
  const personalId = read.string('/chuSuDung/soDinhDanh');
  return mappedEvent(
    buildEvent('vn.lgsp.land.right-revoked.v1', {
      id,
      subject: personalId,
      time,
      data: { personalId, certificateNo: read.string('/giayChungNhan/soPhatHanh'), reason, revokedOn: dateOf(time) },
    }),
    { ...holderOrigins('chuSuDung'), ...CERTIFICATE_ORIGINS, '/data/revokedOn': '/thoiDiem' },
  );
}

export function mapLandChange(record: unknown): MappingResult {
  const read = readNative(record);
  const change: Change = { id: read.string('/maBienDong'), time: read.timestamp('/thoiDiem'), read };
  const kind = read.code('/loaiBienDong', CHANGE_KINDS);
  let events: MappedEvent[] = [];
  switch (kind) {
    case 'grant': {
      // A new certificate's issue date is when the right was granted; without one, the change's date.
      const issuedOn = read.optionalString('/giayChungNhan/ngayCap');
      events = [grant(change, 'chuSuDung', issuedOn ?? dateOf(change.time), { '/data/grantedOn': issuedOn ? '/giayChungNhan/ngayCap' : '/thoiDiem' })];
      break;
    }
    case 'update':
      events = [update(change)];
      break;
    case 'revoke':
      events = [revoke(change, 'revoked')];
      break;
    case 'transfer': {
      // The receiver holds the right from the transfer's effective date; the certificate keeps its number.
      const revoked = revoke({ ...change, id: `${change.id}/revoke` }, 'transferred');
      const granted = grant({ ...change, id: `${change.id}/grant` }, 'benNhan', dateOf(change.time), { '/data/grantedOn': '/thoiDiem' });
      events = [revoked, granted];
      break;
    }
    case undefined:
      break;
    default:
      kind satisfies never;
  }
  return read.problems.length > 0 ? { ok: false, errors: [...read.problems] } : { ok: true, events };
}
