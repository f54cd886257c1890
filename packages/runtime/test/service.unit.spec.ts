import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { captureLogger } from '@lgsp/testkit';
import { buildServiceApp, clientErrorProblem, createRouteMatcher, Errors, PROBLEM_CONTENT_TYPE, routesOfPrintout, toHubError } from '@lgsp/runtime';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function sampleApp(readyOk = true) {
  const captured = captureLogger('sample');
  const built = await buildServiceApp({
    service: 'sample',
    logger: captured.logger,
    bodyLimit: 1024,
    readiness: [
      { name: 'kafka', check: async () => (readyOk ? undefined : Promise.reject(new Error('connection refused'))) },
      { name: 'redis', check: async () => undefined },
    ],
  });
  built.post(
    '/v1/things',
    {
      schema: {
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string' }, size: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async () => ({ ok: true }),
  );
  built.get<{ Params: { id: string } }>('/v1/things/:id', { schema: { querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1 } } } } }, async (request) => ({ id: request.params.id }));
  built.get('/v1/teapot', async () => {
    throw Errors.Forbidden({ detail: 'this key may not brew' });
  });
  built.get('/v1/boom', async () => {
    throw new Error('secret internals of 001203012345');
  });
  app = built;
  return { app: built, ...captured };
}

describe('the service bootstrap', () => {
  it('answers /health and /ready with every check', async () => {
    const { app } = await sampleApp();
    expect((await app.inject('/health')).json()).toEqual({ status: 'up' });
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: [{ name: 'kafka', ok: true }, { name: 'redis', ok: true }] });
  });

  it('answers /ready 503 naming the dependency that failed', async () => {
    const { app } = await sampleApp(false);
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(ready.json().detail).toContain('kafka (connection refused)');
  });

  it('serves Prometheus metrics including request durations by route pattern', async () => {
    const { app } = await sampleApp();
    await app.inject('/health');
    const metrics = await app.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('lgsp_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/health"');
    expect(metrics.body).toContain('lgsp_process_cpu_user_seconds_total');
  });

  it('echoes a well-formed x-request-id and logs it', async () => {
    const { app, lines } = await sampleApp();
    const response = await app.inject({ url: '/health', headers: { 'x-request-id': 'req-123' } });
    expect(response.headers['x-request-id']).toBe('req-123');
    expect(lines().some((line) => line.requestId === 'req-123' && line.msg === 'request completed')).toBe(true);
  });

  it('replaces a malformed x-request-id with a new one', async () => {
    const { app } = await sampleApp();
    const response = await app.inject({ url: '/health', headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const { app } = await sampleApp();
    const response = await app.inject({ method: 'POST', url: '/v1/things', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toMatchObject({ type: 'urn:lgsp:problem:malformed-json', status: 400 });
  });

  it('names every invalid field by JSON pointer', async () => {
    const { app } = await sampleApp();
    const response = await app.inject({ method: 'POST', url: '/v1/things', payload: { size: 0, extra: 1 } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.type).toBe('urn:lgsp:problem:request-invalid');
    expect(body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['/extra', '/name', '/size'].sort());
  });

  it('answers another content type with 415 and an oversized body with 413', async () => {
    const { app } = await sampleApp();
    const wrongType = await app.inject({ method: 'POST', url: '/v1/things', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().type).toBe('urn:lgsp:problem:unsupported-media-type');
    const tooLarge = await app.inject({ method: 'POST', url: '/v1/things', payload: { name: 'x'.repeat(2048) } });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().type).toBe('urn:lgsp:problem:payload-too-large');
  });

  it('turns a HubError into its status and an unknown route into 404', async () => {
    const { app } = await sampleApp();
    const forbidden = await app.inject('/v1/teapot');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ title: 'Not allowed for this key', detail: 'this key may not brew' });
    const missing = await app.inject('/v1/nowhere');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });

  it('hides internal errors from the caller and logs them without personal data', async () => {
    const { app, text } = await sampleApp();
    const response = await app.inject('/v1/boom');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret internals');
    expect(text()).toContain('secret internals');
    expect(text()).not.toContain('001203012345');
  });

  it('serves its OpenAPI 3.1 document, the open operations routes included', async () => {
    const { app } = await sampleApp();
    const document = (await app.inject('/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/things', '/health', '/ready', '/metrics']));
    for (const path of ['/health', '/ready', '/metrics']) expect(document.paths[path].get.security, path).toEqual([]);
    expect(Object.keys(document.paths['/ready'].get.responses['503'].content)).toEqual([PROBLEM_CONTENT_TYPE]);
    expect(Object.keys(document.paths['/metrics'].get.responses['200'].content)).toEqual(['text/plain']);
  });

  it('answers a path segment that is not valid percent-encoding, or too long, with 400 problem+json', async () => {
    const { app } = await sampleApp();
    for (const url of ['/v1/things/%zz', `/v1/things/${'x'.repeat(1025)}`]) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type'], url).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.json(), url).toMatchObject({ type: 'urn:lgsp:problem:request-invalid', status: 400, errors: [{ pointer: '/params' }] });
      expect(response.json().detail, url).not.toContain('xxxxxxxxxx');
      // No hook runs for the router's refusals; they carry what every answer does all the same.
      expect(response.headers['x-request-id'], url).toBe(response.json().requestId);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('answers a served path asked with another method 405 with Allow, whatever the body', async () => {
    const { app } = await sampleApp();
    for (const [method, payload] of [['DELETE', undefined], ['PUT', '{"broken":'], ['QUERY', undefined]] as const) {
      const response = await app.inject({ method, url: '/v1/things', ...(payload ? { payload, headers: { 'content-type': 'application/json' } } : {}) });
      expect(response.statusCode, method).toBe(405);
      expect(response.headers.allow, method).toBe('POST');
      expect(response.json(), method).toMatchObject({ type: 'urn:lgsp:problem:method-not-allowed', status: 405 });
    }
    const parametric = await app.inject({ method: 'POST', url: '/v1/things/42' });
    expect(parametric.statusCode).toBe(405);
    expect(parametric.headers.allow).toBe('GET, HEAD');
  });

  it('answers an unknown path 404 even when its body is malformed', async () => {
    const { app } = await sampleApp();
    const response = await app.inject({ method: 'POST', url: '/v1/nowhere', payload: '{"broken":', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().type).toBe('urn:lgsp:problem:not-found');
  });

  it('names query parameters under /query, as the hub\'s own checks do', async () => {
    const { app } = await sampleApp();
    const response = await app.inject('/v1/things/1?limit=0');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ pointer: '/query/limit', message: 'must be >= 1' }]);
  });

  it('logs the routes it serves, from fastify\'s own route table', async () => {
    const { app, lines } = await sampleApp();
    await app.ready();
    const logged = lines().find((line) => line.msg === 'routes');
    expect(logged?.routes).toEqual(expect.arrayContaining(['GET /health', 'HEAD /health', 'POST /v1/things', 'GET /v1/things/:id', 'GET /openapi.json']));
  });
});

describe('framework refusals under the hub\'s own codes', () => {
  it('never lets a framework code through as a problem type', () => {
    const error = Object.assign(new Error('Request body size did not match Content-Length'), { code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', statusCode: 400 });
    expect(toHubError(error)).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    const odd = Object.assign(new Error('I am a teapot'), { code: 'FST_ERR_SOMETHING', statusCode: 418 });
    expect(toHubError(odd)).toMatchObject({ code: 'BAD_REQUEST', status: 418 });
  });

  it('maps what the HTTP parser refuses before routing', () => {
    expect(clientErrorProblem(Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }))).toMatchObject({ code: 'REQUEST_TIMEOUT', status: 408 });
    expect(clientErrorProblem(Object.assign(new Error('overflow'), { code: 'HPE_HEADER_OVERFLOW' }))).toMatchObject({ code: 'HEADERS_TOO_LARGE', status: 431 });
    expect(clientErrorProblem(Object.assign(new Error('bad'), { code: 'HPE_INVALID_METHOD' }))).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
  });
});

describe('reading fastify\'s route table', () => {
  it('rebuilds every route from printRoutes({ commonPrefix: false })', () => {
    const printout = [
      '├── /health (GET, HEAD)',
      '├── /v1/schemas (GET, HEAD)',
      '│   └── /:type (GET, HEAD)',
      '├── /v1/citizens:batchGet (POST)',
      '├── /v1/citizens/:personalId (GET, HEAD)',
      '│   ├── /history (GET, HEAD)',
      '│   └── /access-log (GET, HEAD)',
      '└── /v1/events (POST)',
      '',
    ].join('\n');
    expect(routesOfPrintout(printout).map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET /health',
      'HEAD /health',
      'GET /v1/schemas',
      'HEAD /v1/schemas',
      'GET /v1/schemas/:type',
      'HEAD /v1/schemas/:type',
      'POST /v1/citizens:batchGet',
      'GET /v1/citizens/:personalId',
      'HEAD /v1/citizens/:personalId',
      'GET /v1/citizens/:personalId/history',
      'HEAD /v1/citizens/:personalId/history',
      'GET /v1/citizens/:personalId/access-log',
      'HEAD /v1/citizens/:personalId/access-log',
      'POST /v1/events',
    ]);
  });

  it('matches concrete paths to the methods served there', () => {
    const matcher = createRouteMatcher(routesOfPrintout('├── /v1/citizens:batchGet (POST)\n└── /v1/citizens/:personalId (GET, HEAD)\n    └── /history (GET, HEAD)\n'));
    expect(matcher.methodsAt('/v1/citizens:batchGet')).toEqual(['POST']);
    expect(matcher.methodsAt('/v1/citizens/001203012345')).toEqual(['GET', 'HEAD']);
    expect(matcher.methodsAt('/v1/citizens/001203012345/history')).toEqual(['GET', 'HEAD']);
    expect(matcher.methodsAt('/v1/citizens/a/b')).toEqual([]);
    expect(matcher.methodsAt('/v1/citizensXbatchGet')).toEqual([]);
  });
});
