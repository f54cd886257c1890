// Who may see what, against a real console process on real Kafka and Redis: nothing but the login page,
// its assets and the shared service routes without the operator; a session cookie only from the operator
// key; forged, expired and logged-out cookies refused; the cross-site header rule; development keys and a
// missing session secret refused in production; and no key or token in any log line.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTopics, hubTopicSpecs } from '@lgsp/kafka';
import { eventually, stackEndpoints, testKafka, uniqueId, uniqueKeyPrefix, uniqueTopicPrefix, type ServiceProcess } from '@lgsp/testkit';
import { signSessionToken, newSessionId } from '../src/auth/session-token.ts';
import { SESSION_COOKIE } from '../src/auth/cookies.ts';
import { CONSOLE_HEADER, consoleExit, logIn, request, startConsole } from './console-process.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const policyFixture = (name: string): string => path.resolve(here, '..', '..', '..', 'packages', 'policy', 'test', 'fixtures', name);
const SECRET = 'a test secret of at least thirty-two characters';

/** Every JSON route of the console, from its own OpenAPI document, with sample parameters. */
interface RouteCase {
  method: string;
  path: string;
}

const PROTECTED_PAGES_AND_ASSETS = ['/', '/assets/app/main.js', '/assets/app/app.css', '/assets/app/pages/record.js', '/assets/vendor/preact/preact.mjs', '/assets/vendor/uplot/uPlot.esm.js'];
const PUBLIC_ASSETS = ['/assets/public/login.js', '/assets/public/base.css', '/assets/public/login.css', '/assets/public/favicon.svg'];

describe('the console lets in the operator only', () => {
  const topicPrefix = uniqueTopicPrefix();
  const env = {
    KAFKA_BROKERS: stackEndpoints().kafkaBrokers,
    REDIS_URL: stackEndpoints().redisUrl,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    REDIS_KEY_PREFIX: uniqueKeyPrefix(),
    CONSOLIDATOR_GROUP_ID: uniqueId('consolidator'),
    NODE_ENV: 'test',
    CONSOLE_SESSION_SECRET: SECRET,
    // Nothing listens there: record views must fail cleanly.
    CITIZEN_API_URL: 'http://127.0.0.1:1',
  };
  let consoleProcess: ServiceProcess;
  let base: string;
  let routes: RouteCase[];
  let cookie: string;

  beforeAll(async () => {
    const admin = testKafka().admin();
    await admin.connect();
    await ensureTopics(admin, hubTopicSpecs({ prefix: topicPrefix, partitions: 2 }));
    await admin.disconnect();
    consoleProcess = await startConsole(env);
    base = consoleProcess.url;
    const document = (await request(base, 'GET', '/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    // Every documented route but those every service opens (health, readiness, metrics): the console's own.
    routes = Object.entries(document.paths)
      .filter(([route]) => !['/health', '/ready', '/metrics'].includes(route))
      .flatMap(([route, methods]) =>
        Object.keys(methods).map((method) => ({
          method: method.toUpperCase(),
          path: route.replace('{personalId}', '001203012345').replace('{code}', 'NO_CIVIL_RECORD'),
        })),
      );
  }, 60_000);

  afterAll(async () => {
    await consoleProcess?.stop();
  });

  it('documents every JSON route in /openapi.json', () => {
    expect(routes.map((route) => `${route.method} ${route.path}`).sort()).toEqual(
      [
        'DELETE /v1/session',
        'GET /v1/console/dead-letters',
        'GET /v1/console/overview',
        'GET /v1/console/quality/issues/NO_CIVIL_RECORD/records',
        'GET /v1/console/records/001203012345',
        'GET /v1/console/records/001203012345/history',
        'GET /v1/console/series',
        'GET /v1/session',
        'POST /v1/console/dead-letters:redrive',
        'POST /v1/session',
      ].sort(),
    );
  });

  it('serves the shared service routes, the login page and its own assets without a session', async () => {
    for (const route of ['/health', '/ready', '/metrics', '/openapi.json', '/login', ...PUBLIC_ASSETS]) {
      expect((await request(base, 'GET', route)).status, route).toBe(200);
    }
    const login = await request(base, 'GET', '/login');
    expect(login.headers.get('content-type')).toMatch(/^text\/html/);
    expect(login.text).toContain('Operator key');
    expect(login.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[^']+'; style-src 'self'/);
  });

  it('answers every other JSON route 401 problem+json without a session, with or without the console header', async () => {
    for (const route of routes.filter((candidate) => !(candidate.method === 'POST' && candidate.path === '/v1/session'))) {
      for (const headers of [{}, CONSOLE_HEADER]) {
        const answer = await request(base, route.method, route.path, { headers, ...(route.method === 'POST' ? { body: { all: true } } : {}) });
        expect(answer.status, `${route.method} ${route.path}`).toBe(401);
        expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(answer.json()).toMatchObject({ type: 'urn:lgsp:problem:not-logged-in', status: 401 });
      }
    }
  });

  it('redirects pages to the login page and serves none of the app’s scripts or styles without a session', async () => {
    const app = await request(base, 'GET', '/', { headers: { accept: 'text/html' } });
    expect(app.status).toBe(303);
    expect(app.headers.get('location')).toBe('/login');
    expect(app.text).toBe('');
    const unknown = await request(base, 'GET', '/anything/else', { headers: { accept: 'text/html' } });
    expect(unknown.status).toBe(303);
    for (const asset of PROTECTED_PAGES_AND_ASSETS.slice(1)) {
      const answer = await request(base, 'GET', asset);
      expect(answer.status, asset).toBe(401);
      expect(answer.text).not.toContain('import');
    }
  });

  it('refuses a login with an unknown key, naming the field, and with a key of a portal or an agency', async () => {
    const unknown = await request(base, 'POST', '/v1/session', { headers: CONSOLE_HEADER, body: { key: 'not-a-key' } });
    expect(unknown.status).toBe(401);
    expect(unknown.json()).toMatchObject({ errors: [{ pointer: '/key', message: 'is not a known key' }] });
    expect(unknown.headers.get('set-cookie')).toBeNull();
    for (const key of ['dev-land-portal-key', 'dev-land-key']) {
      const answer = await request(base, 'POST', '/v1/session', { headers: CONSOLE_HEADER, body: { key } });
      expect(answer.status, key).toBe(403);
      expect(answer.json()).toMatchObject({ type: 'urn:lgsp:problem:not-an-operator' });
    }
    const malformed = await request(base, 'POST', '/v1/session', { headers: CONSOLE_HEADER, body: { secret: 'x' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json<{ errors: Array<{ pointer: string }> }>().errors.map((error) => error.pointer).sort()).toEqual(['/key', '/secret']);
  });

  it('refuses a login without the console header, which a cross-site form cannot send', async () => {
    const answer = await request(base, 'POST', '/v1/session', { body: { key: 'dev-operator-key' } });
    expect(answer.status).toBe(403);
    expect(answer.json()).toMatchObject({ type: 'urn:lgsp:problem:console-header-missing', errors: [{ pointer: '/headers/x-lgsp-console' }] });
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('opens a session with the operator key: an HttpOnly, SameSite=Strict cookie that holds a signed token, not the key', async () => {
    const answer = await request(base, 'POST', '/v1/session', { headers: CONSOLE_HEADER, body: { key: 'dev-operator-key' } });
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual({ operator: 'hub operators', expiresAt: expect.any(String) });
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=v1\\.[A-Za-z0-9_-]+\\.\\d+\\.[A-Za-z0-9_-]+; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Strict$`));
    expect(setCookie).not.toContain('dev-operator-key');
    cookie = setCookie.split(';')[0]!;
    expect((await request(base, 'GET', '/v1/session', { cookie })).json()).toEqual({ operator: 'hub operators', via: 'session', expiresAt: expect.any(String) });
  });

  it('serves every route to the session, and the app page with a CSP that allows only its own import map', async () => {
    // The figures are answered 503 until the first sample has been read from Kafka, which can take several
    // seconds on a loaded machine (other suites start brokers alongside): wait for it, then check each route.
    await eventually(async () => ((await request(base, 'GET', '/v1/console/overview', { cookie })).status === 200 ? true : undefined), { timeoutMs: 45_000, intervalMs: 500 });
    for (const route of routes.filter((candidate) => candidate.method === 'GET')) {
      const answer = await request(base, 'GET', route.path, { cookie });
      // Record views need the citizen API, which is down here: 503, never 401.
      expect(answer.status, route.path).toBe(route.path.startsWith('/v1/console/records/') ? 503 : 200);
    }
    for (const asset of PROTECTED_PAGES_AND_ASSETS) expect((await request(base, 'GET', asset, { cookie })).status, asset).toBe(200);
    const page = await request(base, 'GET', '/', { cookie });
    const importMap = /<script type="importmap">([^]*?)<\/script>/.exec(page.text)?.[1] ?? '';
    const hash = createHash('sha256').update(importMap, 'utf8').digest('base64');
    expect(page.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src 'self' 'sha256-${hash}'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    );
    expect(page.text).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*(type="importmap"|src=))/);
    const login = await request(base, 'GET', '/login', { cookie });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/');
  });

  it('revalidates assets by ETag', async () => {
    const first = await request(base, 'GET', '/assets/app/main.js', { cookie });
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect((await request(base, 'GET', '/assets/app/main.js', { cookie, headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('answers a bad personal ID 400 naming it, before asking the citizen API', async () => {
    const answer = await request(base, 'GET', '/v1/console/records/12345', { cookie });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ type: 'urn:lgsp:problem:personal-id-invalid', errors: [{ pointer: '/params/personalId', message: 'must be 12 digits' }] });
    const unreachable = await request(base, 'GET', '/v1/console/records/001203012345', { cookie });
    expect(unreachable.json()).toMatchObject({ type: 'urn:lgsp:problem:citizen-api-unavailable', status: 503 });
    const code = await request(base, 'GET', '/v1/console/quality/issues/NOT_A_CODE/records', { cookie });
    expect(code.status).toBe(400);
    expect(code.json()).toMatchObject({ errors: [{ pointer: '/params/code' }] });
  });

  it('refuses a state-changing request of a session without the console header', async () => {
    const redrive = await request(base, 'POST', '/v1/console/dead-letters:redrive', { cookie, body: { all: true } });
    expect(redrive.status).toBe(403);
    const logout = await request(base, 'DELETE', '/v1/session', { cookie });
    expect(logout.status).toBe(403);
    expect((await request(base, 'GET', '/v1/session', { cookie })).status).toBe(200);
    const withHeader = await request(base, 'POST', '/v1/console/dead-letters:redrive', { cookie, headers: CONSOLE_HEADER, body: { all: true } });
    expect(withHeader.status).toBe(200);
    expect(withHeader.json()).toMatchObject({ counts: { redriven: 0 }, letters: [] });
    const both = await request(base, 'POST', '/v1/console/dead-letters:redrive', { cookie, headers: CONSOLE_HEADER, body: { all: true, ids: ['x'] } });
    expect(both.status).toBe(400);
  });

  it('refuses forged, expired and unknown session cookies', async () => {
    const token = cookie.slice(SESSION_COOKIE.length + 1);
    const [version, id, expiry, signature] = token.split('.') as [string, string, string, string];
    const cases = {
      'a changed expiry': [version, id, String(Number(expiry) + 3600), signature].join('.'),
      'a changed signature': [version, id, expiry, `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`].join('.'),
      'another secret': signSessionToken(Buffer.from('another secret, thirty-two characters at least'), id, Number(expiry) * 1000),
      'an expired token': signSessionToken(Buffer.from(SECRET), id, Date.now() - 1_000),
      'a session never opened': signSessionToken(Buffer.from(SECRET), newSessionId(), Date.now() + 3_600_000),
      'the operator key itself': 'dev-operator-key',
    };
    for (const [what, value] of Object.entries(cases)) {
      const answer = await request(base, 'GET', '/v1/console/overview', { cookie: `${SESSION_COOKIE}=${value}` });
      expect(answer.status, what).toBe(401);
      expect((await request(base, 'GET', '/', { cookie: `${SESSION_COOKIE}=${value}` })).status, what).toBe(303);
    }
  });

  it('takes the operator key as a bearer token for scripts, and refuses any other key', async () => {
    expect((await request(base, 'GET', '/v1/console/overview', { headers: { authorization: 'Bearer dev-operator-key' } })).status).toBe(200);
    expect((await request(base, 'GET', '/v1/session', { headers: { authorization: 'Bearer dev-operator-key' } })).json()).toMatchObject({ via: 'bearer', expiresAt: null });
    expect((await request(base, 'GET', '/v1/console/overview', { headers: { authorization: 'Bearer dev-citizen-portal-key' } })).status).toBe(403);
    // A wrong key decides, even beside a good cookie.
    expect((await request(base, 'GET', '/v1/console/overview', { cookie, headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('logs out: the cookie is cleared and the session it named is over', async () => {
    const other = await logIn(base);
    const answer = await request(base, 'DELETE', '/v1/session', { cookie: other, headers: CONSOLE_HEADER });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('set-cookie')).toBe(`${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`);
    expect((await request(base, 'GET', '/v1/console/overview', { cookie: other })).status).toBe(401);
    expect((await request(base, 'GET', '/v1/console/overview', { cookie })).status).toBe(200);
  });

  it('limits failed logins from one address', async () => {
    let answer = await request(base, 'POST', '/v1/session', { headers: CONSOLE_HEADER, body: { key: 'guess-0' } });
    for (let attempt = 1; attempt < 20 && answer.status !== 429; attempt += 1) {
      answer = await request(base, 'POST', '/v1/session', { headers: CONSOLE_HEADER, body: { key: `guess-${attempt}` } });
    }
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right key waits: the limit is on the address, not on the guesses.
    expect((await request(base, 'POST', '/v1/session', { headers: CONSOLE_HEADER, body: { key: 'dev-operator-key' } })).status).toBe(429);
  });

  it('never writes a key or a session token to its log', () => {
    const log = consoleProcess.output();
    expect(log).toContain('operator logged in');
    for (const secret of ['dev-operator-key', 'dev-land-portal-key', 'dev-land-key', 'guess-1', cookie.slice(SESSION_COOKIE.length + 1), SECRET]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});

describe('the console in production', () => {
  const stack = { KAFKA_BROKERS: stackEndpoints().kafkaBrokers, REDIS_URL: stackEndpoints().redisUrl, NODE_ENV: 'production' };

  it('refuses the development policy (exit 78, one line)', async () => {
    const { code, output } = await consoleExit({ ...stack, CONSOLE_SESSION_SECRET: SECRET });
    expect(code).toBe(78);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/^console: policy file .*development\.json: development keys are refused when NODE_ENV=production/)]);
  });

  it('refuses a production policy holding the development operator key', async () => {
    const { code, output } = await consoleExit({ ...stack, POLICY_FILE: policyFixture('production-with-dev-operator-key.json'), CONSOLE_SESSION_SECRET: SECRET });
    expect(code).toBe(78);
    expect(output).toMatch(/development keys are refused when NODE_ENV=production/);
  });

  it('requires a session secret, and never repeats a bad one', async () => {
    const missing = await consoleExit({ ...stack, POLICY_FILE: policyFixture('production-policy.json') });
    expect(missing.code).toBe(78);
    expect(missing.output.trim()).toBe('console: configuration error: CONSOLE_SESSION_SECRET is required when NODE_ENV=production (at least 32 characters)');
    const short = await consoleExit({ ...stack, POLICY_FILE: policyFixture('production-policy.json'), CONSOLE_SESSION_SECRET: 'too-short-secret' });
    expect(short.code).toBe(78);
    expect(short.output).not.toContain('too-short-secret');
  });
});

// The fixtures named above must exist, or the production cases test nothing.
for (const name of ['production-with-dev-operator-key.json', 'production-policy.json']) {
  if (!fs.existsSync(policyFixture(name))) throw new Error(`missing policy fixture ${name}`);
}
