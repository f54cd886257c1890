// Session tokens, the session store and the cookie: what the console trusts a browser with.
import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, readCookie, sessionCookie, SESSION_COOKIE } from '../src/auth/cookies.ts';
import { createLoginLimiter } from '../src/auth/login-limiter.ts';
import { createSessionStore } from '../src/auth/session-store.ts';
import { newSessionId, signSessionToken, verifySessionToken } from '../src/auth/session-token.ts';

const secret = Buffer.from('a secret of the console, 32 bytes!!', 'utf8');
const other = Buffer.from('another console, another secret..', 'utf8');
const now = Date.parse('2026-07-01T08:00:00Z');

describe('session tokens', () => {
  const id = newSessionId();
  const token = signSessionToken(secret, id, now + 3_600_000);

  it('carry the session id and the expiry, signed, and never anything else', () => {
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{43}\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(verifySessionToken(secret, token, now)).toEqual({ ok: true, sessionId: id, expiresAtMs: now + 3_600_000 });
  });

  it('are refused once expired', () => {
    expect(verifySessionToken(secret, token, now + 3_600_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('are refused when signed with another secret', () => {
    expect(verifySessionToken(other, token, now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('are refused when the expiry, the id or the signature was changed', () => {
    const [version, sessionId, expiry, signature] = token.split('.') as [string, string, string, string];
    const later = [version, sessionId, String(Number(expiry) + 86_400), signature].join('.');
    const otherId = [version, newSessionId(), expiry, signature].join('.');
    const flipped = [version, sessionId, expiry, `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`].join('.');
    for (const forged of [later, otherId, flipped]) expect(verifySessionToken(secret, forged, now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('have one spelling: another last character that decodes to the same signature is refused', () => {
    const [version, sessionId, expiry, signature] = token.split('.') as [string, string, string, string];
    // The last of 43 base64url characters carries 4 bits of the digest and 2 spare ones.
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(signature.at(-1)!);
    const sameBits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[last ^ 1]!;
    const respelt = [version, sessionId, expiry, `${signature.slice(0, -1)}${sameBits}`].join('.');
    expect(Buffer.from(respelt.split('.')[3]!, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect(verifySessionToken(secret, respelt, now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('are refused when malformed, before any signature is computed', () => {
    for (const bad of ['', 'v1', 'v2.x.1.y', `${token}.extra`, token.replace('v1.', 'v0.'), 'dev-operator-key']) {
      expect(verifySessionToken(secret, bad, now)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});

describe('the session store', () => {
  let clock = now;
  const store = createSessionStore({ secret, ttlMs: 60_000, now: () => clock, maxSessions: 3 });

  it('opens a session for an operator and finds it by its token', () => {
    const { token, session } = store.open('hub operators', 'dev-operator-key');
    expect(token).not.toContain('dev-operator-key');
    expect(store.resolve(token)).toEqual({ ok: true, session });
    expect(session).toMatchObject({ operator: 'hub operators', key: 'dev-operator-key', expiresAtMs: now + 60_000 });
  });

  it('forgets a session once logged out: its token, still well signed, is unknown', () => {
    const { token } = store.open('hub operators', 'k');
    expect(store.close(token)).toBe(true);
    expect(store.resolve(token)).toEqual({ ok: false, reason: 'unknown' });
    expect(store.close(token)).toBe(false);
  });

  it('refuses a token of another process, even one with the same secret', () => {
    const elsewhere = createSessionStore({ secret, ttlMs: 60_000, now: () => clock });
    const { token } = elsewhere.open('hub operators', 'k');
    expect(store.resolve(token)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('ends a session at its expiry', () => {
    const { token } = store.open('hub operators', 'k');
    clock += 60_000;
    expect(store.resolve(token)).toEqual({ ok: false, reason: 'expired' });
    clock = now;
  });

  it('holds at most maxSessions, ending the oldest first', () => {
    const tokens = [1, 2, 3, 4].map((n) => store.open(`operator ${n}`, 'k').token);
    expect(store.size()).toBe(3);
    expect(store.resolve(tokens[0]!)).toEqual({ ok: false, reason: 'unknown' });
    expect(store.resolve(tokens[3]!).ok).toBe(true);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole console, Secure only over TLS', () => {
    expect(sessionCookie('v1.t', 3600.4, { secure: false })).toBe(`${SESSION_COOKIE}=v1.t; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict`);
    expect(sessionCookie('v1.t', 10, { secure: true })).toMatch(/; Secure$/);
    expect(clearedSessionCookie({ secure: false })).toBe(`${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`);
  });

  it('is read from a Cookie header among others, and a malformed value is no value', () => {
    expect(readCookie(`a=1; ${SESSION_COOKIE}=v1.abc; b=2`, SESSION_COOKIE)).toBe('v1.abc');
    expect(readCookie(`${SESSION_COOKIE}x=1`, SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(`${SESSION_COOKIE}="a b"`, SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
  });
});

describe('failed logins', () => {
  it('are limited per address within a window, and a success or the window’s end clears them', () => {
    let clock = 0;
    const limiter = createLoginLimiter({ maxFailures: 3, windowMs: 60_000, now: () => clock });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
      limiter.failed('10.0.0.1');
    }
    clock = 20_000;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(40);
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBe(0);
    clock = 60_000;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(0);
    limiter.failed('10.0.0.2');
    limiter.succeeded('10.0.0.2');
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBe(0);
  });
});
