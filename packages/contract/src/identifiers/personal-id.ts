// Personal identification number (số định danh cá nhân): 12 digits, PPP G YY NNNNNN (identifiers.md).
// Validity is form + birth province. Whether G/YY agree with a date of birth and sex is a separate
// question with a separate answer: registries hold legacy mismatches, and the hub keeps their data
// and reports ID_BIRTH_MISMATCH instead of rejecting it.
import { personalId as personalIdSchema } from '../schemas/fragments.ts';
import { invalid, VALID, type IdentifierCheck } from './check.ts';
import { BIRTH_PROVINCE_CODES, isBirthProvinceCode } from './province-codes.ts';

/** The form of a valid personal ID as one regular expression, for route schemas and OpenAPI documents: a known birth-province code, then 9 digits. */
export const PERSONAL_ID_PATTERN = `^(?:${Object.keys(BIRTH_PROVINCE_CODES).join('|')})[0-9]{9}$`;

export type Sex = 'male' | 'female';

const PERSONAL_ID_FORM = new RegExp(personalIdSchema.pattern);
const FIRST_ENCODED_YEAR = 1900;
const LAST_ENCODED_YEAR = 2399;

export interface PersonalIdParts {
  /** PPP: where the birth was registered, a pre-2025 province code. */
  birthProvinceCode: string;
  /** G: century and sex; even male, odd female, 0/1 for 1900–1999 up to 8/9 for 2300–2399. */
  centuryAndSexDigit: number;
  /** YY: the last two digits of the year of birth. */
  yearOfCentury: number;
  serial: string;
}

export function checkPersonalId(value: string): IdentifierCheck {
  if (!PERSONAL_ID_FORM.test(value)) return invalid('must be 12 digits');
  const province = value.slice(0, 3);
  if (!isBirthProvinceCode(province)) return invalid(`has an unknown province code ${province}`);
  return VALID;
}

export function isValidPersonalId(value: string): boolean {
  return checkPersonalId(value).valid;
}

export function parsePersonalId(value: string): PersonalIdParts | undefined {
  if (!isValidPersonalId(value)) return undefined;
  return {
    birthProvinceCode: value.slice(0, 3),
    centuryAndSexDigit: Number(value[3]),
    yearOfCentury: Number(value.slice(4, 6)),
    serial: value.slice(6),
  };
}

/** G for a year of birth and sex, or undefined for a year the number cannot encode. */
export function centuryAndSexDigit(yearOfBirth: number, sex: Sex): number | undefined {
  if (!Number.isInteger(yearOfBirth) || yearOfBirth < FIRST_ENCODED_YEAR || yearOfBirth > LAST_ENCODED_YEAR) return undefined;
  const century = Math.floor((yearOfBirth - FIRST_ENCODED_YEAR) / 100);
  return century * 2 + (sex === 'female' ? 1 : 0);
}

export interface BirthFacts {
  /** YYYY-MM-DD; only the year is encoded in the number. */
  dateOfBirth?: string;
  sex?: Sex;
}

export type BirthConsistency = { consistent: true } | { consistent: false; reason: string };

const CONSISTENT: BirthConsistency = Object.freeze({ consistent: true });

/**
 * Do the number's G and YY digits agree with the registered date of birth and sex? Checks only the
 * facts given, so a correction that changes just the sex can be checked on its own.
 */
export function checkIdBirthConsistency(personalId: string, facts: BirthFacts): BirthConsistency {
  const parts = parsePersonalId(personalId);
  if (!parts) return { consistent: false, reason: 'the personal ID is not valid' };
  const encodedSex: Sex = parts.centuryAndSexDigit % 2 === 0 ? 'male' : 'female';
  const encodedCenturyStart = FIRST_ENCODED_YEAR + Math.floor(parts.centuryAndSexDigit / 2) * 100;
  const problems: string[] = [];
  if (facts.sex !== undefined && facts.sex !== encodedSex) {
    problems.push(`digit G=${parts.centuryAndSexDigit} encodes ${encodedSex}, the registry says ${facts.sex}`);
  }
  if (facts.dateOfBirth !== undefined) {
    const year = Number(facts.dateOfBirth.slice(0, 4));
    const encodedYear = encodedCenturyStart + parts.yearOfCentury;
    if (year !== encodedYear) problems.push(`digits G and YY encode birth in ${encodedYear}, the registry says ${facts.dateOfBirth}`);
  }
  return problems.length === 0 ? CONSISTENT : { consistent: false, reason: problems.join('; ') };
}
