// The citizen API's answers besides authorization: malformed and unknown IDs, batches, ETag and 304
// (audited), ETags that follow a joined enterprise status, the rate limit, security headers, the access
// log, the OpenAPI document and start-up refusals. Real HTTP, real Kafka and Redis, the real consolidator.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '@lgsp/contract';
import { developmentPolicyPath } from '@lgsp/policy';
import { eventually } from '@lgsp/testkit';
import { accessLogKey } from '../src/access-log/keys.ts';
import { auditedAnswers, call } from './http.ts';
import { publishSamplePeople, type SamplePeople } from './sample-people.ts';
import { CITIZEN_API_ENTRY, type ServiceProcess } from '@lgsp/testkit';
import { startTestHub, type TestHub } from './test-hub.ts';

const LAND = { key: 'dev-land-portal-key', purpose: 'land-procedure' };
const BUSINESS = { key: 'dev-business-portal-key', purpose: 'enterprise-registration' };
const CITIZEN = { key: 'dev-citizen-portal-key', purpose: 'data-subject-access' };

/** The development policy with the land portal limited to 60 requests a minute, 3 at once. */
function tightPolicyFile(): string {
  const policy = JSON.parse(fs.readFileSync(developmentPolicyPath, 'utf8')) as { consumers: Array<{ name: string; rateLimit: unknown }> };
  for (const consumer of policy.consumers) if (consumer.name === 'land services portal') consumer.rateLimit = { requestsPerMinute: 60, burst: 3 };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lgsp-policy-')), 'policy.json');
  fs.writeFileSync(file, JSON.stringify(policy));
  return file;
}

describe('the citizen API', () => {
  let hub: TestHub;
  let api: ServiceProcess;
  let people: SamplePeople;
  const record = (id: string) => `/v1/citizens/${id}`;

  beforeAll(async () => {
    hub = await startTestHub();
    api = await hub.startCitizenApi();
    people = await publishSamplePeople(hub, 62);
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  }, 60_000);

  describe('personal IDs', () => {
    it.each([
      ['11 digits', '00120301234', 'must be 12 digits'],
      ['13 digits', '0012030123456', 'must be 12 digits'],
      ['letters', '00120301234A', 'must be 12 digits'],
      ['spaces', '001 20301234', 'must be 12 digits'],
      ['an unknown province 000', '000203012345', 'has an unknown province code 000'],
      ['an unknown province 097', '097203012345', 'has an unknown province code 097'],
    ])('answers an ID of %s with 400 naming the parameter', async (_kind, id, message) => {
      const response = await call(api.url, 'GET', record(encodeURIComponent(id)), LAND);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ type: 'urn:lgsp:problem:personal-id-invalid', errors: [{ pointer: '/params/personalId', message }] });
    });

    it('answers a valid ID the hub never heard of with 404, and does not audit it', async () => {
      const response = await call(api.url, 'GET', record('001299999999'), LAND);
      expect(response.status).toBe(404);
      expect(response.json()).toMatchObject({ type: 'urn:lgsp:problem:citizen-not-found' });
      const history = await call(api.url, 'GET', `${record('001299999999')}/history`, LAND);
      expect(history.status).toBe(404);
      const entries = (await hub.auditLog()).flatMap((partition) => partition.entries);
      expect(entries.filter((entry) => entry.requestId === response.requestId)).toEqual([]);
    });

    it('checks the ID before anything else only once the key is known (401 first)', async () => {
      expect((await call(api.url, 'GET', record('123'), { purpose: 'land-procedure' })).status).toBe(401);
    });
  });

  describe('batchGet', () => {
    it('returns the records found, cut, and lists the missing; one audit entry per record', async () => {
      const ids = [people.full.personalId, '001299999999', people.plain.personalId, people.full.personalId];
      const response = await call(api.url, 'POST', '/v1/citizens:batchGet', { ...LAND, body: { ids } });
      expect(response.status).toBe(200);
      const body = response.json<{ records: Array<{ personalId: string }>; missing: string[] }>();
      expect(body.records.map((entry) => entry.personalId)).toEqual([people.full.personalId, people.plain.personalId]);
      expect(body.missing).toEqual(['001299999999']);
      expect(response.text).not.toContain('SENTINEL-ENTERPRISE');
      const entries = (await hub.auditLog()).flatMap((partition) => partition.entries).filter((entry) => entry.requestId === response.requestId);
      expect(entries.map((entry) => entry.personalId).sort()).toEqual([people.full.personalId, people.plain.personalId].sort());
    });

    it('answers a batch holding one malformed ID with 400 pointing at it', async () => {
      const response = await call(api.url, 'POST', '/v1/citizens:batchGet', { ...LAND, body: { ids: [people.full.personalId, '12345'] } });
      expect(response.status).toBe(400);
      expect(response.json()).toMatchObject({ errors: [{ pointer: '/ids/1', message: 'must be 12 digits' }] });
    });

    it('answers more than 100 IDs, no IDs or unknown members with 400', async () => {
      const many = Array.from({ length: 101 }, () => people.full.personalId);
      expect((await call(api.url, 'POST', '/v1/citizens:batchGet', { ...LAND, body: { ids: many } })).status).toBe(400);
      expect((await call(api.url, 'POST', '/v1/citizens:batchGet', { ...LAND, body: { ids: [] } })).status).toBe(400);
      const extra = await call(api.url, 'POST', '/v1/citizens:batchGet', { ...LAND, body: { ids: [people.full.personalId], also: 1 } });
      expect(extra.status).toBe(400);
      expect(extra.json()).toMatchObject({ errors: [{ pointer: '/also' }] });
    });

    it('answers an oversized body with 413', async () => {
      const response = await call(api.url, 'POST', '/v1/citizens:batchGet', { ...LAND, body: { ids: ['x'.repeat(20_000)] } });
      expect(response.status).toBe(413);
    });
  });

  describe('caching', () => {
    it('answers If-None-Match with the current ETag 304, and audits the revalidation', async () => {
      const first = await call(api.url, 'GET', record(people.plain.personalId), LAND);
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).toBe(`"${first.json<{ version: number }>().version}"`);
      expect(first.headers.get('cache-control')).toBe('private, no-cache');
      const again = await call(api.url, 'GET', record(people.plain.personalId), { ...LAND, headers: { 'if-none-match': first.headers.get('etag')! } });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      const stale = await call(api.url, 'GET', record(people.plain.personalId), { ...LAND, headers: { 'if-none-match': '"0"' } });
      expect(stale.status).toBe(200);
      const entries = (await hub.auditLog()).flatMap((partition) => partition.entries);
      expect(entries.filter((entry) => entry.requestId === again.requestId)).toHaveLength(1);
    });

    it('changes the ETag of a view with roles when the enterprise status changes, though the version does not', async () => {
      const before = await call(api.url, 'GET', record(people.full.personalId), BUSINESS);
      const landBefore = await call(api.url, 'GET', record(people.full.personalId), LAND);
      const version = before.json<{ version: number }>().version;
      expect(before.headers.get('etag')).toMatch(new RegExp(`^"${version}-.+"$`));
      expect(landBefore.headers.get('etag')).toBe(`"${version}"`);
      await hub.publish([
        buildEvent('vn.lgsp.enterprise.status-changed.v1', {
          id: 'DN-ETAG-STATUS-0001',
          subject: people.enterpriseCode,
          time: '2026-01-01T08:00:00+07:00',
          data: { enterpriseCode: people.enterpriseCode, enterpriseName: 'Công ty TNHH SENTINEL-ENTERPRISE', status: 'dissolved', since: '2026-01-01' },
        }),
      ]);
      const after = await eventually(async () => {
        const response = await call(api.url, 'GET', record(people.full.personalId), { ...BUSINESS, headers: { 'if-none-match': before.headers.get('etag')! } });
        return response.status === 200 ? response : undefined;
      });
      expect(after.json<{ version: number }>().version).toBe(version);
      expect(after.text).toContain('"enterpriseStatus":"dissolved"');
      expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
      const landAfter = await call(api.url, 'GET', record(people.full.personalId), { ...LAND, headers: { 'if-none-match': `"${version}"` } });
      expect(landAfter.status).toBe(304);
    });
  });

  it('sends the security headers on every answer', async () => {
    for (const response of [await call(api.url, 'GET', record(people.full.personalId), LAND), await call(api.url, 'GET', record('001299999999'), LAND)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    expect((await call(api.url, 'GET', `${record(people.full.personalId)}/history`, LAND)).headers.get('cache-control')).toBe('no-store');
  });

  it('pages history with a cursor', async () => {
    const first = await call(api.url, 'GET', `${record(people.full.personalId)}/history?limit=2`, CITIZEN);
    const page = first.json<{ items: unknown[]; nextCursor: string }>();
    expect(page.items).toHaveLength(2);
    const second = await call(api.url, 'GET', `${record(people.full.personalId)}/history?limit=10&cursor=${page.nextCursor}`, CITIZEN);
    const rest = second.json<{ items: unknown[]; nextCursor: string | null }>();
    expect(rest.items.length).toBeGreaterThan(0);
    expect(rest.nextCursor).toBeNull();
    expect([...page.items, ...rest.items]).toHaveLength(new Set([...page.items, ...rest.items].map((item) => JSON.stringify(item))).size);
  });

  it('shows the person who read their record, for which purpose and which sections', async () => {
    const read = await call(api.url, 'GET', record(people.plain.personalId), BUSINESS);
    expect(read.status).toBe(200);
    const log = await eventually(async () => {
      const response = await call(api.url, 'GET', `${record(people.plain.personalId)}/access-log`, CITIZEN);
      const items = response.json<{ items: Array<Record<string, unknown>> }>().items;
      return items.some((item) => item.consumer === 'business portal') ? items : undefined;
    });
    expect(log.find((item) => item.consumer === 'business portal')).toMatchObject({
      purpose: 'enterprise-registration',
      sections: ['identity', 'status', 'residence', 'enterpriseRoles', 'judicial.bans'],
      read: 'record',
    });
    expect(log[0]).toHaveProperty('time');
  });

  it('keeps the access log idempotent, and rebuilds it from the audit topic into emptied keys', async () => {
    const key = accessLogKey(hub.keyPrefix, people.full.personalId);
    const entriesInTopic = async (): Promise<number> =>
      (await hub.auditLog()).flatMap((partition) => partition.entries).filter((entry) => entry.personalId === people.full.personalId).length;
    const expected = await entriesInTopic();
    const projected = await eventually(async () => ((await hub.redis.zcard(key)) === expected ? hub.redis.zrange(key, 0, -1) : undefined));
    await hub.redis.del(key);
    // A new group reads the topic from the start, as a reset of the group would; the first one keeps running.
    await hub.startCitizenApi({ ACCESS_LOG_GROUP_ID: `${hub.topicPrefix}rebuild` });
    const rebuilt = await eventually(async () => ((await hub.redis.zcard(key)) >= expected ? hub.redis.zrange(key, 0, -1) : undefined));
    expect(rebuilt).toEqual(projected);
  }, 60_000);

  it('answers past the consumer rate limit with 429 and Retry-After', async () => {
    const limited = await hub.startCitizenApi({ POLICY_FILE: tightPolicyFile(), HSTS_MAX_AGE_SECONDS: '31536000' });
    const statuses: number[] = [];
    let refusal: Awaited<ReturnType<typeof call>> | undefined;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await call(limited.url, 'GET', record(people.plain.personalId), LAND);
      statuses.push(response.status);
      if (response.status === 429) refusal ??= response;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses).toContain(429);
    expect(Number(refusal!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refusal!.json()).toMatchObject({ type: 'urn:lgsp:problem:rate-limited', status: 429 });
    expect(refusal!.text).not.toContain(people.plain.fullName);
    expect(refusal!.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    // Another consumer is not affected by the land portal's limit.
    expect((await call(limited.url, 'GET', record(people.plain.personalId), BUSINESS)).status).toBe(200);
  }, 60_000);

  it('describes its routes in the OpenAPI 3.1 document', async () => {
    const document = (await call(api.url, 'GET', '/openapi.json')).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/citizens/{personalId}', '/v1/citizens:batchGet', '/v1/citizens/{personalId}/history', '/v1/citizens/{personalId}/access-log']),
    );
  });

  it('has written, before answering, exactly the audit entries of every 200 of this file', async () => {
    expect(auditedAnswers.length).toBeGreaterThanOrEqual(15);
    const perRequest = new Map<string, number>();
    for (const entry of (await hub.auditLog()).flatMap((partition) => partition.entries)) perRequest.set(entry.requestId, (perRequest.get(entry.requestId) ?? 0) + 1);
    for (const { requestId, entries } of auditedAnswers) expect(perRequest.get(requestId), requestId).toBe(entries);
  });

  it.each([
    ['a policy file that cannot be read', { POLICY_FILE: '/nonexistent/policy.json' }, /^citizen-api: policy file \/nonexistent\/policy\.json: cannot be read \(ENOENT\)\n$/],
    ['the development policy in production', { NODE_ENV: 'production' }, /development keys are refused when NODE_ENV=production/],
    ['a bad port', { PORT: 'eighty' }, /^citizen-api: configuration error: PORT/],
  ])('stops at start-up with one line for %s', async (_case, env, message) => {
    const child = spawn(process.execPath, [CITIZEN_API_ENTRY], { env: { ...process.env, ...hub.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(78);
    expect(stderr).toMatch(message);
  });
});
