import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BIRTH_PROVINCE_CODES,
  centuryAndSexDigit,
  checkEnterpriseCode,
  checkIdBirthConsistency,
  checkPersonalId,
  createGenerator,
  createRandom,
  enterpriseCheckDigit,
  ENTERPRISE_CHECK_WEIGHTS,
  generatePersonalId,
  isCertificateNo,
  isCommuneCode,
  isLandUseCode,
  isProvinceCode,
  isValidEnterpriseCode,
  isValidPersonalId,
  parsePersonalId,
} from '@lgsp/contract';

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const sex = fc.constantFrom('male' as const, 'female' as const);
const dateOfBirth = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2399-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Every code that differs from `code` in exactly one of the given digit positions. */
function singleDigitSubstitutions(code: string, positions: readonly number[]): string[] {
  const variants: string[] = [];
  for (const position of positions) {
    for (let digit = 0; digit <= 9; digit++) {
      if (String(digit) === code[position]) continue;
      variants.push(code.slice(0, position) + String(digit) + code.slice(position + 1));
    }
  }
  return variants;
}

describe('personal ID', () => {
  it('knows the 63 birth provinces of identifiers.md', () => {
    expect(Object.keys(BIRTH_PROVINCE_CODES)).toHaveLength(63);
    expect(BIRTH_PROVINCE_CODES['001']).toBe('Hà Nội');
    expect(BIRTH_PROVINCE_CODES['096']).toBe('Cà Mau');
    expect(BIRTH_PROVINCE_CODES['003']).toBeUndefined();
  });

  it('is valid with 12 digits and a known province, whatever its birth digits', () => {
    expect(checkPersonalId('001203012345')).toEqual({ valid: true });
    expect(checkPersonalId('00120301234')).toEqual({ valid: false, reason: 'must be 12 digits' });
    expect(checkPersonalId('00120301234a').valid).toBe(false);
    expect(checkPersonalId('003203012345')).toEqual({ valid: false, reason: 'has an unknown province code 003' });
    expect(checkPersonalId('097203012345').valid).toBe(false);
    expect(parsePersonalId('079304056789')).toEqual({ birthProvinceCode: '079', centuryAndSexDigit: 3, yearOfCentury: 4, serial: '056789' });
  });

  it('encodes century and sex in G: 0/1 for the 1900s up to 8/9 for the 2300s', () => {
    expect(centuryAndSexDigit(1985, 'male')).toBe(0);
    expect(centuryAndSexDigit(1999, 'female')).toBe(1);
    expect(centuryAndSexDigit(2000, 'male')).toBe(2);
    expect(centuryAndSexDigit(2003, 'female')).toBe(3);
    expect(centuryAndSexDigit(2150, 'male')).toBe(4);
    expect(centuryAndSexDigit(2399, 'female')).toBe(9);
    expect(centuryAndSexDigit(1899, 'male')).toBeUndefined();
    expect(centuryAndSexDigit(2400, 'male')).toBeUndefined();
  });

  it('checks consistency with the date of birth and sex separately from validity', () => {
    expect(checkIdBirthConsistency('001203012345', { dateOfBirth: '2003-04-05', sex: 'male' })).toEqual({ consistent: true });
    const wrongSex = checkIdBirthConsistency('001203012345', { dateOfBirth: '2003-04-05', sex: 'female' });
    expect(wrongSex).toEqual({ consistent: false, reason: 'digit G=2 encodes male, the registry says female' });
    const wrongYear = checkIdBirthConsistency('001203012345', { dateOfBirth: '1903-04-05' });
    expect(wrongYear).toEqual({ consistent: false, reason: 'digits G and YY encode birth in 2003, the registry says 1903-04-05' });
    expect(checkIdBirthConsistency('001203012345', { sex: 'male' })).toEqual({ consistent: true });
    expect(checkIdBirthConsistency('001203012345', {})).toEqual({ consistent: true });
    expect(isValidPersonalId('001103012345')).toBe(true); // valid, though inconsistent with a birth in 2003
  });

  it('generated for a date of birth and sex: always valid and always consistent', () => {
    fc.assert(
      fc.property(seed, dateOfBirth, sex, (s, born, personSex) => {
        const id = generatePersonalId(createRandom(s), { dateOfBirth: born, sex: personSex });
        expect(checkPersonalId(id)).toEqual({ valid: true });
        expect(checkIdBirthConsistency(id, { dateOfBirth: born, sex: personSex })).toEqual({ consistent: true });
      }),
    );
  });

  it('generated with a deliberate mismatch: still valid, never consistent', () => {
    fc.assert(
      fc.property(seed, dateOfBirth, sex, fc.constantFrom('sex' as const, 'year' as const), (s, born, personSex, mismatch) => {
        const id = generatePersonalId(createRandom(s), { dateOfBirth: born, sex: personSex, mismatch });
        expect(isValidPersonalId(id)).toBe(true);
        expect(checkIdBirthConsistency(id, { dateOfBirth: born, sex: personSex }).consistent).toBe(false);
      }),
    );
  });
});

describe('enterprise code', () => {
  it('matches the worked examples of identifiers.md', () => {
    // 0300588569: Σ = 375, 375 mod 11 = 1, d10 = 9. 0101248141: Σ = 207, 207 mod 11 = 9, d10 = 1.
    const sum = (digits: string) => [...digits].reduce((total, digit, i) => total + Number(digit) * ENTERPRISE_CHECK_WEIGHTS[i]!, 0);
    expect(sum('030058856')).toBe(375);
    expect(sum('010124814')).toBe(207);
    expect(enterpriseCheckDigit('030058856')).toBe(9);
    expect(enterpriseCheckDigit('010124814')).toBe(1);
    expect(checkEnterpriseCode('0300588569')).toEqual({ valid: true });
    expect(checkEnterpriseCode('0101248141')).toEqual({ valid: true });
    expect(checkEnterpriseCode('0101248141-001')).toEqual({ valid: true });
  });

  it('rejects a wrong form, a wrong check digit, and a code whose check digit would be 10', () => {
    expect(checkEnterpriseCode('0101248142')).toEqual({ valid: false, reason: 'fails the check digit' });
    expect(checkEnterpriseCode('010124814').valid).toBe(false);
    expect(checkEnterpriseCode('0101248141-01').valid).toBe(false);
    expect(checkEnterpriseCode('0101248141001').valid).toBe(false);
    expect(enterpriseCheckDigit('010000005')).toBeUndefined(); // Σ = 29·1 + 3·5 = 44 ≡ 0 (mod 11)
    for (let digit = 0; digit <= 9; digit++) expect(isValidEnterpriseCode(`010000005${digit}`)).toBe(false);
  });

  it('has weights that are all non-zero mod 11, which is why one wrong digit is always caught', () => {
    for (const weight of ENTERPRISE_CHECK_WEIGHTS) expect(weight % 11).not.toBe(0);
  });

  it('generated: always valid, in both forms', () => {
    fc.assert(
      fc.property(seed, fc.boolean(), (s, dependentUnit) => {
        const code = createGenerator(s).enterpriseCode({ dependentUnit });
        expect(checkEnterpriseCode(code)).toEqual({ valid: true });
        expect(code).toHaveLength(dependentUnit ? 14 : 10);
      }),
    );
  });

  it('detects every single-digit substitution in its first ten digits', () => {
    fc.assert(
      fc.property(seed, fc.boolean(), (s, dependentUnit) => {
        const code = createGenerator(s).enterpriseCode({ dependentUnit });
        for (const variant of singleDigitSubstitutions(code, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])) {
          expect(isValidEnterpriseCode(variant), `${code} → ${variant}`).toBe(false);
        }
      }),
    );
  });

  it("cannot detect a change in a dependent unit's suffix, which carries no check digit", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const code = createGenerator(s).enterpriseCode({ dependentUnit: true });
        for (const variant of singleDigitSubstitutions(code, [11, 12, 13])) expect(isValidEnterpriseCode(variant)).toBe(true);
      }),
    );
  });

  it('detects swapping two different adjacent digits among the first nine', () => {
    // Σ changes by (wᵢ − wᵢ₊₁)(dᵢ₊₁ − dᵢ); every difference of neighbouring weights is non-zero mod 11.
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: 7 }), (s, position) => {
        const code = createGenerator(s).enterpriseCode();
        if (code[position] === code[position + 1]) return;
        const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        expect(isValidEnterpriseCode(swapped)).toBe(false);
      }),
    );
  });
});

describe('administrative and land codes', () => {
  it('are checked by form', () => {
    expect(isProvinceCode('01')).toBe(true);
    expect(isProvinceCode('001')).toBe(false);
    expect(isCommuneCode('00004')).toBe(true);
    expect(isCommuneCode('0004')).toBe(false);
    expect(isCertificateNo('CS123456')).toBe(true);
    expect(isCertificateNo('Cs123456')).toBe(false);
    expect(isCertificateNo('CS1234567')).toBe(false);
    expect(isLandUseCode('ODT')).toBe(true);
    expect(isLandUseCode('LU')).toBe(true);
    expect(isLandUseCode('ODTX')).toBe(false);
    expect(isLandUseCode('odt')).toBe(false);
  });

  it('generated: always of the right form', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const generator = createGenerator(s);
        expect(isCommuneCode(generator.communeCode())).toBe(true);
        expect(isCertificateNo(generator.certificateNo())).toBe(true);
        expect(isLandUseCode(generator.landUseCode())).toBe(true);
        expect(isProvinceCode(generator.address().provinceCode)).toBe(true);
      }),
    );
  });
});
