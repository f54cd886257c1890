// Valid canonical events about a generated person, of any type of the catalogue. Times advance
// from a fixed start, ids count per registry, and sequence sorts in change order per source, so
// the same seed gives the same events.
import { buildEvent } from '../build-event.ts';
import { registryOfType, type EventType, type Registry } from '../schemas/catalogue.ts';
import type { DataOf, EventOf, HubEvent } from '../types.ts';
import { generateCertificateNo, generateCommuneCode, generateEnterpriseCode, generateLandUseCode } from './codes.ts';
import { addDays, dateOfTime, formatTime } from './dates.ts';
import type { Person } from './people.ts';
import type { Random } from './random.ts';
import { COURTS, ENTERPRISE_KINDS, ENTERPRISE_WORDS, OFFENCES, SENTENCES } from './sample-data.ts';

/** What a person's events refer to, drawn once so that an update names the right it updates. */
export interface Holdings {
  certificateNo: string;
  parcel: DataOf<'vn.lgsp.land.right-granted.v1'>['parcel'];
  areaM2: number;
  landUse: string;
  enterpriseCode: string;
  enterpriseName: string;
  judgmentNo: string;
}

export interface EventGeneratorOptions {
  /** Time of the first event; later events follow it. Defaults to 2025-07-01T08:00:00+07:00. */
  start?: string;
  /** Largest gap between consecutive events, in seconds (default one day). */
  maxStepSeconds?: number;
}

export interface EventGenerator {
  holdings(): Holdings;
  event<T extends EventType>(type: T, person: Person, holdings?: Holdings): EventOf<T>;
  /** One event of every type about the person, in an order a registry could have produced them. */
  eventsOfEveryType(person: Person): HubEvent[];
}

type DataBuilder<T extends EventType> = (person: Person, holdings: Holdings, date: string) => { subject: string; data: DataOf<T> };

const CHANGE_ID_PREFIX: Record<Registry, string> = { household: 'HT', land: 'BD', enterprise: 'DN', judicial: 'LLTP' };

// The order of a plausible life: registered first, death last; every referenced right, role and
// judgment comes into being before it changes or ends.
const LIFE_ORDER: readonly EventType[] = [
  'vn.lgsp.household.citizen-registered.v1',
  'vn.lgsp.household.residence-registered.v1',
  'vn.lgsp.household.identity-corrected.v1',
  'vn.lgsp.land.right-granted.v1',
  'vn.lgsp.land.right-updated.v1',
  'vn.lgsp.enterprise.role-assigned.v1',
  'vn.lgsp.enterprise.status-changed.v1',
  'vn.lgsp.judicial.conviction-recorded.v1',
  'vn.lgsp.judicial.ban-imposed.v1',
  'vn.lgsp.enterprise.role-ended.v1',
  'vn.lgsp.land.right-revoked.v1',
  'vn.lgsp.judicial.conviction-expunged.v1',
  'vn.lgsp.household.residence-ended.v1',
  'vn.lgsp.household.death-registered.v1',
];

export function createEventGenerator(random: Random, { start = '2025-07-01T08:00:00+07:00', maxStepSeconds = 86_400 }: EventGeneratorOptions = {}): EventGenerator {
  let clockMs = Date.parse(start);
  if (Number.isNaN(clockMs)) throw new RangeError(`start ${start} is not an RFC 3339 time`);
  const changeCounts: Record<Registry, number> = { household: 0, land: 0, enterprise: 0, judicial: 0 };

  const nextTime = (): string => {
    clockMs += random.int(1, maxStepSeconds) * 1000;
    return formatTime(clockMs);
  };

  const holdings = (): Holdings => ({
    certificateNo: generateCertificateNo(random),
    parcel: { communeCode: generateCommuneCode(random), mapSheet: random.int(1, 120), parcelNo: random.int(1, 2000) },
    areaM2: random.int(300, 50_000) / 10,
    landUse: generateLandUseCode(random),
    enterpriseCode: generateEnterpriseCode(random),
    enterpriseName: `${random.pick(ENTERPRISE_KINDS)} ${random.pick(ENTERPRISE_WORDS)}`,
    judgmentNo: `${random.int(1, 999)}/${random.int(2010, 2025)}/HS-ST`,
  });

  const builders: { [T in EventType]: DataBuilder<T> } = {
    'vn.lgsp.household.citizen-registered.v1': (p) => ({
      subject: p.personalId,
      data: { personalId: p.personalId, fullName: p.fullName, dateOfBirth: p.dateOfBirth, sex: p.sex, nationality: p.nationality, ethnicity: p.ethnicity },
    }),
    'vn.lgsp.household.identity-corrected.v1': (p) => ({ subject: p.personalId, data: { personalId: p.personalId, fullName: p.fullName } }),
    'vn.lgsp.household.residence-registered.v1': (p, _h, date) => ({
      subject: p.personalId,
      data: { personalId: p.personalId, kind: 'temporary', address: p.address, householdId: p.householdId, relationToHead: p.relationToHead, validUntil: addDays(date, 365) },
    }),
    'vn.lgsp.household.residence-ended.v1': (p, _h, date) => ({ subject: p.personalId, data: { personalId: p.personalId, kind: 'temporary', endedOn: date } }),
    'vn.lgsp.household.death-registered.v1': (p, _h, date) => ({ subject: p.personalId, data: { personalId: p.personalId, dateOfDeath: date } }),
    'vn.lgsp.land.right-granted.v1': (p, h, date) => ({
      subject: p.personalId,
      data: { personalId: p.personalId, certificateNo: h.certificateNo, parcel: h.parcel, areaM2: h.areaM2, landUse: h.landUse, grantedOn: date },
    }),
    'vn.lgsp.land.right-updated.v1': (p, h) => ({ subject: p.personalId, data: { personalId: p.personalId, certificateNo: h.certificateNo, areaM2: h.areaM2 + 10 } }),
    'vn.lgsp.land.right-revoked.v1': (p, h, date) => ({
      subject: p.personalId,
      data: { personalId: p.personalId, certificateNo: h.certificateNo, reason: 'transferred', revokedOn: date },
    }),
    'vn.lgsp.enterprise.role-assigned.v1': (p, h, date) => ({
      subject: p.personalId,
      data: { personalId: p.personalId, enterpriseCode: h.enterpriseCode, enterpriseName: h.enterpriseName, role: 'legal-representative', since: date },
    }),
    'vn.lgsp.enterprise.role-ended.v1': (p, h, date) => ({
      subject: p.personalId,
      data: { personalId: p.personalId, enterpriseCode: h.enterpriseCode, role: 'legal-representative', until: date },
    }),
    'vn.lgsp.enterprise.status-changed.v1': (_p, h, date) => ({
      subject: h.enterpriseCode,
      data: { enterpriseCode: h.enterpriseCode, enterpriseName: h.enterpriseName, status: 'suspended', since: date },
    }),
    'vn.lgsp.judicial.conviction-recorded.v1': (p, h, date) => ({
      subject: p.personalId,
      data: { personalId: p.personalId, judgmentNo: h.judgmentNo, court: random.pick(COURTS), judgmentDate: date, offence: random.pick(OFFENCES), sentence: random.pick(SENTENCES) },
    }),
    'vn.lgsp.judicial.conviction-expunged.v1': (p, h, date) => ({ subject: p.personalId, data: { personalId: p.personalId, judgmentNo: h.judgmentNo, expungedOn: date } }),
    'vn.lgsp.judicial.ban-imposed.v1': (p, h, date) => ({
      subject: p.personalId,
      data: { personalId: p.personalId, judgmentNo: h.judgmentNo, ban: 'manage-enterprise', from: date, until: addDays(date, 3 * 365) },
    }),
  };

  const event = <T extends EventType>(type: T, person: Person, held: Holdings = holdings()): EventOf<T> => {
    const registry = registryOfType(type);
    changeCounts[registry] += 1;
    const count = changeCounts[registry];
    const time = nextTime();
    const { subject, data } = builders[type](person, held, dateOfTime(time));
    return buildEvent(type, {
      id: `${CHANGE_ID_PREFIX[registry]}-${time.slice(0, 4)}-${String(count).padStart(6, '0')}`,
      subject,
      time,
      sequence: String(count).padStart(12, '0'),
      data,
    });
  };

  return {
    holdings,
    event,
    eventsOfEveryType: (person) => {
      const held = holdings();
      return LIFE_ORDER.map((type) => event(type, person, held) as HubEvent);
    },
  };
}
