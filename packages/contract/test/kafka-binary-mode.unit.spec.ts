import fc from 'fast-check';
import type { IHeaders, Message } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { isHubError } from '@lgsp/runtime';
import { createGenerator, decodeKafkaMessage, encodeKafkaMessage, EVENT_TYPES, validateEvent, type HubEvent } from '@lgsp/contract';

const PERSON_SEED = 11;

/** What a consumer receives: every header value and the value as Buffers. */
function asConsumed(message: Message): Message {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = Buffer.from(String(value), 'utf8');
  return { ...message, value: Buffer.from(String(message.value), 'utf8'), headers };
}

function sampleEvent(): HubEvent {
  const generator = createGenerator(PERSON_SEED);
  return generator.eventsOfEveryType(generator.person())[0]!;
}

function decodeError(message: Message): { code: string; detail: string; pointer: string | undefined } {
  try {
    decodeKafkaMessage(message);
  } catch (error) {
    if (!isHubError(error)) throw error;
    return { code: error.code, detail: error.message, pointer: error.errors?.[0]?.pointer };
  }
  throw new Error('decoding succeeded');
}

const hubAttributes = fc.record(
  {
    lgspreceivedat: fc.constantFrom('2025-07-01T08:00:01.123+07:00', '2025-07-01T01:00:01Z'),
    lgspagency: fc.constantFrom('land-registration-office', 'judicial-records-centre'),
    traceparent: fc.constant('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
    sequence: fc.stringMatching(/^[0-9]{1,20}$/),
  },
  { requiredKeys: [] },
);

describe('CloudEvents on Kafka, binary mode', () => {
  it('puts attributes in ce_ headers, the data in the value and the subject in the key', () => {
    const event = { ...sampleEvent(), lgspagency: 'household-office', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    const message = encodeKafkaMessage(event);
    expect(message.key).toBe(event.subject);
    expect(JSON.parse(String(message.value))).toEqual(event.data);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: event.source,
      ce_type: event.type,
      ce_subject: event.subject,
      ce_time: event.time,
      ce_dataschema: event.dataschema,
      ce_sequence: event.sequence,
      ce_lgspagency: 'household-office',
      ce_traceparent: event.traceparent,
      'content-type': 'application/json',
    });
  });

  it('round-trips every generated event: decode(encode(e)) equals e, also as a consumer receives it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: EVENT_TYPES.length - 1 }), hubAttributes, (seed, index, extra) => {
        const generator = createGenerator(seed);
        const event = { ...generator.eventsOfEveryType(generator.person())[index]!, ...extra };
        const message = encodeKafkaMessage(event);
        expect(decodeKafkaMessage(message)).toStrictEqual(event);
        const decoded = decodeKafkaMessage(asConsumed(message));
        expect(decoded).toStrictEqual(event);
        expect(validateEvent(decoded).ok).toBe(true);
      }),
    );
  });

  it('rejects a record missing a required attribute with a typed error naming the header', () => {
    const message = encodeKafkaMessage(sampleEvent());
    for (const name of ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_subject', 'ce_time', 'ce_dataschema', 'content-type']) {
      const headers = { ...message.headers };
      delete headers[name];
      expect(decodeError({ ...message, headers })).toMatchObject({ code: 'EVENT_MESSAGE_UNDECODABLE', pointer: `/headers/${name}` });
    }
    expect(decodeError({ value: message.value })).toMatchObject({ code: 'EVENT_MESSAGE_UNDECODABLE', pointer: '/headers/ce_specversion' });
  });

  it('rejects repeated attributes, another content type, no value and a value that is not JSON', () => {
    const message = encodeKafkaMessage(sampleEvent());
    expect(decodeError({ ...message, headers: { ...message.headers, ce_id: ['a', 'b'] } }).pointer).toBe('/headers/ce_id');
    expect(decodeError({ ...message, headers: { ...message.headers, CE_ID: 'again' } }).detail).toBe('attribute id appears in more than one header');
    expect(decodeError({ ...message, headers: { ...message.headers, 'content-type': 'application/avro' } }).pointer).toBe('/headers/content-type');
    expect(decodeError({ ...message, value: null }).pointer).toBe('/value');
    expect(decodeError({ ...message, value: Buffer.from('{"personalId":') }).pointer).toBe('/value');
  });

  it('accepts a content type with parameters and keeps an unknown extension for validation to reject', () => {
    const event = sampleEvent();
    const message = encodeKafkaMessage(event);
    const decoded = decodeKafkaMessage({ ...message, headers: { ...message.headers, 'content-type': 'application/json; charset=utf-8', ce_partitionkey: 'x', 'x-request-id': 'r1' } });
    expect(decoded).toStrictEqual({ ...event, partitionkey: 'x' });
    const validation = validateEvent(decoded);
    expect(validation.ok ? [] : validation.errors.map((error) => error.pointer)).toEqual(['/partitionkey']);
  });
});
