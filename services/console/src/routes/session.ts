// Logging in and out. POST /v1/session takes the operator key once, checks it against the policy (as a
// digest, in constant time) and answers with an HttpOnly cookie naming a server-side session; the key is
// never echoed, logged or put in the cookie. Failed logins are limited per client address.
import type { FastifyPluginAsync } from 'fastify';
import type { Policy } from '@lgsp/policy';
import { isHubError } from '@lgsp/runtime';
import { clearedSessionCookie, readCookie, sessionCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import type { LoginLimiter } from '../auth/login-limiter.ts';
import type { SessionStore } from '../auth/session-store.ts';
import { ConsoleErrors } from '../errors.ts';
import { operatorOf, requireOperatorKey } from '../http/access-hook.ts';
import type { ConsoleMetrics } from '../metrics.ts';
import { deleteSessionSchema, getSessionSchema, postSessionSchema } from './schemas.ts';

export interface SessionRoutesOptions {
  policy: Policy;
  sessions: SessionStore;
  limiter: LoginLimiter;
  secureCookie: boolean;
  metrics?: ConsoleMetrics;
  now?: () => number;
}

export function sessionRoutes({ policy, sessions, limiter, secureCookie, metrics, now = Date.now }: SessionRoutesOptions): FastifyPluginAsync {
  const cookieOptions = { secure: secureCookie };
  return async (app) => {
    app.post<{ Body: { key: string } }>('/v1/session', { schema: postSessionSchema, config: { access: 'public' } }, async (request, reply) => {
      const address = request.ip;
      const wait = limiter.retryAfterSeconds(address);
      if (wait > 0) {
        metrics?.logins.inc({ outcome: 'limited' });
        throw ConsoleErrors.TooManyLogins({ detail: `Too many failed logins from this address; try again in ${wait} s`, headers: { 'retry-after': String(wait) } });
      }
      let operator: string;
      try {
        operator = requireOperatorKey(policy, `Bearer ${request.body.key}`);
      } catch (error) {
        limiter.failed(address);
        const unknown = isHubError(error) && error.status === 401;
        metrics?.logins.inc({ outcome: unknown ? 'unknown-key' : 'not-operator' });
        request.log.info({ outcome: unknown ? 'unknown-key' : 'not-operator' }, 'login refused');
        if (unknown) {
          throw ConsoleErrors.NotLoggedIn({ detail: 'This key is not an operator key of the hub', errors: [{ pointer: '/key', message: 'is not a known key' }] });
        }
        throw error;
      }
      limiter.succeeded(address);
      metrics?.logins.inc({ outcome: 'ok' });
      const { token, session } = sessions.open(operator, request.body.key);
      request.log.info({ operator, expiresAt: new Date(session.expiresAtMs).toISOString() }, 'operator logged in');
      reply.header('set-cookie', sessionCookie(token, (session.expiresAtMs - now()) / 1000, cookieOptions));
      return reply.code(201).send({ operator, expiresAt: new Date(session.expiresAtMs).toISOString() });
    });

    app.get('/v1/session', { schema: getSessionSchema }, async (request) => {
      const context = operatorOf(request);
      return { operator: context.operator, via: context.via, expiresAt: context.session ? new Date(context.session.expiresAtMs).toISOString() : null };
    });

    app.delete('/v1/session', { schema: deleteSessionSchema }, async (request, reply) => {
      const context = operatorOf(request);
      const token = readCookie(request.headers.cookie, SESSION_COOKIE);
      if (context.via === 'session' && token !== undefined) sessions.close(token);
      request.log.info({ operator: context.operator }, 'operator logged out');
      return reply.code(204).header('set-cookie', clearedSessionCookie(cookieOptions)).send();
    });
  };
}
