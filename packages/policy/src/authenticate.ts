// Turns an `Authorization: Bearer <key>` header into the principal that holds the key, or a 401.
// The key is never logged, echoed or kept: it is hashed at once and only the digest is compared.
import { timingSafeEqual } from 'node:crypto';
import { Errors, type HubError } from '@lgsp/runtime';
import { keyDigest } from './key-hash.ts';
import { keyIndexOf, type Policy } from './policy.ts';
import type { Principal } from './principal.ts';

export const MAX_KEY_LENGTH = 256;

// Keys are tokens of visible ASCII; anything else (spaces inside, control characters, non-ASCII) is
// malformed rather than merely unknown, which tells an integrator their client mangled the header.
const KEY_CHARACTERS = /^[\x21-\x7e]+$/;
const SCHEME_AND_REST = /^(\S+)(?:[ \t]+([^]*))?$/;

export function authenticate(policy: Policy, authorization: string | undefined): Principal {
  const index = keyIndexOf(policy);
  if (index === undefined) throw new TypeError('authenticate needs a Policy from loadPolicy or parsePolicy');
  const key = bearerKey(authorization);
  const digest = keyDigest(key);
  // Looking the digest up in a Map may take time that depends on how much of it matches a stored
  // digest, but that can at most reveal bits of a stored key's SHA-256, and turning those into a key
  // would need a SHA-256 preimage. The plaintext key never meets a data-dependent comparison. The
  // final check is constant-time anyway, so the guarantee does not rest on the Map's internals.
  const holder = index.get(digest.toString('hex'));
  if (holder === undefined || !timingSafeEqual(digest, holder.digest)) {
    throw unauthorized('The key is not known', 'Bearer error="invalid_token"');
  }
  return holder.principal;
}

/** The key of an `Authorization: Bearer <key>` header, checked for form only; 401 when there is none or it is malformed. */
export function bearerKey(authorization: string | undefined): string {
  if (typeof authorization !== 'string' || authorization.trim() === '') {
    throw unauthorized('This endpoint needs an Authorization: Bearer <key> header', 'Bearer');
  }
  // Checked before any parsing, so a huge header costs nothing more.
  if (authorization.length > MAX_KEY_LENGTH + 64) throw malformed();
  const [, scheme = '', rest = ''] = SCHEME_AND_REST.exec(authorization.trim()) ?? [];
  if (scheme.toLowerCase() !== 'bearer') throw unauthorized('The Authorization header must use the Bearer scheme', 'Bearer');
  const key = rest.trim();
  if (key === '') throw unauthorized('The Authorization header names no key after Bearer', 'Bearer');
  if (key.length > MAX_KEY_LENGTH || !KEY_CHARACTERS.test(key)) throw malformed();
  return key;
}

function malformed(): HubError {
  return unauthorized(`The key is malformed: it must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters`, 'Bearer error="invalid_token"');
}

function unauthorized(detail: string, challenge: string): HubError {
  return Errors.Unauthorized({ detail, headers: { 'www-authenticate': challenge } });
}
