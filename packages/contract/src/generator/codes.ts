// Valid codes for tests and benchmarks: enterprise codes with their check digit, certificate
// numbers, commune codes and land-use codes.
import { enterpriseCheckDigit } from '../identifiers/enterprise-code.ts';
import type { Random } from './random.ts';
import { LAND_USE_CODES } from './sample-data.ts';

// The first two digits of a tax code name the tax office's province; a few real ones.
const TAX_OFFICE_PREFIXES = ['01', '02', '03', '04', '05', '09', '10', '31', '36', '37'] as const;
const CAPITALS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

export function generateEnterpriseCode(random: Random, { dependentUnit = false } = {}): string {
  for (;;) {
    const firstNine = random.pick(TAX_OFFICE_PREFIXES) + random.digits(7);
    const check = enterpriseCheckDigit(firstNine);
    if (check === undefined) continue; // a check digit of 10 is never issued: draw again
    const code = `${firstNine}${check}`;
    return dependentUnit ? `${code}-${String(random.int(1, 999)).padStart(3, '0')}` : code;
  }
}

export function generateCertificateNo(random: Random): string {
  return random.pick(CAPITALS) + random.pick(CAPITALS) + random.digits(6);
}

export function generateCommuneCode(random: Random): string {
  return String(random.int(1, 99_999)).padStart(5, '0');
}

export function generateLandUseCode(random: Random): string {
  return random.pick(LAND_USE_CODES);
}
