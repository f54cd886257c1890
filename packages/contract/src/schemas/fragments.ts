// Field schemas shared by the event types. Each type's schema embeds them by value, so every
// released schema file is self-contained (no $ref to resolve) and a change here shows up — and is
// checked for compatibility — in every file that uses it.
// Identifier forms only; check digits and province codes are in validation/rules.ts, because a
// schema cannot say them with a useful message.

export const personalId = {
  type: 'string',
  description: 'Personal identification number: 12 digits, PPP G YY NNNNNN (identifiers.md).',
  pattern: '^[0-9]{12}$',
} as const;

export const enterpriseCode = {
  type: 'string',
  description: 'Enterprise (tax) code: 10 digits with a check digit, or 13 as 0101234567-001 for a dependent unit.',
  pattern: '^[0-9]{10}(-[0-9]{3})?$',
} as const;

/** A calendar date; the `date` format rejects 2025-02-30. */
export const calendarDate = { type: 'string', format: 'date' } as const;

export const provinceCode = { type: 'string', description: 'Province code since 1 July 2025: 2 digits.', pattern: '^[0-9]{2}$' } as const;
export const communeCode = { type: 'string', description: 'Commune, ward or special zone code: 5 digits.', pattern: '^[0-9]{5}$' } as const;

export const address = {
  type: 'object',
  description: 'Two-tier address (province → commune), as in force since 1 July 2025.',
  required: ['provinceCode', 'communeCode', 'line'],
  properties: {
    provinceCode,
    communeCode,
    line: { type: 'string', minLength: 1, maxLength: 500 },
  },
  additionalProperties: false,
} as const;

export const parcel = {
  type: 'object',
  description: 'A land parcel: commune, map sheet (số tờ bản đồ) and parcel number (số thửa).',
  required: ['communeCode', 'mapSheet', 'parcelNo'],
  properties: {
    communeCode,
    mapSheet: { type: 'integer', minimum: 1 },
    parcelNo: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
} as const;

export const certificateNo = {
  type: 'string',
  description: 'Land-use right certificate issue number: 2 capital letters and 6 digits.',
  pattern: '^[A-Z]{2}[0-9]{6}$',
} as const;

export const landUseCode = { type: 'string', description: 'National land-use code, e.g. ODT, ONT, LUC, CLN.', pattern: '^[A-Z]{2,3}$' } as const;

export const personName = { type: 'string', minLength: 1, maxLength: 200 } as const;
export const sex = { type: 'string', enum: ['male', 'female'] } as const;
export const residenceKind = { type: 'string', enum: ['permanent', 'temporary'] } as const;
export const enterpriseRole = { type: 'string', enum: ['legal-representative', 'owner', 'member', 'shareholder'] } as const;
export const judgmentNo = { type: 'string', description: 'Judgment number as the court writes it, e.g. 123/2025/HS-ST.', minLength: 1, maxLength: 64 } as const;

/** Free text from a registry: never empty, bounded so one event cannot carry a document. */
export function text(maxLength: number) {
  return { type: 'string', minLength: 1, maxLength } as const;
}
