// Administrative and land codes, checked by form only (identifiers.md): membership in a unit list is
// a deployment's choice. The forms are the schemas' own patterns, so the two cannot disagree.
import { certificateNo, communeCode, landUseCode, provinceCode } from '../schemas/fragments.ts';

const PROVINCE_CODE_FORM = new RegExp(provinceCode.pattern);
const COMMUNE_CODE_FORM = new RegExp(communeCode.pattern);
const CERTIFICATE_NO_FORM = new RegExp(certificateNo.pattern);
const LAND_USE_CODE_FORM = new RegExp(landUseCode.pattern);

/** A province or city code since 1 July 2025: 2 digits. */
export function isProvinceCode(value: string): boolean {
  return PROVINCE_CODE_FORM.test(value);
}

/** A commune, ward or special zone code: 5 digits. */
export function isCommuneCode(value: string): boolean {
  return COMMUNE_CODE_FORM.test(value);
}

/** A land-use right certificate's issue number: 2 capitals + 6 digits, e.g. CS123456. */
export function isCertificateNo(value: string): boolean {
  return CERTIFICATE_NO_FORM.test(value);
}

/** A national land-use code: 2–3 capitals, e.g. ODT, ONT, LUC, CLN. */
export function isLandUseCode(value: string): boolean {
  return LAND_USE_CODE_FORM.test(value);
}
