// The HTTP surface of a whole hub of real processes, as a sceptical operator checks it:
// - every route of every service needs a key, except /health, /ready, /metrics and /openapi.json: the
//   routes are enumerated from fastify's own route table (printRoutes, logged by each process at start)
//   and from the service's /openapi.json, so a route added later cannot slip through;
// - a client whose request trickles in slower than the request timeout is cut off (408 problem+json, or
//   the connection closed) while other requests are served; headers larger than the limit get 431
//   problem+json, and the process stays up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_SERVICE_NAMES, startHub, type HubServiceName, type HubUnderTest } from '@lgsp/testkit';
import { rawRequest, type RawAnswer } from '../support/raw-http.ts';

const REQUEST_TIMEOUT_MS = 2_000;
/** The request timeout, plus the server's 1 s check interval, plus slack for a loaded machine (Node's default check would take up to 30 s). */
const CUT_OFF_WITHIN_MS = REQUEST_TIMEOUT_MS + 4_000;
const OPEN_PATHS = new Set(['/health', '/ready', '/metrics', '/openapi.json']);
/** A value for each route parameter: a valid personal ID, a served schema, anything else. */
const PARAMETER_VALUES: Record<string, string> = { personalId: '001203012345', type: 'cloudevent' };

let hub: HubUnderTest;

beforeAll(async () => {
  hub = await startHub({ env: { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) } });
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

interface Route {
  method: string;
  path: string;
}

/** The route table the process logged at start (the runtime reads it from fastify's printRoutes). */
function routeTable(service: HubServiceName): Route[] {
  const line = hub.service(service).lines().find((entry) => entry.msg === 'routes');
  expect(line, `${service} logs its routes`).toBeDefined();
  return (line!.routes as string[]).map((entry) => {
    const [method = '', path = ''] = entry.split(' ');
    return { method, path };
  });
}

async function documentedOperations(service: HubServiceName): Promise<Array<Route & { security: unknown }>> {
  const document = (await (await fetch(`${hub.url(service)}/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown }>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ':$1'), security: operation.security })),
  );
}

// A parameter follows a slash; a colon elsewhere is literal (`/v1/citizens:batchGet`).
const concrete = (path: string): string => path.replace(/\/:(\w+)/g, (_match, name: string) => `/${PARAMETER_VALUES[name] ?? 'x'}`);

describe('every route needs a key, except health, ready, metrics and openapi', () => {
  it.each(HUB_SERVICE_NAMES.map((name) => [name]))('%s', async (service) => {
    const routes = routeTable(service);
    const documented = await documentedOperations(service);
    const served = new Set(routes.map(({ method, path }) => `${method} ${path}`));

    // The document describes routes that exist, and every route but /openapi.json itself is documented.
    for (const operation of documented) expect(served, `${operation.method} ${operation.path} is documented but not served`).toContain(`${operation.method} ${operation.path}`);
    const documentedKeys = new Set(documented.map(({ method, path }) => `${method} ${path}`));
    for (const route of routes) {
      if (route.method === 'HEAD' || route.path === '/openapi.json') continue;
      expect(documentedKeys, `${route.method} ${route.path} is served but not documented`).toContain(`${route.method} ${route.path}`);
    }

    for (const route of routes) {
      const url = `${hub.url(service)}${concrete(route.path)}`;
      if (OPEN_PATHS.has(route.path)) {
        const open = await fetch(url, { method: route.method });
        expect(open.status, `${route.method} ${route.path} is open`).toBe(200);
        continue;
      }
      for (const authorization of [undefined, 'Bearer forged-key-0123456789', 'Basic ZGV2LWxhbmQta2V5Og==']) {
        const refused = await fetch(url, { method: route.method, headers: authorization ? { authorization } : {} });
        const label = `${route.method} ${route.path} with ${authorization ?? 'no key'}`;
        expect(refused.status, label).toBe(401);
        expect(refused.headers.get('www-authenticate'), label).toMatch(/^Bearer\b/);
        if (route.method !== 'HEAD') expect(refused.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
      }
    }
    // What the document says about keys is what the routes do.
    for (const operation of documented) {
      expect(operation.security, `${operation.method} ${operation.path}`).toEqual(OPEN_PATHS.has(operation.path) ? [] : [{ bearer: [] }]);
    }
    const keyed = routes.filter((route) => !OPEN_PATHS.has(route.path));
    expect(keyed.length, `${service}'s keyed routes`).toBe(service === 'consolidator' ? 0 : service === 'citizen-api' ? 7 : 6);
  });
});

describe("the operators' console serves nothing but its login page without the operator key", () => {
  // Open to everyone: what every service opens, and the login page with its own assets.
  const PUBLIC = new Set(['/login', ...OPEN_PATHS]);

  it('console', async () => {
    const consoleService = await hub.start('console', { CITIZEN_API_URL: hub.url('citizen-api') });
    const base = consoleService.url;
    const routes = routeTable('console').filter((route) => route.method !== 'HEAD');
    // The static route serves the app and the login page's assets: one path of each.
    const concreteRoutes = routes.flatMap((route) =>
      route.path === '/*' ? [{ ...route, path: '/assets/app/main.js', open: false }, { ...route, path: '/assets/public/login.js', open: true }] : [{ ...route, open: PUBLIC.has(route.path) }],
    );
    expect(concreteRoutes.length).toBeGreaterThan(12);
    for (const route of concreteRoutes) {
      const url = `${base}${concrete(route.path)}`;
      if (route.open) {
        const open = await fetch(url, { method: route.method, redirect: 'manual' });
        expect(open.status, `${route.method} ${route.path} is open`).toBe(200);
        continue;
      }
      for (const authorization of [undefined, 'Bearer forged-key-0123456789', 'Bearer dev-land-key', 'Bearer dev-citizen-portal-key']) {
        const label = `${route.method} ${route.path} with ${authorization ?? 'no key'}`;
        // The login itself refuses every key but the operator's; the cross-site header rule is the console's own test.
        const headers: Record<string, string> = { 'x-lgsp-console': '1', ...(authorization ? { authorization } : {}) };
        const body = route.method === 'POST' ? JSON.stringify(route.path === '/v1/session' ? { key: authorization?.slice(7) ?? 'no-key-at-all' } : { all: true }) : undefined;
        const refused = await fetch(url, { method: route.method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body, redirect: 'manual' });
        const answer = await refused.text();
        if (refused.status >= 300 && refused.status < 400) {
          // A page: sent to the login page, with nothing of the app in the answer.
          expect(refused.headers.get('location'), label).toMatch(/^\/login/);
          expect(answer, label).not.toMatch(/<script|import /);
          continue;
        }
        // No key or a forged one: 401. A real key of someone who is not an operator: 403.
        const known = authorization === 'Bearer dev-land-key' || authorization === 'Bearer dev-citizen-portal-key';
        expect(refused.status, `${label}: ${answer.slice(0, 200)}`).toBe(known ? 403 : 401);
        expect(refused.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
      }
    }
  }, 120_000);
});

function expectProblem(answer: RawAnswer, status: number, label: string): void {
  expect(answer.status, label).toBe(status);
  expect(answer.headers['content-type'], label).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(answer.body), label).toMatchObject({ status, type: expect.stringMatching(/^urn:lgsp:problem:/) });
  // Written before any route or hook ran, with what every answer carries all the same.
  expect(answer.headers['cache-control'], label).toBe('no-store');
  expect(answer.headers['x-content-type-options'], label).toBe('nosniff');
}

// Concurrently: each waits for the request timeout, not for the machine.
describe.concurrent('slow clients are cut off while others are served', () => {
  const slowBodies: Array<[HubServiceName, string, Record<string, string>]> = [
    ['adapter-land', '/v1/events', { authorization: 'Bearer dev-land-key', 'content-type': 'application/cloudevents+json' }],
    ['citizen-api', '/v1/citizens:batchGet?purpose=data-subject-access', { authorization: 'Bearer dev-citizen-portal-key', 'content-type': 'application/json' }],
  ];

  it.each(slowBodies)('%s: a body trickling into %s', async (service, target, headers) => {
    const body = Buffer.from(JSON.stringify({ ids: ['001203012345'], padding: 'x'.repeat(2_000) }));
    const slow = rawRequest(hub.url(service), {
      method: 'POST',
      path: target,
      headers: { ...headers, 'content-length': String(body.length) },
      body,
      // 20 bytes every 250 ms: 25 s for the whole body.
      trickle: { chunkBytes: 20, everyMs: 250 },
      timeoutMs: 20_000,
    });
    // Meanwhile the service answers everyone else at once.
    for (let served = 0; served < 5; served += 1) {
      const started = Date.now();
      expect((await fetch(`${hub.url(service)}/health`)).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const answer = await slow;
    expect(answer.elapsedMs, `${service} cut the slow client off`).toBeLessThan(CUT_OFF_WITHIN_MS);
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expectProblem(answer, 408, service);
    expect(answer.closed).toBe(true);
    expect((await fetch(`${hub.url(service)}/health`)).status).toBe(200);
  });

  it.each(HUB_SERVICE_NAMES.map((name) => [name]))('%s: headers trickling in, never finished', async (service) => {
    const answer = await rawRequest(hub.url(service), {
      method: 'GET',
      path: '/health',
      headers: {},
      // After the request line and host, one header byte every 250 ms: the headers never end.
      body: Buffer.from('x-slow: '.padEnd(200, 'z')),
      headersUnfinished: true,
      trickle: { chunkBytes: 1, everyMs: 250 },
      timeoutMs: 20_000,
    });
    expect(answer.elapsedMs, `${service} cut the slow client off`).toBeLessThan(CUT_OFF_WITHIN_MS);
    expectProblem(answer, 408, service);
    expect(answer.closed).toBe(true);
    expect((await fetch(`${hub.url(service)}/health`)).status).toBe(200);
  });
});

describe('requests the HTTP parser or the protocol refuse', () => {
  it.each(HUB_SERVICE_NAMES.map((name) => [name]))('%s answers them with problem+json too', async (service) => {
    const noHost = await rawRequest(hub.url(service), { method: 'GET', path: '/health', headers: {}, noHost: true });
    expect(noHost.status).toBe(400);
    expect(noHost.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(noHost.body)).toMatchObject({ status: 400, errors: [{ pointer: '/headers/host', message: 'is required' }] });
    const malformed: Array<Record<string, string>> = [{ 'content-length': '5', 'transfer-encoding': 'chunked' }, { 'x-nul': 'a\u0000b' }];
    for (const headers of malformed) {
      expectProblem(await rawRequest(hub.url(service), { method: 'POST', path: '/v1/events', headers }), 400, `${service} ${JSON.stringify(headers)}`);
    }
    expectProblem(await rawRequest(hub.url(service), { method: 'BREW', path: '/health', headers: {} }), 400, `${service} BREW`);
    expect((await fetch(`${hub.url(service)}/health`)).status).toBe(200);
  });
});

describe('huge headers get 431 and the process stays up', () => {
  it.each(HUB_SERVICE_NAMES.map((name) => [name]))('%s', async (service) => {
    for (const [target, bytes] of [['/health', 64 * 1024], ['/v1/events', 17 * 1024], ['/health', 1024 * 1024]] as const) {
      const answer = await rawRequest(hub.url(service), { method: 'GET', path: target, headers: { 'x-padding': 'p'.repeat(bytes) } });
      expectProblem(answer, 431, `${service} ${target} with ${bytes} bytes of header`);
      expect(answer.closed).toBe(true);
    }
    // Many small headers adding up past the limit, too.
    const many = Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`x-h${index}`, 'v'.repeat(60)]));
    expectProblem(await rawRequest(hub.url(service), { method: 'GET', path: '/health', headers: many }), 431, `${service} with 400 headers`);
    // Just under the limit is served.
    expect((await rawRequest(hub.url(service), { method: 'GET', path: '/health', headers: { 'x-padding': 'p'.repeat(12 * 1024) } })).status).toBe(200);
    expect(hub.service(service).child.exitCode).toBeNull();
    expect((await fetch(`${hub.url(service)}/health`)).status).toBe(200);
  });
});
