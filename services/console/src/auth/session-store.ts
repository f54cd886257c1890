// Who is logged in: sessions held in this process's memory, each with the operator's name and key, named
// by a signed, expiring token that the browser keeps in an HttpOnly cookie. The key has to stay somewhere
// because record views are read from the citizen API *as the operator* (purpose operator-console, audited
// there); kept here, it never returns to the browser, is never written to Redis or a log, and is gone when
// the session ends, is logged out or the process stops. The cost: a restart logs everyone out, and several
// console instances behind one address need sticky sessions.
import { newSessionId, signSessionToken, verifySessionToken } from './session-token.ts';

export interface Session {
  readonly id: string;
  /** The operator's name in the policy. */
  readonly operator: string;
  /** The operator key, for reads from the citizen API; never logged, never sent back. */
  readonly key: string;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
}

export type SessionLookup = { ok: true; session: Session } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'unknown' };

export interface SessionStore {
  open(operator: string, key: string): { token: string; session: Session };
  resolve(token: string): SessionLookup;
  /** Ends the session the token names; false when there was none. */
  close(token: string): boolean;
  size(): number;
}

export interface SessionStoreOptions {
  secret: Buffer;
  ttlMs: number;
  now?: () => number;
  /** Most sessions held at once; opening one more ends the oldest. */
  maxSessions?: number;
}

export function createSessionStore({ secret, ttlMs, now = Date.now, maxSessions = 1_000 }: SessionStoreOptions): SessionStore {
  const sessions = new Map<string, Session>();
  const sweep = (): void => {
    const at = now();
    for (const [id, session] of sessions) if (session.expiresAtMs <= at) sessions.delete(id);
  };
  const lookup = (token: string): SessionLookup => {
    const check = verifySessionToken(secret, token, now());
    if (!check.ok) return check;
    const session = sessions.get(check.sessionId);
    // A token signed by an earlier process with the same secret, or of a session logged out: not ours now.
    if (!session || session.expiresAtMs !== check.expiresAtMs) return { ok: false, reason: 'unknown' };
    return { ok: true, session };
  };
  return {
    open(operator, key) {
      sweep();
      while (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value as string);
      const createdAtMs = now();
      // Whole seconds: the token carries its expiry in seconds, and the two must agree.
      const expiresAtMs = Math.floor((createdAtMs + ttlMs) / 1000) * 1000;
      const session: Session = Object.freeze({ id: newSessionId(), operator, key, createdAtMs, expiresAtMs });
      sessions.set(session.id, session);
      return { token: signSessionToken(secret, session.id, expiresAtMs), session };
    },
    resolve(token) {
      const found = lookup(token);
      if (!found.ok && found.reason === 'expired') sweep();
      return found;
    },
    close(token) {
      const found = lookup(token);
      return found.ok ? sessions.delete(found.session.id) : false;
    },
    size: () => sessions.size,
  };
}
