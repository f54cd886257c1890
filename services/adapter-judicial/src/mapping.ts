// Judicial records (events.md §3) → canonical judicial events. Pure: no clock, no I/O.
// AN_TICH records a conviction from banAn; XOA_AN_TICH expunges it on ngayXoa; CAM_DAM_NHIEM imposes
// the ban in camDamNhiem (THANH_LAP_QUAN_LY_DN → manage-enterprise, DAM_NHIEM_CHUC_VU → hold-office,
// HANH_NGHE → practise-profession) from tuNgay, until denNgay when given. The event id is maHoSo.
import { buildEvent } from '@lgsp/contract';
import { mappedEvent, readNative, type MappedEvent, type MappingResult, type NativeReader } from '@lgsp/adapter-kit';

const RECORD_KINDS = { AN_TICH: 'conviction', XOA_AN_TICH: 'expungement', CAM_DAM_NHIEM: 'ban' } as const;

const BANS = { THANH_LAP_QUAN_LY_DN: 'manage-enterprise', DAM_NHIEM_CHUC_VU: 'hold-office', HANH_NGHE: 'practise-profession' } as const;

const COMMON_ORIGINS = {
  '/id': '/maHoSo',
  '/time': '/thoiDiem',
  '/subject': '/duongSu/soDinhDanh',
  '/data/personalId': '/duongSu/soDinhDanh',
  '/data/judgmentNo': '/banAn/soBanAn',
};

interface JudicialRecord {
  id: string;
  time: string;
  personalId: string;
  judgmentNo: string;
  read: NativeReader;
}

function convictionRecorded({ id, time, personalId, judgmentNo, read }: JudicialRecord): MappedEvent {
  return mappedEvent(
    buildEvent('vn.lgsp.judicial.conviction-recorded.v1', {
      id,
      subject: personalId,
      time,
      data: {
        personalId,
        judgmentNo,
        court: read.string('/banAn/toaAn'),
        judgmentDate: read.string('/banAn/ngayTuyen'),
        offence: read.string('/banAn/toiDanh'),
        sentence: read.string('/banAn/hinhPhat'),
      },
    }),
    { ...COMMON_ORIGINS, '/data/court': '/banAn/toaAn', '/data/judgmentDate': '/banAn/ngayTuyen', '/data/offence': '/banAn/toiDanh', '/data/sentence': '/banAn/hinhPhat' },
  );
}

function convictionExpunged({ id, time, personalId, judgmentNo, read }: JudicialRecord): MappedEvent {
  return mappedEvent(
    buildEvent('vn.lgsp.judicial.conviction-expunged.v1', { id, subject: personalId, time, data: { personalId, judgmentNo, expungedOn: read.string('/ngayXoa') } }),
    { ...COMMON_ORIGINS, '/data/expungedOn': '/ngayXoa' },
  );
}

function banImposed({ id, time, personalId, judgmentNo, read }: JudicialRecord): MappedEvent {
  const until = read.optionalString('/camDamNhiem/denNgay');
  return mappedEvent(
    buildEvent('vn.lgsp.judicial.ban-imposed.v1', {
      id,
      subject: personalId,
      time,
      data: {
        personalId,
        judgmentNo,
        ban: read.code('/camDamNhiem/noiDung', BANS),
        from: read.string('/camDamNhiem/tuNgay'),
        ...(until !== undefined ? { until } : {}),
      },
    }),
    { ...COMMON_ORIGINS, '/data/ban': '/camDamNhiem/noiDung', '/data/from': '/camDamNhiem/tuNgay', '/data/until': '/camDamNhiem/denNgay' },
  );
}

function eventsOf(kind: (typeof RECORD_KINDS)[keyof typeof RECORD_KINDS] | undefined, record: JudicialRecord): MappedEvent[] {
  switch (kind) {
    case 'conviction':
      return [convictionRecorded(record)];
    case 'expungement':
      return [convictionExpunged(record)];
    case 'ban':
      return [banImposed(record)];
    case undefined:
      return [];
    default:
      return kind satisfies never;
  }
}

export function mapJudicialRecord(input: unknown): MappingResult {
  const read = readNative(input);
  const record: JudicialRecord = {
    id: read.string('/maHoSo'),
    time: read.timestamp('/thoiDiem'),
    personalId: read.string('/duongSu/soDinhDanh'),
    judgmentNo: read.string('/banAn/soBanAn'),
    read,
  };
  const events = eventsOf(read.code('/loai', RECORD_KINDS), record);
  return read.problems.length > 0 ? { ok: false, errors: [...read.problems] } : { ok: true, events };
}
