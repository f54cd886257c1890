// Data schemas of the judicial records registry's events, events.md §2.
import type { JSONSchema } from 'json-schema-to-ts';
import { calendarDate, judgmentNo, personalId, text } from './fragments.ts';

export const convictionRecordedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.judicial.conviction-recorded.v1',
  title: 'vn.lgsp.judicial.conviction-recorded.v1',
  description: 'A conviction entered the judicial record.',
  type: 'object',
  required: ['personalId', 'judgmentNo', 'court', 'judgmentDate', 'offence', 'sentence'],
  properties: {
    personalId,
    judgmentNo,
    court: text(200),
    judgmentDate: calendarDate,
    offence: { type: 'string', description: 'The offence as the code cites it, e.g. "BLHS-2015 Điều 173".', minLength: 1, maxLength: 300 },
    sentence: text(500),
  },
  additionalProperties: false,
} as const satisfies JSONSchema;

export const convictionExpungedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.judicial.conviction-expunged.v1',
  title: 'vn.lgsp.judicial.conviction-expunged.v1',
  description: 'A conviction was expunged (xóa án tích).',
  type: 'object',
  required: ['personalId', 'judgmentNo', 'expungedOn'],
  properties: {
    personalId,
    judgmentNo,
    expungedOn: calendarDate,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;

export const banImposedV1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:lgsp:schema:vn.lgsp.judicial.ban-imposed.v1',
  title: 'vn.lgsp.judicial.ban-imposed.v1',
  description: 'A ban from managing an enterprise, holding office or practising a profession; open-ended without until.',
  type: 'object',
  required: ['personalId', 'judgmentNo', 'ban', 'from'],
  properties: {
    personalId,
    judgmentNo,
    ban: { type: 'string', enum: ['manage-enterprise', 'hold-office', 'practise-profession'] },
    from: calendarDate,
    until: calendarDate,
  },
  additionalProperties: false,
} as const satisfies JSONSchema;
