// Nothing personal or secret in clear in any log line (README "Conventions", spec README §1): a whole hub
// of real processes, every one's output captured at debug level, takes a province through the adapters
// (CloudEvents and native records), answers portals' reads of every kind, and refuses bad keys, bad
// purposes and bad bodies full of personal data. Then no line of any process holds a generated person's
// 12-digit personal ID or full name, a judicial field's value (offence, sentence, court, judgment), or a
// key, the development keys and the forged ones alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerator, type HubEvent, type Person, type Registry } from '@lgsp/contract';
import { DEV_KEYS } from '@lgsp/policy';
import { agencyKeyOf, eventually, generateProvince, HUB_SERVICE_NAMES, pushThroughAdapters, startHub, type HubServiceName, type HubUnderTest } from '@lgsp/testkit';

const SEED = 20_261_202;
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fuzz', 'fixtures');
const NATIVE = (JSON.parse(readFileSync(path.join(fixtures, 'native-records.json'), 'utf8')) as { records: Record<Registry, Record<string, unknown>> }).records;
const FORGED_KEYS = ['sk-live-FORGED-0123456789abcdef', 'dev-land-key-but-longer', 'Zm9yZ2VkLWtleQ=='];

let hub: HubUnderTest;
let people: Person[];
/** Every judicial value that went in: offences, sentences, courts, judgment numbers. */
const judicialValues = new Set<string>();

async function call(service: HubServiceName, target: string, init: { method?: string; key?: string; headers?: Record<string, string>; body?: string } = {}): Promise<number> {
  const response = await fetch(`${hub.url(service)}${target}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.key ? { authorization: `Bearer ${init.key}` } : {}), ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  await response.text();
  return response.status;
}

beforeAll(async () => {
  hub = await startHub({ env: { LOG_LEVEL: 'debug' } });
  const province = generateProvince({ seed: SEED, people: 40 });
  people = province.people;
  // Judicial entries for a few people at least, so there are judicial values to look for.
  const generator = createGenerator(SEED);
  const judicial = people.slice(0, 4).flatMap((person) => {
    const holdings = generator.holdings();
    return [generator.event('vn.lgsp.judicial.conviction-recorded.v1', person, holdings), generator.event('vn.lgsp.judicial.ban-imposed.v1', person, holdings)] as HubEvent[];
  });
  const events = [...province.events, ...judicial];
  for (const event of events) {
    if (!event.type.startsWith('vn.lgsp.judicial.')) continue;
    const data = event.data as Record<string, unknown>;
    for (const field of ['offence', 'sentence', 'court', 'judgmentNo']) if (typeof data[field] === 'string') judicialValues.add(data[field]);
  }
  await pushThroughAdapters(hub, events);
  // The native records too, through the mappings.
  for (const [registry, record] of Object.entries(NATIVE) as Array<[Registry, Record<string, unknown>]>) {
    expect(await call(`adapter-${registry}`, '/v1/records', { method: 'POST', key: agencyKeyOf(registry), headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) })).toBe(202);
  }
  for (const value of ['BLHS-2015 Điều 173', '12 tháng tù treo', 'TAND TP Hà Nội', '123/2025/HS-ST']) judicialValues.add(value);
  // Every person folded in: a batch read of all of them misses none.
  await eventually(
    async () => {
      const response = await fetch(`${hub.url('citizen-api')}/v1/citizens:batchGet?purpose=data-subject-access`, {
        method: 'POST',
        headers: { authorization: 'Bearer dev-citizen-portal-key', 'content-type': 'application/json' },
        body: JSON.stringify({ ids: people.map((person) => person.personalId) }),
      });
      return response.status === 200 && ((await response.json()) as { missing: string[] }).missing.length === 0 ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

describe('a hub at work, and refusing bad input', () => {
  it('answers reads of every kind for every portal', async () => {
    const readers: Array<[string, string]> = [
      ['dev-land-portal-key', 'land-procedure'],
      ['dev-business-portal-key', 'enterprise-registration'],
      ['dev-judicial-office-key', 'criminal-record-certificate'],
      ['dev-citizen-portal-key', 'data-subject-access'],
      ['dev-operator-key', 'operator-console'],
    ];
    for (const [key, purpose] of readers) {
      for (const person of people.slice(0, 6)) {
        expect(await call('citizen-api', `/v1/citizens/${person.personalId}?purpose=${purpose}`, { key })).toBe(200);
        expect(await call('citizen-api', `/v1/citizens/${person.personalId}/history?purpose=${purpose}`, { key })).toBe(200);
      }
      const ids = people.slice(0, 20).map((person) => person.personalId);
      expect(await call('citizen-api', `/v1/citizens:batchGet`, { method: 'POST', key, headers: { 'content-type': 'application/json', 'x-purpose': purpose }, body: JSON.stringify({ ids: [...ids, '001299999999'] }) })).toBe(200);
    }
    expect(await call('citizen-api', `/v1/citizens/${people[0]!.personalId}/access-log?purpose=data-subject-access`, { key: 'dev-citizen-portal-key' })).toBe(200);
  });

  it('refuses bad keys, bad purposes and bad bodies full of personal data', async () => {
    const [person] = people as [Person, ...Person[]];
    const statuses: number[] = [];
    for (const service of HUB_SERVICE_NAMES) {
      for (const key of [...FORGED_KEYS, ...DEV_KEYS.map(({ key: devKey }) => `${devKey}x`)]) {
        statuses.push(await call(service, service === 'citizen-api' ? `/v1/citizens/${person.personalId}?purpose=data-subject-access` : '/v1/events', { method: service === 'citizen-api' ? 'GET' : 'POST', key }));
      }
      // An unknown path carrying a personal ID.
      statuses.push(await call(service, `/v1/people/${person.personalId}/${encodeURIComponent(person.fullName)}`, { key: 'dev-operator-key' }));
    }
    // Purposes not held, IDs the hub never heard of, IDs that are not valid.
    statuses.push(await call('citizen-api', `/v1/citizens/${person.personalId}?purpose=criminal-record-certificate`, { key: 'dev-land-portal-key' }));
    statuses.push(await call('citizen-api', `/v1/citizens/${person.personalId}/access-log?purpose=land-procedure`, { key: 'dev-land-portal-key' }));
    statuses.push(await call('citizen-api', '/v1/citizens/001299999998?purpose=land-procedure', { key: 'dev-land-portal-key' }));
    statuses.push(await call('citizen-api', `/v1/citizens/999${person.personalId.slice(3)}?purpose=land-procedure`, { key: 'dev-land-portal-key' }));
    statuses.push(await call('citizen-api', '/v1/citizens:batchGet?purpose=land-procedure', { method: 'POST', key: 'dev-land-portal-key', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [person.personalId, person.fullName] }) }));
    // Events that break the contract, with the person's data in them; a batch with one such among valid ones.
    const generator = createGenerator(SEED + 1);
    const conviction = generator.event('vn.lgsp.judicial.conviction-recorded.v1', person) as HubEvent;
    const broken = { ...conviction, data: { ...(conviction.data as object), sentence: 42, fullName: person.fullName } };
    for (const field of ['offence', 'sentence', 'court', 'judgmentNo']) judicialValues.add(String((conviction.data as Record<string, unknown>)[field]));
    statuses.push(await call('adapter-judicial', '/v1/events', { method: 'POST', key: agencyKeyOf('judicial'), headers: { 'content-type': 'application/cloudevents+json' }, body: JSON.stringify(broken) }));
    statuses.push(await call('adapter-judicial', '/v1/events', { method: 'POST', key: agencyKeyOf('judicial'), headers: { 'content-type': 'application/cloudevents-batch+json' }, body: JSON.stringify([conviction, broken]) }));
    // Another registry's event with the person's data: 403.
    statuses.push(await call('adapter-land', '/v1/events', { method: 'POST', key: agencyKeyOf('land'), headers: { 'content-type': 'application/cloudevents+json' }, body: JSON.stringify(conviction) }));
    // Native records that cannot be mapped, and NDJSON with a line that is not JSON, both full of the person.
    const judicialRecord = NATIVE.judicial as { duongSu: Record<string, unknown>; banAn: Record<string, unknown> };
    const unmappable = { ...judicialRecord, thoiDiem: 'yesterday', duongSu: { soDinhDanh: person.personalId, hoTen: person.fullName }, banAn: { ...judicialRecord.banAn, hinhPhat: 7 } };
    statuses.push(await call('adapter-judicial', '/v1/records', { method: 'POST', key: agencyKeyOf('judicial'), headers: { 'content-type': 'application/json' }, body: JSON.stringify(unmappable) }));
    const line = `{"duongSu": {"soDinhDanh": "${person.personalId}", "hoTen": "${person.fullName}"}, "banAn": {"toiDanh": "BLHS-2015 Điều 173"`;
    statuses.push(await call('adapter-judicial', '/v1/records', { method: 'POST', key: agencyKeyOf('judicial'), headers: { 'content-type': 'application/x-ndjson' }, body: `${JSON.stringify(NATIVE.judicial)}\n${line}\n` }));
    statuses.push(await call('adapter-household', '/v1/records', { method: 'POST', key: agencyKeyOf('household'), headers: { 'content-type': 'application/json' }, body: `{"congDan": {"soDinhDanh": "${person.personalId}", "hoTen": ${JSON.stringify(person.fullName)}}, ` }));
    expect(statuses.every((status) => status >= 400 && status < 500), JSON.stringify(statuses)).toBe(true);
  });
});

describe('the logs of every process', () => {
  const logOf = (name: HubServiceName): string => hub.service(name).output();

  it('were captured, and hold the requests they served', () => {
    for (const name of HUB_SERVICE_NAMES) {
      expect(logOf(name).length, name).toBeGreaterThan(0);
      expect(hub.service(name).lines().some((line) => line.msg === 'request completed'), name).toBe(true);
    }
    expect(hub.service('citizen-api').lines().filter((line) => line.msg === 'request completed').length).toBeGreaterThan(60);
    // The check can see where an ID would be: the portals' URLs are logged, with the ID masked.
    expect(logOf('citizen-api')).toContain('/v1/citizens/************');
  });

  it('hold no 12-digit personal ID', () => {
    for (const name of HUB_SERVICE_NAMES) {
      const text = logOf(name);
      for (const person of people) expect(text.includes(person.personalId), `${name} logs ${person.personalId}`).toBe(false);
      expect(text.includes('001203012345'), `${name} logs the fixtures' personal ID`).toBe(false);
      // Nor any other 12-digit number, once UUIDs (request ids, whose last group can be all digits) are set aside.
      const lines = text.split('\n').filter((line) => /(?<!\d)\d{12}(?!\d)/.test(line.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, 'uuid')));
      expect(lines, `${name} logs 12-digit numbers`).toEqual([]);
    }
  });

  it("hold no person's full name", () => {
    for (const name of HUB_SERVICE_NAMES) {
      const text = logOf(name);
      for (const fullName of [...people.map((person) => person.fullName), 'Nguyễn Văn An']) expect(text.includes(fullName), `${name} logs ${fullName}`).toBe(false);
    }
  });

  it('hold no judicial value', () => {
    expect(judicialValues.size).toBeGreaterThan(4);
    for (const name of HUB_SERVICE_NAMES) {
      const text = logOf(name);
      for (const value of judicialValues) expect(text.includes(value), `${name} logs ${value}`).toBe(false);
    }
  });

  it('hold no key, known or forged', () => {
    for (const name of HUB_SERVICE_NAMES) {
      const text = logOf(name);
      for (const key of [...DEV_KEYS.map(({ key: devKey }) => devKey), ...FORGED_KEYS]) expect(text.includes(key), `${name} logs ${key}`).toBe(false);
      expect(text, name).not.toMatch(/bearer\s+\S/i);
    }
  });
});
