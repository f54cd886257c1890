import { afterEach, describe, expect, it } from 'vitest';
import { buildServiceApp, createLogger, Errors, PROBLEM_CONTENT_TYPE, type ServiceApp } from '@lgsp/runtime';
import { cloudEventSchema, EVENT_SCHEMAS, eventTypesOfRegistry, schemaCatalogue, SCHEMA_CONTENT_TYPE, schemaIdOf, type SchemaCatalogueOptions } from '@lgsp/contract';

let app: ServiceApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function landAdapter(options: Partial<SchemaCatalogueOptions> = {}): Promise<ServiceApp> {
  app = await buildServiceApp({ service: 'adapter-land', logger: createLogger({ service: 'adapter-land', level: 'silent' }) });
  await app.register(schemaCatalogue({ types: eventTypesOfRegistry('land'), ...options }));
  return app;
}

describe('the schema catalogue', () => {
  it('lists the types the service accepts, with version, registry and schema URI', async () => {
    const service = await landAdapter();
    const response = await service.inject('/v1/schemas');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      envelope: { schema: 'urn:lgsp:schema:cloudevent', url: '/v1/schemas/cloudevent' },
      types: [
        { type: 'vn.lgsp.land.right-granted.v1', registry: 'land', version: 1, schema: 'urn:lgsp:schema:vn.lgsp.land.right-granted.v1', url: '/v1/schemas/vn.lgsp.land.right-granted.v1' },
        { type: 'vn.lgsp.land.right-updated.v1', registry: 'land', version: 1, schema: 'urn:lgsp:schema:vn.lgsp.land.right-updated.v1', url: '/v1/schemas/vn.lgsp.land.right-updated.v1' },
        { type: 'vn.lgsp.land.right-revoked.v1', registry: 'land', version: 1, schema: 'urn:lgsp:schema:vn.lgsp.land.right-revoked.v1', url: '/v1/schemas/vn.lgsp.land.right-revoked.v1' },
      ],
    });
  });

  it("serves a type's schema as application/schema+json, its $id being the events' dataschema", async () => {
    const service = await landAdapter();
    const response = await service.inject('/v1/schemas/vn.lgsp.land.right-granted.v1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/schema\+json\b/);
    expect(response.json()).toEqual(EVENT_SCHEMAS['vn.lgsp.land.right-granted.v1']);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.json().$id).toBe(schemaIdOf('vn.lgsp.land.right-granted.v1'));
    const envelope = await service.inject('/v1/schemas/cloudevent');
    expect(envelope.json()).toEqual(cloudEventSchema);
  });

  it('answers 404 problem+json for a type it does not accept or that does not exist', async () => {
    const service = await landAdapter();
    for (const type of ['vn.lgsp.judicial.ban-imposed.v1', 'vn.lgsp.land.right-sold.v1', 'nonsense']) {
      const response = await service.inject(`/v1/schemas/${type}`);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.json()).toMatchObject({ type: 'urn:lgsp:problem:not-found', status: 404 });
    }
  });

  it('lists absolute URLs under a configured base URL', async () => {
    const service = await landAdapter({ baseUrl: 'https://lgsp.example.gov.vn/land/' });
    const listing = (await service.inject('/v1/schemas')).json();
    expect(listing.types[0].url).toBe('https://lgsp.example.gov.vn/land/v1/schemas/vn.lgsp.land.right-granted.v1');
  });

  it('describes both routes in the OpenAPI document', async () => {
    const service = await landAdapter();
    const document = (await service.inject('/openapi.json')).json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/schemas', '/v1/schemas/{type}']));
    expect(Object.keys(document.paths['/v1/schemas/{type}'].get.responses['200'].content)).toEqual([SCHEMA_CONTENT_TYPE]);
    expect(Object.keys(document.paths['/v1/schemas/{type}'].get.responses['404'].content)).toEqual([PROBLEM_CONTENT_TYPE]);
  });

  it('checks the key first when told how, and documents that it needs one', async () => {
    const service = await landAdapter({
      authenticate: (request) => {
        if (request.headers.authorization !== 'Bearer known') throw Errors.Unauthorized({ detail: 'no key' });
      },
    });
    for (const url of ['/v1/schemas', '/v1/schemas/vn.lgsp.land.right-granted.v1', '/v1/schemas/nonsense']) {
      const refused = await service.inject(url);
      expect(refused.statusCode, url).toBe(401);
      expect(refused.headers['content-type'], url).toContain(PROBLEM_CONTENT_TYPE);
    }
    expect((await service.inject({ url: '/v1/schemas', headers: { authorization: 'Bearer known' } })).statusCode).toBe(200);
    const document = (await service.inject('/openapi.json')).json();
    for (const path of ['/v1/schemas', '/v1/schemas/{type}']) {
      expect(document.paths[path].get.security, path).toEqual([{ bearer: [] }]);
      expect(Object.keys(document.paths[path].get.responses['401'].content), path).toEqual([PROBLEM_CONTENT_TYPE]);
    }
  });
});
