// Builders of canonical events for the merge core's tests: one person, a few keys, so changes collide.
import fc from 'fast-check';
import type { PersonEvent } from '@lgsp/record';

export const PID = '001203012345'; // Hà Nội, male, born 2003

let counter = 0;
export function nextId(prefix = 'ev'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

const SOURCES = {
  household: 'urn:lgsp:registry:household',
  land: 'urn:lgsp:registry:land',
  enterprise: 'urn:lgsp:registry:enterprise',
  judicial: 'urn:lgsp:registry:judicial',
} as const;

export function event(type: PersonEvent['type'], data: Record<string, unknown>, options: { time: string; id?: string; sequence?: string }): PersonEvent {
  const registry = type.split('.')[2] as keyof typeof SOURCES;
  return {
    specversion: '1.0',
    id: options.id ?? nextId(registry),
    source: SOURCES[registry],
    type,
    subject: PID,
    time: options.time,
    dataschema: `urn:lgsp:schema:${type}`,
    datacontenttype: 'application/json',
    ...(options.sequence !== undefined ? { sequence: options.sequence } : {}),
    data: { personalId: PID, ...data },
  } as unknown as PersonEvent;
}

const address = { provinceCode: '01', communeCode: '00004', line: 'Số 1 phố Huế' };
const parcel = { communeCode: '00004', mapSheet: 12, parcelNo: 345 };

export const build = {
  registered: (time: string, fullName = 'Nguyễn Văn An', extra: Record<string, unknown> = {}, id?: string) =>
    event('vn.lgsp.household.citizen-registered.v1', { fullName, dateOfBirth: '2003-04-05', sex: 'male', nationality: 'VN', ethnicity: 'Kinh', ...extra }, { time, id }),
  corrected: (time: string, data: Record<string, unknown>, id?: string) => event('vn.lgsp.household.identity-corrected.v1', data, { time, id }),
  residence: (time: string, kind: 'permanent' | 'temporary', householdId = 'HGD-01-000777', id?: string) =>
    event(
      'vn.lgsp.household.residence-registered.v1',
      { kind, address, householdId, relationToHead: 'head', ...(kind === 'temporary' ? { validUntil: '2026-12-31' } : {}) },
      { time, id },
    ),
  residenceEnded: (time: string, kind: 'permanent' | 'temporary', id?: string) =>
    event('vn.lgsp.household.residence-ended.v1', { kind, endedOn: time.slice(0, 10) }, { time, id }),
  death: (time: string, dateOfDeath: string, id?: string) => event('vn.lgsp.household.death-registered.v1', { dateOfDeath }, { time, id }),
  granted: (time: string, certificateNo: string, areaM2 = 120.5, grantedOn = '2025-06-30', id?: string) =>
    event('vn.lgsp.land.right-granted.v1', { certificateNo, parcel, areaM2, landUse: 'ODT', grantedOn }, { time, id }),
  updated: (time: string, certificateNo: string, areaM2: number, id?: string) => event('vn.lgsp.land.right-updated.v1', { certificateNo, areaM2 }, { time, id }),
  revoked: (time: string, certificateNo: string, id?: string) =>
    event('vn.lgsp.land.right-revoked.v1', { certificateNo, reason: 'transferred', revokedOn: time.slice(0, 10) }, { time, id }),
  roleAssigned: (time: string, enterpriseCode: string, role: string, since = '2025-07-02', id?: string) =>
    event('vn.lgsp.enterprise.role-assigned.v1', { enterpriseCode, enterpriseName: 'Công ty TNHH An Phát', role, since }, { time, id }),
  roleEnded: (time: string, enterpriseCode: string, role: string, id?: string) =>
    event('vn.lgsp.enterprise.role-ended.v1', { enterpriseCode, role, until: time.slice(0, 10) }, { time, id }),
  convicted: (time: string, judgmentNo: string, id?: string) =>
    event(
      'vn.lgsp.judicial.conviction-recorded.v1',
      { judgmentNo, court: 'TAND TP Hà Nội', judgmentDate: '2025-06-20', offence: 'BLHS-2015 Điều 173', sentence: '12 tháng tù treo' },
      { time, id },
    ),
  expunged: (time: string, judgmentNo: string, id?: string) => event('vn.lgsp.judicial.conviction-expunged.v1', { judgmentNo, expungedOn: time.slice(0, 10) }, { time, id }),
  banned: (time: string, judgmentNo: string, ban = 'manage-enterprise', until?: string, id?: string) =>
    event('vn.lgsp.judicial.ban-imposed.v1', { judgmentNo, ban, from: '2025-06-20', ...(until ? { until } : {}) }, { time, id }),
};

/** Few distinct times (some equal, in different offsets) so that ties and reorderings are common. */
const TIMES = [
  '2025-07-01T08:00:00+07:00',
  '2025-07-01T01:00:00Z', // the same instant as the one above
  '2025-07-01T09:00:00+07:00',
  '2025-07-02T00:00:00.5+07:00',
  '2025-07-03T10:00:00+07:00',
  '2025-07-04T14:00:00+07:00',
];

const timeArb = fc.constantFrom(...TIMES);
const certArb = fc.constantFrom('CS123456', 'CS654321');
const kindArb = fc.constantFrom('permanent' as const, 'temporary' as const);
const codeArb = fc.constantFrom('0101248141', '0300588569');
const roleArb = fc.constantFrom('owner', 'member');
const judgmentArb = fc.constantFrom('123/2025/HS-ST', '77/2024/HS-PT');
const nameArb = fc.constantFrom('Nguyễn Văn An', 'Nguyễn Văn Ân', 'Trần Văn An');

/** Any event about the person, with a unique id. */
export const personEventArb: fc.Arbitrary<PersonEvent> = fc
  .tuple(
    fc.oneof(
      fc.tuple(timeArb, nameArb).map(([t, n]) => build.registered(t, n)),
      fc.tuple(timeArb, nameArb).map(([t, n]) => build.corrected(t, { fullName: n })),
      fc.tuple(timeArb, fc.constantFrom('male', 'female')).map(([t, s]) => build.corrected(t, { sex: s })),
      fc.tuple(timeArb, kindArb, fc.constantFrom('HGD-01-000777', 'HGD-01-000888')).map(([t, k, h]) => build.residence(t, k, h)),
      fc.tuple(timeArb, kindArb).map(([t, k]) => build.residenceEnded(t, k)),
      fc.tuple(timeArb, fc.constantFrom('2025-07-02', '2025-08-01')).map(([t, d]) => build.death(t, d)),
      fc.tuple(timeArb, certArb, fc.constantFrom(100, 120.5), fc.constantFrom('2025-06-30', '2025-07-05')).map(([t, c, a, g]) => build.granted(t, c, a, g)),
      fc.tuple(timeArb, certArb, fc.constantFrom(80, 99.5)).map(([t, c, a]) => build.updated(t, c, a)),
      fc.tuple(timeArb, certArb).map(([t, c]) => build.revoked(t, c)),
      fc.tuple(timeArb, codeArb, roleArb).map(([t, c, r]) => build.roleAssigned(t, c, r)),
      fc.tuple(timeArb, codeArb, roleArb).map(([t, c, r]) => build.roleEnded(t, c, r)),
      fc.tuple(timeArb, judgmentArb).map(([t, j]) => build.convicted(t, j)),
      fc.tuple(timeArb, judgmentArb).map(([t, j]) => build.expunged(t, j)),
      fc.tuple(timeArb, judgmentArb).map(([t, j]) => build.banned(t, j)),
    ),
    fc.option(fc.constantFrom('0001', '0002', '0010'), { nil: undefined }),
  )
  .map(([built, sequence]) => (sequence === undefined ? built : ({ ...built, sequence } as PersonEvent)));
