// Session tokens as the cookie carries them: `v1.<session id>.<expiry, epoch seconds>.<HMAC-SHA-256>`. The
// token names a server-side session and when it ends, signed with the console's secret; it never holds
// the key. A token is checked (form, signature in constant time, expiry) before any session is looked up,
// so a forged or expired one costs one HMAC and reveals nothing.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';
const TOKEN_FORM = /^v1\.([A-Za-z0-9_-]{43})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export type TokenCheck = { ok: true; sessionId: string; expiresAtMs: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** 256 random bits, base64url. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

function signatureOf(secret: Buffer, sessionId: string, expiresAtSeconds: number): Buffer {
  return createHmac('sha256', secret).update(`${VERSION}.${sessionId}.${expiresAtSeconds}`, 'utf8').digest();
}

export function signSessionToken(secret: Buffer, sessionId: string, expiresAtMs: number): string {
  const expiresAtSeconds = Math.floor(expiresAtMs / 1000);
  return `${VERSION}.${sessionId}.${expiresAtSeconds}.${signatureOf(secret, sessionId, expiresAtSeconds).toString('base64url')}`;
}

export function verifySessionToken(secret: Buffer, token: string, nowMs: number): TokenCheck {
  const match = TOKEN_FORM.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, sessionId = '', expiry = '', signature = ''] = match;
  const expiresAtSeconds = Number(expiry);
  // Compared as text, not decoded: base64url ignores the last character's spare bits, and a token must
  // have exactly one spelling.
  const expected = Buffer.from(signatureOf(secret, sessionId, expiresAtSeconds).toString('base64url'), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  const expiresAtMs = expiresAtSeconds * 1000;
  if (expiresAtMs <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, sessionId, expiresAtMs };
}
