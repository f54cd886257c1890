import { describe, expect, it } from 'vitest';
import { CLUSTER_SLOTS, hashSlot, hashTagOf, tagOfSlot } from '../src/cluster-slots.ts';

describe('Redis Cluster slots', () => {
  it('hashes as Redis does (values from CLUSTER KEYSLOT)', () => {
    expect(hashSlot('foo')).toBe(12182);
    expect(hashSlot('123456789')).toBe(12739);
    expect(hashSlot('{user1000}.following')).toBe(hashSlot('user1000'));
  });

  it('takes the first non-empty hash tag, else the whole key', () => {
    expect(hashTagOf('lgsp:1:person:{001203012345}')).toBe('001203012345');
    expect(hashTagOf('a{}b')).toBe('a{}b');
    expect(hashTagOf('a{b}{c}')).toBe('b');
    expect(hashTagOf('plain')).toBe('plain');
  });

  it('has a tag for every slot that lands in that slot', () => {
    for (const slot of [0, 1, 777, 12182, CLUSTER_SLOTS - 1]) expect(hashSlot(tagOfSlot(slot))).toBe(slot);
    const tags = new Set(Array.from({ length: CLUSTER_SLOTS }, (_, slot) => tagOfSlot(slot)));
    expect(tags.size).toBe(CLUSTER_SLOTS);
  });
});
