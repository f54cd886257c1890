import { describe, expect, it } from 'vitest';
import { buildEvent, validateEvent, type EventOf } from '@lgsp/contract';

const PID = '001203012345';

function grant(): EventOf<'vn.lgsp.land.right-granted.v1'> {
  return buildEvent('vn.lgsp.land.right-granted.v1', {
    id: 'BD-2025-000123',
    subject: PID,
    time: '2025-07-01T08:00:00+07:00',
    data: { personalId: PID, certificateNo: 'CS123456', parcel: { communeCode: '00004', mapSheet: 12, parcelNo: 345 }, areaM2: 120.5, landUse: 'ODT', grantedOn: '2025-06-30' },
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

describe('validateEvent', () => {
  it('accepts an event built for its type and hands back the same object, typed', () => {
    const event = grant();
    const result = validateEvent(event);
    expect(result).toEqual({ ok: true, event });
    if (result.ok && result.event.type === 'vn.lgsp.land.right-granted.v1') expect(result.event.data.areaM2).toBe(120.5);
  });

  it('names every problem at once, in the envelope, the data and the cross-field rules', () => {
    const event = { ...grant(), time: '2025-07-01T08:00:00', source: 'urn:lgsp:registry:household', subject: '079304056789' };
    const bad = { ...event, data: { ...event.data, areaM2: 0, landUse: 'odt', extra: true } };
    const result = validateEvent(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.pointer).sort()).toEqual(['/data/areaM2', '/data/extra', '/data/landUse', '/source', '/subject', '/time']);
  });

  it('never alters or throws on what it is given', () => {
    const frozen = deepFreeze({ ...grant(), data: { ...grant().data, areaM2: -1, note: 'x' } });
    expect(() => validateEvent(frozen)).not.toThrow();
    for (const input of [undefined, null, 42, 'event', [], {}, { type: {} }, { type: 'vn.lgsp.land.right-granted.v1', data: 'x' }]) {
      const result = validateEvent(input);
      expect(result.ok).toBe(false);
    }
  });

  it('reports nothing left over from the event validated before', () => {
    const invalidData = { ...grant(), data: { ...grant().data, areaM2: 0 } };
    expect(validateEvent(invalidData).ok).toBe(false);
    const result = validateEvent({ ...grant(), data: 'not an object' });
    expect(result.ok ? [] : result.errors).toEqual([{ pointer: '/data', message: 'must be object' }]);
  });

  it('answers an unknown type with one problem at /type, whatever its data', () => {
    const result = validateEvent({ ...grant(), type: 'vn.lgsp.land.right-sold.v1', data: { nonsense: 1 } });
    expect(result).toEqual({ ok: false, errors: [{ pointer: '/type', message: 'is not an event type of the catalogue' }] });
  });

  it('says how a time or a date should look', () => {
    const result = validateEvent({ ...grant(), time: '2025-07-01 08:00', data: { ...grant().data, grantedOn: '2025-02-30' } });
    expect(result.ok ? [] : result.errors).toEqual([
      { pointer: '/time', message: 'must be an RFC 3339 date-time with offset, e.g. 2025-07-01T08:00:00+07:00' },
      { pointer: '/data/grantedOn', message: 'must be a calendar date YYYY-MM-DD' },
    ]);
  });

  it('names the expected source and schema URI for the type', () => {
    const result = validateEvent({ ...grant(), source: 'urn:lgsp:registry:judicial', dataschema: 'urn:lgsp:schema:vn.lgsp.land.right-granted.v2' });
    expect(result.ok ? [] : result.errors).toEqual([
      { pointer: '/source', message: 'must be urn:lgsp:registry:land for vn.lgsp.land.right-granted.v1' },
      { pointer: '/dataschema', message: 'must be urn:lgsp:schema:vn.lgsp.land.right-granted.v1 for vn.lgsp.land.right-granted.v1' },
    ]);
  });

  it('accepts a personal ID whose digits disagree with the date of birth: that is a quality issue, not an error', () => {
    const event = buildEvent('vn.lgsp.household.citizen-registered.v1', {
      id: 'HT-1',
      subject: PID,
      time: '2025-07-01T08:00:00+07:00',
      data: { personalId: PID, fullName: 'Trần Thị Bình', dateOfBirth: '1987-01-01', sex: 'female', nationality: 'VN' },
    });
    expect(validateEvent(event).ok).toBe(true);
  });
});
