import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '@lgsp/record-store';

const sample = {
  state: { personalId: '001203012345', version: 3, identity: { fullName: { v: 'Nguyễn Văn An', s: ['2025-07-01T01:00:00.000000000Z', '', 'HT-1'] } } },
  watermarks: { 'lgsp.registry.household.v1:3': '42' },
};

describe('stored state codec', () => {
  it('round-trips a state exactly', () => {
    expect(decodeState(encodeState(sample))).toEqual(sample);
  });

  it('writes format 1 (deflate with the preset dictionary), smaller than the JSON', () => {
    const bytes = encodeState(sample);
    expect(bytes[0]).toBe(1);
    expect(bytes.length).toBeLessThan(JSON.stringify(sample).length);
  });

  it('reads plain JSON written by hand', () => {
    expect(decodeState(Buffer.from(JSON.stringify(sample)))).toEqual(sample);
  });

  it('refuses an unknown format instead of guessing', () => {
    expect(() => decodeState(Buffer.of(9, 1, 2))).toThrow(/unknown format \(first byte 9\)/);
  });
});
