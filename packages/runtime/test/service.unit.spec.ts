import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { captureLogger } from '@lgsp/testkit';
import { buildServiceApp, Errors, PROBLEM_CONTENT_TYPE } from '@lgsp/runtime';

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

  it('serves its OpenAPI 3.1 document', async () => {
    const { app } = await sampleApp();
    const document = (await app.inject('/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/v1/things');
    expect(Object.keys(document.paths)).not.toContain('/metrics');
  });
});
