// Keys are compared in constant time (api.md §3): the path a presented key takes through the policy's
// authenticate is checked, not timed. The key is hashed with SHA-256 at once; the only comparison of key
// material is crypto.timingSafeEqual between that digest and the stored one, each 32 bytes; the plaintext
// is never compared with anything, and the stored side holds no plaintext to compare it with.
import { createHash } from 'node:crypto';
import type * as NodeCrypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const crypto = vi.hoisted(() => ({ timingSafeEqual: vi.fn<(a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => boolean>(), createHash: vi.fn() }));

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  crypto.timingSafeEqual.mockImplementation((a, b) => actual.timingSafeEqual(a, b));
  crypto.createHash.mockImplementation((algorithm: string) => actual.createHash(algorithm));
  return { ...actual, default: { ...actual, timingSafeEqual: crypto.timingSafeEqual, createHash: crypto.createHash }, timingSafeEqual: crypto.timingSafeEqual, createHash: crypto.createHash };
});

const { authenticate, DEV_KEYS, developmentPolicyPath, loadPolicy } = await import('@lgsp/policy');
const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'development' });

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

beforeEach(() => {
  crypto.timingSafeEqual.mockClear();
  crypto.createHash.mockClear();
});

describe('authenticate compares keys in constant time', () => {
  it.each(DEV_KEYS.map(({ key }) => [key]))('%s: hashed with SHA-256, then one timingSafeEqual of the two 32-byte digests', (key) => {
    authenticate(policy, `Bearer ${key}`);
    expect(crypto.createHash).toHaveBeenCalledWith('sha256');
    expect(crypto.timingSafeEqual).toHaveBeenCalledTimes(1);
    const [presented, stored] = crypto.timingSafeEqual.mock.calls[0]!;
    expect(Buffer.from(presented as Uint8Array)).toEqual(sha256(key));
    expect(Buffer.from(stored as Uint8Array)).toEqual(sha256(key));
    expect((presented as Uint8Array).byteLength).toBe(32);
    expect((stored as Uint8Array).byteLength).toBe(32);
  });

  it('hashes an unknown key first too, whatever its length, and answers every one alike', () => {
    for (const key of ['dev-land-kez', 'Dev-land-key', 'x'.repeat(256), 'dev-land-key1', 'k']) {
      expect(() => authenticate(policy, `Bearer ${key}`)).toThrow('The key is not known');
    }
    expect(crypto.createHash.mock.calls).toEqual(Array.from({ length: 5 }, () => ['sha256']));
    // Only a digest that names a holder is compared (in constant time); the plaintext never is.
    for (const [presented] of crypto.timingSafeEqual.mock.calls) expect((presented as Uint8Array).byteLength).toBe(32);
  });

  it('keeps no plaintext key to compare with: the policy and its principals hold digests only', () => {
    const serialized = JSON.stringify(policy);
    for (const { key } of DEV_KEYS) expect(serialized).not.toContain(key);
  });
});
