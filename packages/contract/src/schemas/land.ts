// Data schemas of the land registry's events (land-use rights), events.md §2.
import type { JSONSchema } from 'json-schema-to-ts';
import { calendarDate, certificateNo, landUseCode, parcel, personalId } from './fragments.ts';

const areaM2 = { type: 'number', description: 'Area in square metres.', exclusiveMinimum: 0 } as const;

export const rightGrantedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.land.right-granted.v1',
  title: 'vn.lgsp.land.right-granted.v1',
  description: 'A land-use right was granted (or received by transfer), known by its certificate number.',
  type: 'object',
  required: ['personalId', 'certificateNo', 'parcel', 'areaM2', 'landUse', 'grantedOn'],
  properties: {
    personalId,
    certificateNo,
    parcel,
    areaM2,
    landUse: landUseCode,
    grantedOn: calendarDate,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;

export const rightUpdatedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.land.right-updated.v1',
  title: 'vn.lgsp.land.right-updated.v1',
  description: 'A land-use right changed; carries at least one of areaM2, landUse.',
  type: 'object',
  required: ['personalId', 'certificateNo'],
  properties: {
    personalId,
    certificateNo,
    areaM2,
    landUse: landUseCode,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;

export const rightRevokedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.land.right-revoked.v1',
  title: 'vn.lgsp.land.right-revoked.v1',
  description: 'A land-use right ended for its holder.',
  type: 'object',
  required: ['personalId', 'certificateNo', 'reason', 'revokedOn'],
  properties: {
    personalId,
    certificateNo,
    reason: { type: 'string', enum: ['transferred', 'revoked', 'surrendered', 'corrected'] },
    revokedOn: calendarDate,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;
