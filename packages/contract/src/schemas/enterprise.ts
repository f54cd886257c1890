// Data schemas of the enterprise registry's events (business registration), events.md §2.
import type { JSONSchema } from 'json-schema-to-ts';
import { calendarDate, enterpriseCode, enterpriseRole, personalId, text } from './fragments.ts';

const enterpriseName = text(300);

export const roleAssignedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.enterprise.role-assigned.v1',
  title: 'vn.lgsp.enterprise.role-assigned.v1',
  description: 'A person took a role in an enterprise.',
  type: 'object',
  required: ['personalId', 'enterpriseCode', 'enterpriseName', 'role', 'since'],
  properties: {
    personalId,
    enterpriseCode,
    enterpriseName,
    role: enterpriseRole,
    since: calendarDate,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;

export const roleEndedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.enterprise.role-ended.v1',
  title: 'vn.lgsp.enterprise.role-ended.v1',
  description: 'A person left a role in an enterprise.',
  type: 'object',
  required: ['personalId', 'enterpriseCode', 'role', 'until'],
  properties: {
    personalId,
    enterpriseCode,
    role: enterpriseRole,
    until: calendarDate,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;

export const statusChangedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.enterprise.status-changed.v1',
  title: 'vn.lgsp.enterprise.status-changed.v1',
  description: "An enterprise's status changed; the event's subject is the enterprise code.",
  type: 'object',
  required: ['enterpriseCode', 'enterpriseName', 'status', 'since'],
  properties: {
    enterpriseCode,
    enterpriseName,
    status: { type: 'string', enum: ['active', 'suspended', 'dissolved', 'bankrupt'] },
    since: calendarDate,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;
