// Generated people: personal IDs whose G/YY digits match the date of birth and sex (unless a test
// asks for a mismatch), Vietnamese names, two-tier addresses, and households that share one.
import { BIRTH_PROVINCE_CODES } from '../identifiers/province-codes.ts';
import { centuryAndSexDigit, type Sex } from '../identifiers/personal-id.ts';
import type { DataOf } from '../types.ts';
import { addDays, dateOfEpochDay, epochDayOf } from './dates.ts';
import { generateCommuneCode } from './codes.ts';
import type { Random } from './random.ts';
import { ADDRESS_PROVINCES, ETHNICITIES, FAMILY_NAMES, GIVEN_NAMES, HAMLETS, MIDDLE_NAMES, STREETS } from './sample-data.ts';

type Residence = DataOf<'vn.lgsp.household.residence-registered.v1'>;
export type Address = Residence['address'];
export type RelationToHead = Residence['relationToHead'];

export interface Person {
  personalId: string;
  fullName: string;
  familyName: string;
  dateOfBirth: string;
  sex: Sex;
  nationality: string;
  ethnicity: string;
  address: Address;
  householdId: string;
  relationToHead: RelationToHead;
}

/** Which digits disagree with the registered birth: G's sex bit, or YY. */
export type IdBirthMismatch = 'sex' | 'year';

export interface PersonalIdOptions {
  dateOfBirth: string;
  sex: Sex;
  birthProvinceCode?: string;
  mismatch?: IdBirthMismatch;
}

const BIRTH_PROVINCES = Object.keys(BIRTH_PROVINCE_CODES);

export function generatePersonalId(random: Random, { dateOfBirth, sex, birthProvinceCode, mismatch }: PersonalIdOptions): string {
  const year = Number(dateOfBirth.slice(0, 4));
  let g = centuryAndSexDigit(year, sex);
  if (g === undefined) throw new RangeError(`a personal ID cannot encode the birth year ${year}`);
  let yearOfCentury = year % 100;
  if (mismatch === 'sex') g ^= 1;
  if (mismatch === 'year') yearOfCentury = (yearOfCentury + random.int(1, 99)) % 100;
  const province = birthProvinceCode ?? random.pick(BIRTH_PROVINCES);
  return `${province}${g}${String(yearOfCentury).padStart(2, '0')}${random.digits(6)}`;
}

export interface PersonOptions {
  sex?: Sex;
  dateOfBirth?: string;
  /** Range for a drawn date of birth, both included. Defaults to adults: 1945-01-01 to 2006-12-31. */
  bornBetween?: readonly [string, string];
  familyName?: string;
  address?: Address;
  householdId?: string;
  relationToHead?: RelationToHead;
  /** Deliberately disagree with the date of birth or sex (ID_BIRTH_MISMATCH tests). */
  idBirthMismatch?: IdBirthMismatch;
}

export interface HouseholdOptions {
  /** 1–8 people; drawn when absent. */
  size?: number;
  /** Share of members given a mismatching ID, 0 by default. */
  idBirthMismatchRate?: number;
}

export interface PeopleGenerator {
  person(options?: PersonOptions): Person;
  household(options?: HouseholdOptions): Person[];
  address(): Address;
}

export function createPeopleGenerator(random: Random): PeopleGenerator {
  const issuedIds = new Set<string>();
  let households = 0;

  const address = (): Address => {
    const provinceCode = random.pick(ADDRESS_PROVINCES);
    const line = random.chance(0.7) ? `Số ${random.int(1, 300)} ${random.pick(STREETS)}` : random.pick(HAMLETS);
    return { provinceCode, communeCode: generateCommuneCode(random), line };
  };

  const nextHouseholdId = (provinceCode: string): string => {
    households += 1;
    return `HGD-${provinceCode}-${String(households).padStart(6, '0')}`;
  };

  const uniquePersonalId = (options: PersonalIdOptions): string => {
    for (;;) {
      const id = generatePersonalId(random, options);
      if (!issuedIds.has(id)) {
        issuedIds.add(id);
        return id;
      }
    }
  };

  const person = (options: PersonOptions = {}): Person => {
    const sex = options.sex ?? (random.chance(0.5) ? 'male' : 'female');
    const [from, to] = options.bornBetween ?? ['1945-01-01', '2006-12-31'];
    const dateOfBirth = options.dateOfBirth ?? dateOfEpochDay(random.int(epochDayOf(from), epochDayOf(to)));
    const familyName = options.familyName ?? random.weighted(FAMILY_NAMES);
    const home = options.address ?? address();
    return {
      personalId: uniquePersonalId({ dateOfBirth, sex, ...(options.idBirthMismatch ? { mismatch: options.idBirthMismatch } : {}) }),
      fullName: `${familyName} ${random.pick(MIDDLE_NAMES[sex])} ${random.pick(GIVEN_NAMES[sex])}`,
      familyName,
      dateOfBirth,
      sex,
      nationality: 'VN',
      ethnicity: random.weighted(ETHNICITIES),
      address: home,
      householdId: options.householdId ?? nextHouseholdId(home.provinceCode),
      relationToHead: options.relationToHead ?? 'head',
    };
  };

  const household = ({ size = random.int(1, 6), idBirthMismatchRate = 0 }: HouseholdOptions = {}): Person[] => {
    if (!Number.isInteger(size) || size < 1 || size > 8) throw new RangeError('a household has 1 to 8 people');
    const mismatch = (): IdBirthMismatch | undefined => (random.chance(idBirthMismatchRate) ? random.pick(['sex', 'year'] as const) : undefined);
    const withMismatch = (options: PersonOptions): PersonOptions => {
      const kind = mismatch();
      return kind ? { ...options, idBirthMismatch: kind } : options;
    };
    const head = person(withMismatch({ bornBetween: ['1950-01-01', '1990-12-31'] }));
    const shared = { address: head.address, householdId: head.householdId };
    const members = [head];
    if (size >= 2) {
      const sex: Sex = head.sex === 'male' ? 'female' : 'male';
      members.push(person(withMismatch({ ...shared, sex, relationToHead: 'spouse', bornBetween: [addDays(head.dateOfBirth, -1500), addDays(head.dateOfBirth, 1500)] })));
    }
    // Children are born 20–40 years after the head, and no later than the end of 2024.
    const childrenFrom = addDays(head.dateOfBirth, 20 * 365);
    const childrenTo = [addDays(head.dateOfBirth, 40 * 365), '2024-12-31'].sort()[0]!;
    while (members.length < size) {
      members.push(person(withMismatch({ ...shared, familyName: head.familyName, relationToHead: 'child', bornBetween: [childrenFrom, childrenTo] })));
    }
    return members;
  };

  return { person, household, address };
}
