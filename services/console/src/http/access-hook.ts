// Runs first on every request: nothing but the public routes (health, readiness, metrics, the OpenAPI
// document, the login page and its assets, the login itself) is served without the operator — a valid
// session cookie, or `Authorization: Bearer <operator key>` for scripts. Without one, a page asked for by a
// browser is redirected to the login page and everything else (JSON, the app's scripts and styles) is a
// 401. A state-changing request must also carry the console's own header, which a cross-site form cannot
// send and a cross-site script cannot send without a CORS preflight that the console never grants.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, bearerKey, requireOperator, type Policy } from '@lgsp/policy';
import { readCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import type { Session, SessionStore } from '../auth/session-store.ts';
import { ConsoleErrors } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `public`: served without the operator (the login page, its assets, the login itself). */
    access?: 'public';
    /** An HTML page: asked for without a session, it redirects to the login page. */
    page?: boolean;
  }
}

export const CONSOLE_HEADER = 'x-lgsp-console';
export const LOGIN_PAGE = '/login';

/** The shared service routes of @lgsp/runtime, public in every hub service. */
const RUNTIME_PUBLIC_ROUTES = new Set(['/health', '/ready', '/metrics', '/openapi.json']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OperatorContext {
  /** The operator's name in the policy. */
  operator: string;
  /** The operator key, forwarded to the citizen API for record views. */
  key: string;
  via: 'session' | 'bearer';
  session?: Session;
}

const operators = new WeakMap<FastifyRequest, OperatorContext>();

/** The operator the hook established; only protected routes call it. */
export function operatorOf(request: FastifyRequest): OperatorContext {
  const context = operators.get(request);
  if (!context) throw new Error('operatorOf called on a public route');
  return context;
}

/** The operator of a request that may or may not have one (the login page asks, to skip itself). */
export function optionalOperatorOf(request: FastifyRequest): OperatorContext | undefined {
  return operators.get(request);
}

export function isPublicRoute(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  if (url !== undefined && RUNTIME_PUBLIC_ROUTES.has(url)) return true;
  return request.routeOptions.config?.access === 'public';
}

/** The operator holding a key: 401 for an unknown one, 403 for a key of anyone else (an agency, a portal). */
export function requireOperatorKey(policy: Policy, authorization: string): string {
  const principal = authenticate(policy, authorization);
  try {
    return requireOperator(principal).name;
  } catch {
    throw ConsoleErrors.NotAnOperator({ detail: `This key belongs to ${principal.name} (${principal.kind}); only an operator key opens the console` });
  }
}

function bearerOperator(policy: Policy, authorization: string): OperatorContext {
  return { operator: requireOperatorKey(policy, authorization), key: bearerKey(authorization), via: 'bearer' };
}

function sessionOperator(sessions: SessionStore, request: FastifyRequest): OperatorContext | undefined {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (token === undefined) return undefined;
  const found = sessions.resolve(token);
  if (!found.ok) {
    request.log.info({ reason: found.reason }, 'session cookie refused');
    return undefined;
  }
  return { operator: found.session.operator, key: found.session.key, via: 'session', session: found.session };
}

function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.routeOptions.config?.page === true) return true;
  // An address the console does not know, typed into a browser: to the login page, not a bare 401.
  return request.routeOptions.url === undefined && (request.headers.accept ?? '').includes('text/html');
}

function requireConsoleHeader(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || request.headers[CONSOLE_HEADER] === '1') return;
  throw ConsoleErrors.ConsoleHeaderMissing({
    detail: `${request.method} requests must carry the header ${CONSOLE_HEADER}: 1, which the console's pages send and another site's forms cannot`,
    errors: [{ pointer: `/headers/${CONSOLE_HEADER}`, message: 'must be 1' }],
  });
}

export function registerAccessHook(app: FastifyInstance, { policy, sessions }: { policy: Policy; sessions: SessionStore }): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const publicRoute = isPublicRoute(request);
    const authorization = request.headers.authorization;
    let context: OperatorContext | undefined;
    if (authorization !== undefined && authorization !== '') {
      // On a protected route a presented key decides: a wrong one is a 401 or 403, never a fall-back to the
      // cookie. Public routes ignore it (a scraper may send its own credentials to /metrics).
      if (!publicRoute) context = bearerOperator(policy, authorization);
    } else {
      context = sessionOperator(sessions, request);
    }
    if (context) operators.set(request, context);
    if (!context && !publicRoute) {
      if (wantsPage(request)) return reply.code(303).header('location', LOGIN_PAGE).header('cache-control', 'no-store').send();
      throw ConsoleErrors.NotLoggedIn({
        detail: 'Log in at /login with the operator key, or send Authorization: Bearer <operator key>',
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    requireConsoleHeader(request);
  });
}
