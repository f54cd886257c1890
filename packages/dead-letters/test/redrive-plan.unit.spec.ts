import { describe, expect, it } from 'vitest';
import { encodeKafkaMessage, type CloudEvent } from '@lgsp/contract';
import { headersAsStrings, type DeadLetter } from '@lgsp/kafka';
import { registryOfLetter } from '../src/letters.ts';
import { planRedrive } from '../src/redrive-plan.ts';

const event = {
  specversion: '1.0',
  id: 'BD-2025-000120',
  source: 'urn:lgsp:registry:land',
  type: 'vn.lgsp.land.right-granted.v1',
  subject: '001203012345',
  time: '2025-06-30T09:15:00+07:00',
  dataschema: 'urn:lgsp:schema:vn.lgsp.land.right-granted.v1',
  datacontenttype: 'application/json',
  data: { personalId: '001203012345', certificateNo: 'CS123456', parcel: { communeCode: '00004', mapSheet: 12, parcelNo: 345 }, areaM2: 120.5, landUse: 'ODT', grantedOn: '2025-06-30' },
} as unknown as CloudEvent;

const letter = (fields: Partial<DeadLetter>): DeadLetter => ({
  id: 'x',
  stage: 'consolidator',
  reason: 'r',
  source: 'lgsp.registry.land.v1',
  time: '2025-07-01T00:00:00.000Z',
  original: { encoding: 'utf8', body: '{}' },
  ...fields,
});

describe('the registry of a dead letter', () => {
  it('follows from the source topic, the adapter stage or the CloudEvent source', () => {
    expect(registryOfLetter(letter({ source: 't-1.lgsp.registry.judicial.v1' }))).toBe('judicial');
    expect(registryOfLetter(letter({ source: 'https://feed.example/changes', stage: 'adapter-household' }))).toBe('household');
    expect(registryOfLetter(letter({ source: 'elsewhere', stage: 'x', original: { encoding: 'utf8', body: '', headers: { ce_source: 'urn:lgsp:registry:enterprise' } } }))).toBe('enterprise');
    expect(registryOfLetter(letter({ source: 'elsewhere', stage: 'somewhere' }))).toBeUndefined();
  });
});

describe('planning a re-drive', () => {
  it('sends a native record to /v1/records as it was received', () => {
    const body = JSON.stringify({ maBienDong: 'BD-1' });
    expect(planRedrive(letter({ stage: 'adapter-land', original: { encoding: 'utf8', body } }), 'land')).toEqual({
      ok: true,
      request: { registry: 'land', path: '/v1/records', contentType: 'application/json', body },
    });
  });

  it('rebuilds a consolidator letter (Kafka binary mode) as a structured CloudEvent for /v1/events', () => {
    const message = encodeKafkaMessage(event);
    const plan = planRedrive(letter({ original: { encoding: 'utf8', body: String(message.value), headers: headersAsStrings(message.headers as Record<string, unknown>) } }), 'land');
    expect(plan.ok && plan.request.path).toBe('/v1/events');
    expect(plan.ok && JSON.parse(plan.request.body)).toEqual(event);
  });

  it('sends a structured CloudEvent original to /v1/events', () => {
    const plan = planRedrive(letter({ original: { encoding: 'utf8', body: JSON.stringify(event) } }), 'land');
    expect(plan).toMatchObject({ ok: true, request: { path: '/v1/events', contentType: 'application/cloudevents+json' } });
  });

  it('refuses what no adapter can take, saying why', () => {
    expect(planRedrive(letter({}), undefined)).toMatchObject({ ok: false, reason: expect.stringContaining('no registry') });
    expect(planRedrive(letter({ original: { encoding: 'base64', body: 'AAE=' } }), 'land')).toMatchObject({ ok: false, reason: expect.stringContaining('base64') });
    expect(planRedrive(letter({ original: { encoding: 'utf8', body: '{}', headers: { ce_id: 'only-this' } } }), 'land')).toMatchObject({ ok: false, reason: expect.stringContaining('cannot be rebuilt') });
  });
});
