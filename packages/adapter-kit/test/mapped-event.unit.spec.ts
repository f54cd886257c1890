// Problems of mapped events are told in the registry's terms wherever the mapping knows the origin.
import { describe, expect, it } from 'vitest';
import { buildEvent } from '@lgsp/contract';
import { mappedEvent, nativeProblem, validateMapped } from '../src/mapping/mapped-event.ts';

const grant = (personalId: string, areaM2: number) =>
  mappedEvent(
    buildEvent('vn.lgsp.land.right-granted.v1', {
      id: 'BD-1',
      subject: personalId,
      time: '2025-07-01T08:00:00+07:00',
      data: { personalId, certificateNo: 'CS123456', parcel: { communeCode: '00004', mapSheet: 1, parcelNo: 2 }, areaM2, landUse: 'ODT', grantedOn: '2025-07-01' },
    }),
    { '/subject': '/chuSuDung/soDinhDanh', '/data/personalId': '/chuSuDung/soDinhDanh', '/data/parcel': '/thuaDat', '/data/areaM2': '/thuaDat/dienTich' },
  );

describe('mapped events', () => {
  it('translate a problem by the longest matching origin, keeping the rest of the pointer', () => {
    const mapped = grant('001203012345', 1);
    expect(nativeProblem({ pointer: '/data/parcel/mapSheet', message: 'm' }, mapped)).toEqual({ pointer: '/thuaDat/mapSheet', message: 'm' });
    expect(nativeProblem({ pointer: '/data/areaM2', message: 'm' }, mapped)).toEqual({ pointer: '/thuaDat/dienTich', message: 'm' });
  });

  it('keep the canonical pointer, naming the event type, when nothing in the record maps there', () => {
    expect(nativeProblem({ pointer: '/data/landUse', message: 'is wrong' }, grant('001203012345', 1))).toEqual({
      pointer: '/data/landUse',
      message: 'is wrong (in the mapped vn.lgsp.land.right-granted.v1 event)',
    });
  });

  it('validate to events, or to problems in native terms, one per pointer', () => {
    expect(validateMapped([grant('001203012345', 10)]).ok).toBe(true);
    expect(validateMapped([grant('003203012345', -1), grant('003203012345', -1)])).toEqual({
      ok: false,
      errors: [
        { pointer: '/thuaDat/dienTich', message: 'must be > 0' },
        { pointer: '/chuSuDung/soDinhDanh', message: 'has an unknown province code 003' },
      ],
    });
  });
});
