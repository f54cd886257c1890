// Guarantee 6 (no read outside its purpose) over real HTTP, on records the real consolidator folded from
// real events: every development key × every purpose of the development policy × every endpoint. A
// section the purpose does not grant never appears in the raw bytes of an answer — record, batch or
// history — and every 200 has its audit entry in lgsp.audit.v1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_KEYS, developmentPolicyPath, grantsPath, loadPolicy, sectionsFor, authenticate, type SectionGrant } from '@lgsp/policy';
import { call, type RawResponse } from './http.ts';
import { PRESENT_IN_HISTORY, PRESENT_IN_RECORD, SENTINELS, publishSamplePeople, type SamplePeople } from './sample-people.ts';
import type { ServiceProcess } from '@lgsp/testkit';
import { startTestHub, type TestHub } from './test-hub.ts';

const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'test' });
const PURPOSES = [...new Set(policy.consumers.flatMap((consumer) => Object.keys(consumer.purposes)))];
const ENDPOINTS = ['record', 'batch', 'history', 'access-log'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

function grantOf(key: string, purpose: string): SectionGrant | undefined {
  try {
    return sectionsFor(authenticate(policy, `Bearer ${key}`), purpose);
  } catch {
    return undefined;
  }
}

function forbiddenSentinels(grant: SectionGrant): string[] {
  return Object.entries(SENTINELS)
    .filter(([section]) => !grantsPath(grant, section))
    .flatMap(([, sentinels]) => sentinels);
}

describe('the citizen API authorization matrix', () => {
  let hub: TestHub;
  let api: ServiceProcess;
  let people: SamplePeople;
  /** requestId → audit entries expected for it. */
  const expectedAudit = new Map<string, number>();

  const read = async (endpoint: Endpoint, key: string | undefined, purpose: string): Promise<RawResponse> => {
    const id = people.full.personalId;
    const response =
      endpoint === 'batch'
        ? await call(api.url, 'POST', '/v1/citizens:batchGet', { key, purpose, body: { ids: [id, people.plain.personalId, '001299999999'] } })
        : await call(api.url, 'GET', `/v1/citizens/${id}${endpoint === 'record' ? '' : `/${endpoint}`}`, { key, purpose });
    if (response.status === 200) expectedAudit.set(response.requestId, endpoint === 'batch' ? 2 : 1);
    return response;
  };

  beforeAll(async () => {
    hub = await startTestHub();
    api = await hub.startCitizenApi();
    people = await publishSamplePeople(hub, 61);
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  }, 60_000);

  const cases = DEV_KEYS.flatMap(({ key, holder }) => PURPOSES.flatMap((purpose) => ENDPOINTS.map((endpoint) => ({ key, holder, purpose, endpoint }))));

  it.each(cases)('$holder reading $endpoint for $purpose sees only what the purpose grants', async ({ key, purpose, endpoint }) => {
    const response = await read(endpoint, key, purpose);
    const grant = grantOf(key, purpose);
    const allowed = grant !== undefined && (endpoint !== 'access-log' || grantsPath(grant, 'access-log'));
    if (!allowed) {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      for (const sentinels of Object.values(SENTINELS)) for (const sentinel of sentinels) expect(response.text).not.toContain(sentinel);
      expect(response.text).not.toContain(people.full.fullName);
      return;
    }
    expect(response.status, response.text).toBe(200);
    for (const sentinel of forbiddenSentinels(grant)) expect(response.text, `${sentinel} must not appear`).not.toContain(sentinel);
    const present = endpoint === 'history' ? PRESENT_IN_HISTORY : endpoint === 'access-log' ? {} : PRESENT_IN_RECORD;
    for (const [section, sentinel] of Object.entries(present)) {
      if (grantsPath(grant, section)) expect(response.text, `${sentinel} must appear`).toContain(sentinel);
    }
  });

  it.each(ENDPOINTS)('answers %s without a key 401, naming the Bearer scheme', async (endpoint) => {
    const response = await read(endpoint, undefined, 'land-procedure');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(response.json()).toMatchObject({ status: 401, type: 'urn:lgsp:problem:unauthorized' });
  });

  it.each(ENDPOINTS)('answers %s with a wrong key 401', async (endpoint) => {
    const response = await read(endpoint, 'dev-land-portal-key-but-wrong', 'land-procedure');
    expect(response.status).toBe(401);
    expect(response.text).not.toContain(people.full.fullName);
  });

  it('takes the purpose from the x-purpose header as well as the query', async () => {
    const response = await call(api.url, 'GET', `/v1/citizens/${people.full.personalId}`, { key: 'dev-land-portal-key', purposeHeader: 'land-procedure' });
    expect(response.status).toBe(200);
    expectedAudit.set(response.requestId, 1);
    expect(response.text).toContain('SX424242');
    expect(response.text).not.toContain('SENTINEL-ENTERPRISE');
  });

  it('refuses a read that names no purpose with 400', async () => {
    const response = await call(api.url, 'GET', `/v1/citizens/${people.full.personalId}`, { key: 'dev-land-portal-key' });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ type: 'urn:lgsp:problem:purpose-missing', errors: [{ pointer: '/query/purpose' }] });
  });

  it('has written an audit entry for every 200 answer, with the consumer, purpose and sections', async () => {
    const expectedTotal = [...expectedAudit.values()].reduce((sum, count) => sum + count, 0);
    expect(expectedTotal).toBeGreaterThan(20);
    const log = await hub.auditLog();
    const entries = log.flatMap((partition) => partition.entries);
    const byRequest = new Map<string, number>();
    for (const entry of entries) byRequest.set(entry.requestId, (byRequest.get(entry.requestId) ?? 0) + 1);
    for (const [requestId, count] of expectedAudit) expect(byRequest.get(requestId) ?? 0, `audit entries of ${requestId}`).toBe(count);
    expect(entries.length).toBe(expectedTotal);
    const landRead = entries.find((entry) => entry.consumer === 'land services portal' && entry.read === 'record');
    expect(landRead).toMatchObject({ purpose: 'land-procedure', personalId: people.full.personalId, sections: ['identity', 'status', 'residence', 'landRights'] });
  });
});
