// Household registry transactions (events.md §3) → canonical household events. Pure: no clock, no I/O.
// DANG_KY_KHAI_SINH registers a citizen, THAY_DOI_HO_TICH corrects identity, DANG_KY_THUONG_TRU and
// DANG_KY_TAM_TRU register permanent and temporary residence (a temporary one may end on
// noiCuTru.denNgay), XOA_TAM_TRU ends temporary residence, KHAI_TU registers a death on ngayMat.
// The event id is maGiaoDich, so a transaction sent again is a duplicate, never a new event.
import { buildEvent } from '@lgsp/contract';
import { dateOf, mappedEvent, readNative, type MappedEvent, type MappingResult, type NativeReader } from '@lgsp/adapter-kit';

const TRANSACTION_KINDS = {
  DANG_KY_KHAI_SINH: 'birth',
  THAY_DOI_HO_TICH: 'correction',
  DANG_KY_THUONG_TRU: 'permanent-residence',
  DANG_KY_TAM_TRU: 'temporary-residence',
  XOA_TAM_TRU: 'temporary-residence-ended',
  KHAI_TU: 'death',
} as const;

const SEXES = { NAM: 'male', NU: 'female' } as const;

const RELATIONS_TO_HEAD = {
  CHU_HO: 'head',
  VO: 'spouse',
  CHONG: 'spouse',
  CON: 'child',
  BO: 'parent',
  ME: 'parent',
  ANH_CHI_EM: 'sibling',
  CHAU: 'grandchild',
  KHAC: 'other',
} as const;

const COMMON_ORIGINS = { '/id': '/maGiaoDich', '/time': '/thoiDiem', '/subject': '/congDan/soDinhDanh', '/data/personalId': '/congDan/soDinhDanh' };
const IDENTITY_ORIGINS = {
  '/data/fullName': '/congDan/hoTen',
  '/data/dateOfBirth': '/congDan/ngaySinh',
  '/data/sex': '/congDan/gioiTinh',
  '/data/nationality': '/congDan/quocTich',
  '/data/ethnicity': '/congDan/danToc',
};
const RESIDENCE_ORIGINS = {
  '/data/address': '/noiCuTru',
  '/data/address/provinceCode': '/noiCuTru/maTinh',
  '/data/address/communeCode': '/noiCuTru/maXa',
  '/data/address/line': '/noiCuTru/diaChi',
  '/data/householdId': '/hoGiaDinh/maHo',
  '/data/relationToHead': '/hoGiaDinh/quanHeVoiChuHo',
  '/data/validUntil': '/noiCuTru/denNgay',
};

interface Transaction {
  id: string;
  time: string;
  personalId: string;
  read: NativeReader;
}

function citizenRegistered({ id, time, personalId, read }: Transaction): MappedEvent {
  const ethnicity = read.optionalString('/congDan/danToc');
  return mappedEvent(
    buildEvent('vn.lgsp.household.citizen-registered.v1', {
      id,
      subject: personalId,
      time,
      data: {
        personalId,
        fullName: read.string('/congDan/hoTen'),
        dateOfBirth: read.string('/congDan/ngaySinh'),
        sex: read.code('/congDan/gioiTinh', SEXES),
        nationality: read.string('/congDan/quocTich'),
        ...(ethnicity !== undefined ? { ethnicity } : {}),
      },
    }),
    { ...COMMON_ORIGINS, ...IDENTITY_ORIGINS },
  );
}

function identityCorrected({ id, time, personalId, read }: Transaction): MappedEvent {
  const corrected = {
    fullName: read.optionalString('/congDan/hoTen'),
    dateOfBirth: read.optionalString('/congDan/ngaySinh'),
    sex: read.optionalCode('/congDan/gioiTinh', SEXES),
    ethnicity: read.optionalString('/congDan/danToc'),
  };
  const present = Object.fromEntries(Object.entries(corrected).filter(([, value]) => value !== undefined));
  if (Object.keys(present).length === 0) read.report('/congDan', 'must carry at least one of hoTen, ngaySinh, gioiTinh, danToc for THAY_DOI_HO_TICH');
  return mappedEvent(
    buildEvent('vn.lgsp.household.identity-corrected.v1', { id, subject: personalId, time, data: { personalId, ...present } }),
    { ...COMMON_ORIGINS, ...IDENTITY_ORIGINS, '/data': '/congDan' },
  );
}

function residenceRegistered({ id, time, personalId, read }: Transaction, kind: 'permanent' | 'temporary'): MappedEvent {
  const validUntil = read.optionalString('/noiCuTru/denNgay');
  return mappedEvent(
    buildEvent('vn.lgsp.household.residence-registered.v1', {
      id,
      subject: personalId,
      time,
      data: {
        personalId,
        kind,
        address: { provinceCode: read.string('/noiCuTru/maTinh'), communeCode: read.string('/noiCuTru/maXa'), line: read.string('/noiCuTru/diaChi') },
        householdId: read.string('/hoGiaDinh/maHo'),
        relationToHead: read.code('/hoGiaDinh/quanHeVoiChuHo', RELATIONS_TO_HEAD),
        ...(validUntil !== undefined ? { validUntil } : {}),
      },
    }),
    { ...COMMON_ORIGINS, ...RESIDENCE_ORIGINS },
  );
}

function residenceEnded({ id, time, personalId }: Transaction): MappedEvent {
  return mappedEvent(
    buildEvent('vn.lgsp.household.residence-ended.v1', { id, subject: personalId, time, data: { personalId, kind: 'temporary', endedOn: dateOf(time) } }),
    { ...COMMON_ORIGINS, '/data/endedOn': '/thoiDiem' },
  );
}

function deathRegistered({ id, time, personalId, read }: Transaction): MappedEvent {
  return mappedEvent(
    buildEvent('vn.lgsp.household.death-registered.v1', { id, subject: personalId, time, data: { personalId, dateOfDeath: read.string('/ngayMat') } }),
    { ...COMMON_ORIGINS, '/data/dateOfDeath': '/ngayMat' },
  );
}

function eventsOf(kind: (typeof TRANSACTION_KINDS)[keyof typeof TRANSACTION_KINDS] | undefined, transaction: Transaction): MappedEvent[] {
  switch (kind) {
    case 'birth':
      return [citizenRegistered(transaction)];
    case 'correction':
      return [identityCorrected(transaction)];
    case 'permanent-residence':
      return [residenceRegistered(transaction, 'permanent')];
    case 'temporary-residence':
      return [residenceRegistered(transaction, 'temporary')];
    case 'temporary-residence-ended':
      return [residenceEnded(transaction)];
    case 'death':
      return [deathRegistered(transaction)];
    case undefined:
      return [];
    default:
      return kind satisfies never;
  }
}

export function mapHouseholdTransaction(record: unknown): MappingResult {
  const read = readNative(record);
  const transaction: Transaction = { id: read.string('/maGiaoDich'), time: read.timestamp('/thoiDiem'), personalId: read.string('/congDan/soDinhDanh'), read };
  const events = eventsOf(read.code('/loaiGiaoDich', TRANSACTION_KINDS), transaction);
  return read.problems.length > 0 ? { ok: false, errors: [...read.problems] } : { ok: true, events };
}
