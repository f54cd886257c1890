// Keys are stored and compared only as SHA-256 digests (api.md §3). The hex form is what a policy file
// holds and what `printf %s "$KEY" | sha256sum` prints.
import { createHash } from 'node:crypto';

export function keyDigest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function hashKey(key: string): string {
  return keyDigest(key).toString('hex');
}
