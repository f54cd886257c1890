// Enterprise code (mã số doanh nghiệp): the tax code, 10 digits or 13 as 0101234567-001 for a
// dependent unit. Digit 10 is a check digit: d10 = 10 − (Σ wᵢ·dᵢ mod 11) over digits 1–9 with the
// weights below; a result of 10 is never issued (identifiers.md).
//
// What the check detects: every weight is non-zero mod 11 and 11 is prime, so changing one of
// digits 1–9 by δ (|δ| ≤ 9) changes Σ mod 11 by wᵢ·δ ≢ 0, and the required check digit changes
// (or becomes the never-issued 10). Any single-digit substitution among the first ten digits is
// therefore detected. The three digits of a dependent unit's suffix carry no check at all.
import { enterpriseCode as enterpriseCodeSchema } from '../schemas/fragments.ts';
import { invalid, VALID, type IdentifierCheck } from './check.ts';

export const ENTERPRISE_CHECK_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

const ENTERPRISE_CODE_FORM = new RegExp(enterpriseCodeSchema.pattern);
const NINE_DIGITS = /^[0-9]{9}$/;

/** The check digit for the first nine digits, or undefined when it would be 10 (never issued). */
export function enterpriseCheckDigit(firstNineDigits: string): number | undefined {
  if (!NINE_DIGITS.test(firstNineDigits)) throw new RangeError('enterpriseCheckDigit takes exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += ENTERPRISE_CHECK_WEIGHTS[i]! * (firstNineDigits.charCodeAt(i) - 48);
  const digit = 10 - (sum % 11);
  return digit === 10 ? undefined : digit;
}

export function checkEnterpriseCode(value: string): IdentifierCheck {
  if (!ENTERPRISE_CODE_FORM.test(value)) return invalid('must be 10 digits, or 13 as 0101234567-001');
  const expected = enterpriseCheckDigit(value.slice(0, 9));
  if (expected === undefined) return invalid('cannot be an enterprise code: its first nine digits give check digit 10, which is never issued');
  if (Number(value[9]) !== expected) return invalid('fails the check digit');
  return VALID;
}

export function isValidEnterpriseCode(value: string): boolean {
  return checkEnterpriseCode(value).valid;
}
