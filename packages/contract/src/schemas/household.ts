// Data schemas of the household registry's events (civil status and residence), events.md §2.
import type { JSONSchema } from 'json-schema-to-ts';
import { address, calendarDate, personalId, personName, residenceKind, sex, text } from './fragments.ts';

export const citizenRegisteredV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.household.citizen-registered.v1',
  title: 'vn.lgsp.household.citizen-registered.v1',
  description: 'A citizen entered the civil-status registry (birth registration).',
  type: 'object',
  required: ['personalId', 'fullName', 'dateOfBirth', 'sex', 'nationality'],
  properties: {
    personalId,
    fullName: personName,
    dateOfBirth: calendarDate,
    sex,
    nationality: { type: 'string', description: 'ISO 3166-1 alpha-2 country code.', pattern: '^[A-Z]{2}$' },
    ethnicity: text(100),
  },
  additionalProperties: false,
} as const satisfies JSONSchema;

export const identityCorrectedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.household.identity-corrected.v1',
  title: 'vn.lgsp.household.identity-corrected.v1',
  description: 'Identity attributes corrected; carries at least one of fullName, dateOfBirth, sex, ethnicity.',
  type: 'object',
  required: ['personalId'],
  properties: {
    personalId,
    fullName: personName,
    dateOfBirth: calendarDate,
    sex,
    ethnicity: text(100),
  },
  additionalProperties: false,
} as const satisfies JSONSchema;

export const residenceRegisteredV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.household.residence-registered.v1',
  title: 'vn.lgsp.household.residence-registered.v1',
  description: 'Permanent or temporary residence registered; validUntil only for temporary residence.',
  type: 'object',
  required: ['personalId', 'kind', 'address', 'householdId', 'relationToHead'],
  properties: {
    personalId,
    kind: residenceKind,
    address,
    householdId: text(64),
    relationToHead: { type: 'string', enum: ['head', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'] },
    validUntil: calendarDate,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;

export const residenceEndedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.household.residence-ended.v1',
  title: 'vn.lgsp.household.residence-ended.v1',
  description: 'A residence of the given kind ended.',
  type: 'object',
  required: ['personalId', 'kind', 'endedOn'],
  properties: {
    personalId,
    kind: residenceKind,
    endedOn: calendarDate,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;

export const deathRegisteredV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.household.death-registered.v1',
  title: 'vn.lgsp.household.death-registered.v1',
  description: 'A death was registered.',
  type: 'object',
  required: ['personalId', 'dateOfDeath'],
  properties: {
    personalId,
    dateOfDeath: calendarDate,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;
