// Guarantee 7 (spec README §4) on a whole hub of real processes, through its public HTTP interfaces only:
// seeded fast-check generators throw malformed and hostile requests at every endpoint of the four
// adapters and the citizen API — broken JSON, wrong types, huge strings and arrays, deep nesting, unicode
// edge cases, injection-looking strings in every field, wrong content types, missing and forged keys.
// Every answer is < 500 and an RFC 9457 problem+json naming what is wrong; every process stays up; and
// not one event or audit entry is published (end offsets of every hub topic unchanged over the run),
// which a small valid control at the end shows the check would have seen.
// Seeded and bounded for CI; FUZZ_SEED and FUZZ_SCALE (a multiple of every run count) dig deeper by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerator, EVENT_TYPES, eventTypesOfRegistry, registryOfType, REGISTRIES, validateEvent, type HubEvent, type Registry } from '@lgsp/contract';
import type { Admin } from '@lgsp/kafka';
import { agencyKeyOf, eventually, pushThroughAdapters, startHub, testKafka, type HubServiceName, type HubUnderTest } from '@lgsp/testkit';
import { rawRequest } from '../support/raw-http.ts';
import { describeTally, expectRefusal, newTally, send, type HostileRequest, type Tally } from './answers.ts';
import {
  brokenJson,
  deeplyNested,
  everyLeaf,
  hostileJsonValue,
  hostileString,
  invalidAuthorization,
  otherContentType,
  parses,
  percentEncode,
  withLegacyBytes,
  withValueAt,
  type KeyChoice,
} from './hostile.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (count: number): number => Math.max(1, Math.round(count * SCALE));
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NATIVE = (JSON.parse(readFileSync(path.join(fixtures, 'native-records.json'), 'utf8')) as { records: Record<Registry, Record<string, unknown>> }).records;

const EVENT_TYPES_ACCEPTED = ['application/cloudevents+json', 'application/cloudevents-batch+json'];
const RECORD_TYPES_ACCEPTED = ['application/json', 'application/x-ndjson'];

let hub: HubUnderTest;
let admin: Admin;
let before: Map<string, string>;
const tally: Tally = newTally();

/** Valid events of every type, a few of each, to mutate into invalid ones. */
const validEvents: HubEvent[] = (() => {
  const generator = createGenerator(SEED);
  return EVENT_TYPES.flatMap((type) => [0, 1].map(() => generator.event(type, generator.person()) as HubEvent));
})();
/** A person the hub knows (pushed before the run), so hostile reads can aim at a real record too. */
const KNOWN = createGenerator(SEED + 1).person();
const KNOWN_ID = KNOWN.personalId;

const eventsOf = (registry: Registry): HubEvent[] => validEvents.filter((event) => registryOfType(event.type) === registry);

async function endOffsets(): Promise<Map<string, string>> {
  const topics = [...Object.values(hub.names.registry), hub.names.deadLetter, hub.names.audit, hub.names.records];
  const ends = new Map<string, string>();
  for (const topic of topics) for (const { partition, high } of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}:${partition}`, high);
  return ends;
}

function sum(offsets: Map<string, string>, topic: string): number {
  return [...offsets].filter(([at]) => at.startsWith(`${topic}:`)).reduce((total, [, high]) => total + Number(high), 0);
}

async function refused(service: HubServiceName, request: HostileRequest): Promise<void> {
  expectRefusal(await send(hub.url(service), request), request, tally);
}

const adapterArb = fc.constantFrom(...REGISTRIES);
const serviceOf = (registry: Registry): HubServiceName => `adapter-${registry}`;

/** A key that authenticates as this registry's agency. */
const ownKey = (registry: Registry): KeyChoice => ({ header: `Bearer ${agencyKeyOf(registry)}`, devKey: agencyKeyOf(registry) });

/** Keys that authenticate but may not publish to `registry`: another agency's, a portal's, the operator's. */
const wrongHolderKey = (registry: Registry): fc.Arbitrary<KeyChoice> =>
  fc
    .constantFrom('dev-land-key', 'dev-enterprise-key', 'dev-household-key', 'dev-judicial-key', 'dev-land-portal-key', 'dev-citizen-portal-key', 'dev-operator-key')
    .filter((key) => key !== agencyKeyOf(registry))
    .map((key) => ({ header: `Bearer ${key}`, devKey: key }));

/** A single CloudEvent body that the contract refuses (the contract's own validator is the oracle). */
function invalidEventText(registry: Registry): fc.Arbitrary<string> {
  const own = fc.constantFrom(...eventsOf(registry));
  const fields = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'dataschema', 'datacontenttype', 'data'];
  const mutated = fc.oneof(
    // One member of a wrong type or value.
    fc.tuple(own, fc.constantFrom(...fields), hostileJsonValue()).map(([event, field, value]) => withValueAt(event, [field], value)),
    // One data member of a wrong type or value.
    fc.tuple(own, hostileJsonValue()).chain(([event, value]) => fc.constantFrom(...Object.keys(event.data as object)).map((field) => withValueAt(event, ['data', field], value))),
    // A hostile string in every member, the envelope's and the data's.
    own.chain((event) => everyLeaf(event, hostileString({ huge: false }))),
    // Members missing, or unknown members added (prototype-looking ones too).
    fc.tuple(own, fc.subarray(fields, { minLength: 1 })).map(([event, drop]) => Object.fromEntries(Object.entries(event).filter(([key]) => !drop.includes(key)))),
    fc.tuple(own, fc.constantFrom('__proto__', 'constructor', 'prototype', 'lgspreceivedat ', 'Data', 'extra'), hostileJsonValue()).map(([event, key, value]) =>
      withValueAt(event, [key], value),
    ),
    // Not an event at all.
    hostileJsonValue(),
  );
  return fc.oneof(
    { arbitrary: mutated.filter((event) => !validateEvent(event).ok).map((event) => JSON.stringify(event) ?? 'undefined'), weight: 6 },
    { arbitrary: brokenJson(own.map((event) => JSON.stringify(event))), weight: 2 },
    // Deep nesting and huge members, written as text.
    { arbitrary: fc.tuple(fc.constantFrom(100, 10_000, 200_000), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([depth, kind]) => `{"specversion":"1.0","data":${deeplyNested(depth, kind)}}`), weight: 1 },
    { arbitrary: own.map((event) => JSON.stringify({ ...event, id: 'x'.repeat(1_000_000) })), weight: 1 },
    // Encodings that are not UTF-8 JSON: a byte-order mark, UTF-16, NUL bytes, an overlong sequence.
    { arbitrary: own.map((event) => `\uFEFF${JSON.stringify({ ...event, specversion: 1 })}`), weight: 1 },
  );
}

/** A batch body the adapter must refuse as a whole. */
function invalidBatchText(registry: Registry): fc.Arbitrary<string> {
  const own = fc.constantFrom(...eventsOf(registry));
  return fc.oneof(
    fc.constantFrom('[]', '{}', '"[]"', 'null', '[[]]', '[null]', '[1,2,3]'),
    // Valid events with one invalid among them: nothing may be published.
    fc.tuple(fc.array(own, { minLength: 1, maxLength: 20 }), invalidEventText(registry).filter(parses), fc.nat()).map(([events, bad, at]) => {
      const items = events.map((event) => JSON.stringify(event));
      items.splice(at % (items.length + 1), 0, bad);
      return `[${items.join(',')}]`;
    }),
    // Another registry's events among this one's: 403 for the lot.
    fc.tuple(fc.array(own, { minLength: 1, maxLength: 5 }), fc.constantFrom(...validEvents.filter((event) => registryOfType(event.type) !== registry))).map(([events, foreign]) =>
      JSON.stringify([...events, foreign]),
    ),
    // More than 1,000 events, and huge arrays of nothing useful.
    own.map((event) => JSON.stringify(Array.from({ length: 1_001 }, (_, index) => ({ ...event, id: `${event.id}-${index}` })))),
    fc.constantFrom(10_000, 100_000).map((length) => `[${Array.from({ length }, () => '0').join(',')}]`),
    fc.constantFrom(1_000, 100_000).map((depth) => deeplyNested(depth, 'array')),
    brokenJson(fc.array(own, { minLength: 1, maxLength: 3 }).map((events) => JSON.stringify(events))),
  );
}

/** A native record that cannot be mapped: its time is never a time, and hostile values fill the rest. */
function unmappableRecord(registry: Registry): fc.Arbitrary<unknown> {
  const template = NATIVE[registry];
  const broken = hostileString({ huge: false }).map((time) => ({ ...template, thoiDiem: time }));
  return fc.oneof(
    broken,
    broken.chain((record) => everyLeaf(record, hostileJsonValue())).map((record) => ({ ...(record as object), thoiDiem: 'not a time' })),
    fc.tuple(broken, fc.constantFrom('__proto__', 'constructor', 'soDinhDanh', 'extra'), hostileJsonValue()).map(([record, key, value]) => withValueAt(record, [key], value)),
    hostileJsonValue().filter((value) => value === null || typeof value !== 'object' || Array.isArray(value)),
  );
}

function recordsBody(registry: Registry): fc.Arbitrary<{ contentType: string; body: string | Buffer }> {
  const json = 'application/json';
  const ndjson = 'application/x-ndjson';
  const line = unmappableRecord(registry).map((record) => JSON.stringify(record) ?? 'null');
  return fc.oneof(
    line.map((body) => ({ contentType: json, body })),
    brokenJson(fc.constant(JSON.stringify(NATIVE[registry]))).map((body) => ({ contentType: json, body })),
    fc.constantFrom(100, 100_000).map((depth) => ({ contentType: json, body: deeplyNested(depth, 'object') })),
    // NDJSON: valid records with a broken line among them, hostile lines, blank-only bodies, too many lines.
    fc.tuple(fc.integer({ min: 0, max: 5 }), brokenJson(fc.constant(JSON.stringify(NATIVE[registry]))).map((bad) => bad.replaceAll('\n', ' ')).filter((bad) => bad.trim() !== '')).map(([valid, bad]) => ({
      contentType: ndjson,
      body: [...Array.from({ length: valid }, () => JSON.stringify(NATIVE[registry])), bad].join('\n'),
    })),
    fc.array(line, { minLength: 1, maxLength: 10 }).map((lines) => ({ contentType: ndjson, body: lines.join('\n') })),
    fc.constantFrom('', '\n', '\n\n\n', ' \r\n ').map((body) => ({ contentType: ndjson, body })),
    // A valid record but for bytes that are not UTF-8 in one of its text fields, alone or as an NDJSON line.
    withLegacyBytes(NATIVE[registry]).map((body) => ({ contentType: json, body })),
    withLegacyBytes(NATIVE[registry]).map((body) => ({ contentType: ndjson, body: Buffer.concat([Buffer.from(`${JSON.stringify(NATIVE[registry])}\n`), body]) })),
    fc.constant({ contentType: ndjson, body: Array.from({ length: 10_001 }, () => '{}').join('\n') }),
  );
}

beforeAll(async () => {
  hub = await startHub();
  await hub.start('console', { CITIZEN_API_URL: hub.url('citizen-api') });
  admin = testKafka().admin();
  await admin.connect();
  const generator = createGenerator(SEED + 1);
  const person = generator.person();
  expect(person.personalId).toBe(KNOWN_ID);
  await pushThroughAdapters(hub, [generator.event('vn.lgsp.household.citizen-registered.v1', person) as HubEvent]);
  await eventually(async () => {
    const response = await fetch(`${hub.url('citizen-api')}/v1/citizens/${KNOWN_ID}?purpose=data-subject-access`, {
      headers: { authorization: 'Bearer dev-citizen-portal-key' },
    });
    return response.status === 200 ? true : undefined;
  });
  // Everything the set-up published (its event, its reads' audit entries) is in before the baseline.
  await eventually(async () => (sum(await endOffsets(), hub.names.audit) >= 1 ? true : undefined));
  before = await endOffsets();
}, 180_000);

afterAll(async () => {
  process.stdout.write(describeTally('hostile-input', tally));
  await admin?.disconnect();
  await hub?.stop();
});

describe('the adapters refuse every hostile request and publish nothing', () => {
  it('POST /v1/events: single CloudEvents', async () => {
    const request = adapterArb.chain((registry) =>
      fc.oneof(
        // No valid key: even a valid event is refused (401) or forbidden (403).
        fc.record({ registry: fc.constant(registry), key: fc.oneof(invalidAuthorization(), wrongHolderKey(registry)), contentType: fc.constantFrom(...EVENT_TYPES_ACCEPTED), body: fc.oneof(fc.constantFrom(...eventsOf(registry)).map((event) => JSON.stringify(event)), invalidEventText(registry)) }),
        // The right key, another content type: 415 whatever the body.
        fc.record({ registry: fc.constant(registry), key: fc.constant(ownKey(registry)), contentType: otherContentType(EVENT_TYPES_ACCEPTED), body: fc.constantFrom(...eventsOf(registry)).map((event) => JSON.stringify(event)) }),
        // The right key and type, a body the contract refuses.
        fc.record({ registry: fc.constant(registry), key: fc.constant(ownKey(registry)), contentType: fc.constant('application/cloudevents+json'), body: invalidEventText(registry) }),
        // A valid event but for bytes that are not UTF-8 in one of its members.
        fc.record({
          registry: fc.constant(registry),
          key: fc.constant(ownKey(registry)),
          contentType: fc.constantFrom('application/cloudevents+json', 'application/cloudevents-batch+json'),
          body: fc.constantFrom(...eventsOf(registry)).chain((event) => withLegacyBytes(event)),
        }).map((request) => (request.contentType.includes('batch') ? { ...request, body: Buffer.concat([Buffer.from('['), request.body, Buffer.from(']')]) } : request)),
      ),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ registry, key, contentType, body }) => {
        await refused(serviceOf(registry), { method: 'POST', path: '/v1/events', headers: { authorization: key.header, 'content-type': contentType }, body });
      }),
      { seed: SEED, numRuns: runs(160) },
    );
  }, 180_000 * SCALE);

  it('POST /v1/events: batches', async () => {
    const request = adapterArb.chain((registry) =>
      fc.record({ registry: fc.constant(registry), body: invalidBatchText(registry), contentType: fc.constantFrom('application/cloudevents-batch+json', 'application/cloudevents-batch+json; charset=utf-8') }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ registry, body, contentType }) => {
        await refused(serviceOf(registry), { method: 'POST', path: '/v1/events', headers: { authorization: ownKey(registry).header, 'content-type': contentType }, body });
      }),
      { seed: SEED, numRuns: runs(60) },
    );
  }, 180_000 * SCALE);

  it('POST /v1/events and /v1/records: bodies over their limits', async () => {
    // Over a bare socket, sending a little more than the limit and then waiting: the adapter refuses by the
    // declared length before reading, or by the bytes read when the length is not declared (chunked).
    for (const registry of REGISTRIES) {
      const [event] = eventsOf(registry) as [HubEvent];
      for (const [target, contentType, limit] of [
        ['/v1/events', 'application/cloudevents+json', 5 * 1024 * 1024],
        ['/v1/events', 'application/cloudevents-batch+json', 5 * 1024 * 1024],
        ['/v1/records', 'application/x-ndjson', 20 * 1024 * 1024],
      ] as const) {
        const body = Buffer.from(JSON.stringify({ ...event, data: { ...(event.data as object), padding: 'x'.repeat(limit) } }));
        for (const chunked of [false, true]) {
          const answer = await rawRequest(hub.url(serviceOf(registry)), {
            method: 'POST',
            path: target,
            headers: { authorization: ownKey(registry).header!, 'content-type': contentType, ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(body.length) }) },
            body,
            sendBytes: chunked ? limit + 64 * 1024 : 64 * 1024,
            chunked,
          });
          expectRefusal({ status: answer.status ?? 0, headers: new Headers(answer.headers), text: answer.body }, { method: 'POST', path: `${target} (${chunked ? 'chunked' : 'declared'})` }, tally);
          expect(answer.status).toBe(413);
        }
      }
    }
  }, 60_000 * SCALE);

  it('POST /v1/records: native JSON and NDJSON', async () => {
    const request = adapterArb.chain((registry) =>
      fc.oneof(
        { arbitrary: fc.record({ registry: fc.constant(registry), key: fc.oneof(invalidAuthorization(), wrongHolderKey(registry)), contentType: fc.constant('application/json'), body: fc.constant(JSON.stringify(NATIVE[registry])) }), weight: 1 },
        { arbitrary: fc.record({ registry: fc.constant(registry), key: fc.constant(ownKey(registry)), contentType: otherContentType(RECORD_TYPES_ACCEPTED), body: fc.constant(JSON.stringify(NATIVE[registry])) }), weight: 1 },
        { arbitrary: recordsBody(registry).map(({ contentType, body }) => ({ registry, key: ownKey(registry), contentType, body })), weight: 4 },
      ),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ registry, key, contentType, body }) => {
        await refused(serviceOf(registry), { method: 'POST', path: '/v1/records', headers: { authorization: key.header, 'content-type': contentType }, body });
      }),
      { seed: SEED, numRuns: runs(120) },
    );
  }, 180_000 * SCALE);

  it('GET /v1/schemas and /v1/schemas/{type}: hostile types and keys', async () => {
    const request = fc.record({
      registry: adapterArb,
      key: fc.oneof(invalidAuthorization(), fc.constant<KeyChoice>({ header: 'Bearer dev-land-key' })),
      type: fc.oneof(hostileString({ huge: false }), fc.constantFrom(...EVENT_TYPES), fc.constantFrom('x'.repeat(201), 'x'.repeat(2000))),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ registry, key, type }) => {
        const target = `/v1/schemas/${percentEncode(type)}`;
        const answer = await send(hub.url(serviceOf(registry)), { method: 'GET', path: target, headers: { authorization: key.header } });
        // A key the hub knows and one of this adapter's own types is the one way to a schema.
        const servable = key.header === 'Bearer dev-land-key' && (eventTypesOfRegistry(registry) as readonly string[]).includes(type);
        if (servable) expect(answer.status).toBe(200);
        else expectRefusal(answer, { method: 'GET', path: target }, tally);
      }),
      { seed: SEED, numRuns: runs(80) },
    );
    // Raw paths the URL parser would have cleaned up: bad percent-encoding, encoded slashes and dots.
    for (const raw of ['/v1/schemas/%zz', '/v1/schemas/%', '/v1/schemas/%E0%A4%A', '/v1/schemas/..%2f..%2fopenapi.json', '/v1/schemas/%00', '/v1/schemas/a%2Fb']) {
      await refused('adapter-land', { method: 'GET', path: raw, headers: { authorization: 'Bearer dev-land-key' } });
    }
  }, 180_000 * SCALE);
});

describe('the citizen API refuses every hostile read and audits nothing', () => {
  const consumerKeys = ['dev-land-portal-key', 'dev-business-portal-key', 'dev-judicial-office-key', 'dev-citizen-portal-key', 'dev-operator-key'];
  const heldPurposes: Record<string, string[]> = {
    'dev-land-portal-key': ['land-procedure'],
    'dev-business-portal-key': ['enterprise-registration'],
    'dev-judicial-office-key': ['criminal-record-certificate'],
    'dev-citizen-portal-key': ['data-subject-access'],
    'dev-operator-key': ['operator-console'],
  };
  const allPurposes = Object.values(heldPurposes).flat();
  const key = fc.oneof(invalidAuthorization(), fc.constantFrom(...consumerKeys, 'dev-land-key').map((devKey) => ({ header: `Bearer ${devKey}`, devKey })));
  const purpose = fc.oneof(
    fc.constant({ query: undefined, header: undefined }),
    fc.constantFrom(...allPurposes).map((name) => ({ query: name, header: undefined })),
    fc.constantFrom(...allPurposes).map((name) => ({ query: undefined, header: name })),
    hostileString({ huge: false }).map((name) => ({ query: name, header: undefined })),
    fc.tuple(fc.constantFrom(...allPurposes), fc.constantFrom(...allPurposes)).map(([a, b]) => ({ query: a, header: `${b}-other` })),
    fc.constantFrom(...allPurposes).map((name) => ({ query: [name, name], header: undefined })),
  );
  const personalId = fc.oneof(
    hostileString({ huge: false }).filter((id) => id.length > 0),
    fc.stringMatching(/^\d{11}$|^\d{13}$/),
    fc.stringMatching(/^999\d{9}$/),
    fc.constantFrom('x'.repeat(65), 'x'.repeat(201), 'x'.repeat(2000)),
    fc.constant(KNOWN_ID),
  );
  type Read = { key: KeyChoice; purpose: { query: string | string[] | undefined; header: string | undefined }; id: string };

  /** A read that would be answered (and audited) is the one thing the generators may not produce. */
  const wouldRead = ({ key, purpose, id }: Read): boolean => {
    const held = key.devKey ? (heldPurposes[key.devKey] ?? []) : [];
    const named = typeof purpose.query === 'string' ? purpose.query : purpose.header;
    const single = !Array.isArray(purpose.query) && (purpose.query === undefined || purpose.header === undefined || purpose.query === purpose.header);
    return named !== undefined && single && held.includes(named) && /^\d{12}$/.test(id) && !id.startsWith('999');
  };

  function readRequest(read: Read, suffix: string, extraQuery = ''): HostileRequest {
    const query = new URLSearchParams();
    for (const name of Array.isArray(read.purpose.query) ? read.purpose.query : read.purpose.query === undefined ? [] : [read.purpose.query]) query.append('purpose', name);
    const search = `${query.toString()}${extraQuery}`;
    return {
      method: 'GET',
      path: `/v1/citizens/${percentEncode(read.id)}${suffix}${search ? `?${search}` : ''}`,
      headers: { authorization: read.key.header, ...(read.purpose.header !== undefined ? { 'x-purpose': read.purpose.header } : {}) },
    };
  }

  const read = fc.record({ key, purpose: purpose.filter((p) => p.header === undefined || /^[\x20-\x7e]*$/.test(p.header)), id: personalId }).filter((r) => !wouldRead(r));

  it('GET /v1/citizens/{personalId}', async () => {
    await fc.assert(
      fc.asyncProperty(read, fc.option(hostileString({ huge: false }).filter((tag) => /^[\x20-\x7e]{0,1000}$/.test(tag) && tag.trim() === tag)), async (r, ifNoneMatch) => {
        const request = readRequest(r, '');
        if (ifNoneMatch !== null) request.headers = { ...request.headers, 'if-none-match': ifNoneMatch };
        await refused('citizen-api', request);
      }),
      { seed: SEED, numRuns: runs(160) },
    );
  }, 180_000 * SCALE);

  it('GET /v1/citizens/{personalId}/history and /access-log, with hostile paging', async () => {
    const paging = fc.oneof(
      fc.constant(''),
      fc.constantFrom('&limit=0', '&limit=-1', '&limit=101', '&limit=abc', '&limit=1e309', '&limit=1&limit=2', '&cursor=%00', '&cursor=..%2F..', '&cursor=' + 'a'.repeat(65)),
      hostileString({ huge: false }).map((cursor) => `&cursor=${percentEncode(cursor)}`),
    );
    await fc.assert(
      fc.asyncProperty(read, fc.constantFrom('/history', '/access-log'), paging, async (r, suffix, extra) => {
        await refused('citizen-api', readRequest(r, suffix, extra));
      }),
      { seed: SEED, numRuns: runs(120) },
    );
    // A valid read of the history with hostile paging: refused before anything is read.
    for (const extra of ['&limit=0', '&limit=abc', '&cursor=%3Cscript%3E']) {
      await refused('citizen-api', readRequest({ key: { header: 'Bearer dev-citizen-portal-key', devKey: 'dev-citizen-portal-key' }, purpose: { query: 'data-subject-access', header: undefined }, id: KNOWN_ID }, '/history', extra));
    }
  }, 180_000 * SCALE);

  it('POST /v1/citizens:batchGet', async () => {
    const good = { header: 'Bearer dev-citizen-portal-key', devKey: 'dev-citizen-portal-key' };
    const invalidIds = fc.oneof(
      hostileJsonValue().filter((value) => !(Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && /^\d{12}$/.test(item)))),
      fc.tuple(fc.array(fc.constant(KNOWN_ID), { maxLength: 3 }), personalId.filter((id) => !/^\d{12}$/.test(id) || id.startsWith('999'))).map(([ids, bad]) => [...ids, bad]),
      fc.constant(Array.from({ length: 101 }, () => '001203012345')),
    );
    const body = fc.oneof(
      invalidIds.map((ids) => JSON.stringify({ ids })),
      fc.tuple(invalidIds, hostileString({ huge: false })).map(([ids, extra]) => JSON.stringify({ ids, [extra]: 1 })),
      fc.constant(JSON.stringify({ ids: [KNOWN_ID], extra: true })),
      brokenJson(fc.constant(JSON.stringify({ ids: [KNOWN_ID] }))),
      fc.constant(JSON.stringify({ ids: ['001203012345'], padding: 'x'.repeat(20_000) })),
      fc.constantFrom(100, 100_000).map((depth) => `{"ids":${deeplyNested(depth, 'array')}}`),
    );
    const request = fc.oneof(
      // Bad keys or purposes, with a body that would otherwise be answered.
      fc.record({ key, purpose: fc.constantFrom('data-subject-access', 'land-procedure', 'nothing'), contentType: fc.constant('application/json'), body: fc.constant(JSON.stringify({ ids: [KNOWN_ID] })) }).filter(
        (r) => !(r.key.devKey !== undefined && (heldPurposes[r.key.devKey] ?? []).includes(r.purpose)),
      ),
      fc.record({ key: fc.constant(good), purpose: fc.constant('data-subject-access'), contentType: otherContentType(['application/json']), body: fc.constant(JSON.stringify({ ids: [KNOWN_ID] })) }),
      fc.record({ key: fc.constant(good), purpose: fc.constant('data-subject-access'), contentType: fc.constant('application/json'), body }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ key: k, purpose: p, contentType, body: b }) => {
        await refused('citizen-api', { method: 'POST', path: `/v1/citizens:batchGet?purpose=${percentEncode(p)}`, headers: { authorization: k.header, 'content-type': contentType }, body: b });
      }),
      { seed: SEED, numRuns: runs(120) },
    );
  }, 180_000 * SCALE);
});

describe("the operators' console refuses every hostile request and re-drives nothing", () => {
  const operator = { authorization: 'Bearer dev-operator-key', 'x-lgsp-console': '1' };
  const codes = ['ID_BIRTH_MISMATCH', 'ACTIVITY_AFTER_DEATH', 'ROLE_WHILE_BANNED', 'NO_CIVIL_RECORD'];

  it('POST /v1/session: hostile logins', async () => {
    const body = fc.oneof(
      hostileJsonValue().filter((value) => !(value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { key?: unknown }).key === 'string')).map((value) => JSON.stringify(value) ?? 'null'),
      hostileString({ huge: false }).map((key) => JSON.stringify({ key })),
      fc.constantFrom('dev-land-key', 'dev-citizen-portal-key', 'DEV-OPERATOR-KEY', 'dev-operator-key ').map((key) => JSON.stringify({ key })),
      brokenJson(fc.constant(JSON.stringify({ key: 'dev-operator-key' }))),
      fc.constant(JSON.stringify({ key: 'dev-operator-key', extra: true })),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), otherContentType([]), async (text, withHeader, contentType) => {
        await refused('console', {
          method: 'POST',
          path: '/v1/session',
          headers: { ...(withHeader ? { 'x-lgsp-console': '1' } : {}), 'content-type': contentType ?? 'application/json' },
          body: text,
        });
      }),
      { seed: SEED, numRuns: runs(80) },
    );
  }, 180_000 * SCALE);

  it('POST /v1/console/dead-letters:redrive: hostile selections', async () => {
    const body = fc.oneof(
      hostileJsonValue().map((value) => JSON.stringify({ ids: value })),
      hostileJsonValue().filter((value) => value !== true).map((value) => JSON.stringify({ all: value })),
      fc.constant(JSON.stringify({ ids: ['x'], all: true })),
      fc.constant(JSON.stringify({})),
      fc.constant(JSON.stringify({ ids: Array.from({ length: 1_001 }, (_, index) => `letter-${index}`) })),
      brokenJson(fc.constant(JSON.stringify({ all: true }))),
    ).filter((text) => {
      // A selection of real shape would be answered (each id found or not): not hostile.
      const parsed = (() => {
        try {
          return JSON.parse(text) as { ids?: unknown };
        } catch {
          return undefined;
        }
      })();
      const ids = parsed?.ids;
      return !(Array.isArray(ids) && ids.length > 0 && ids.length <= 1_000 && ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 512) && Object.keys(parsed!).length === 1);
    });
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        await refused('console', { method: 'POST', path: '/v1/console/dead-letters:redrive', headers: { ...operator, 'content-type': 'application/json' }, body: text });
      }),
      { seed: SEED, numRuns: runs(80) },
    );
  }, 180_000 * SCALE);

  it('GET record views, issue pages and trends with hostile parameters', async () => {
    const request = fc.oneof(
      hostileString({ huge: false }).filter((id) => id.length > 0 && !/^\d{12}$/.test(id)).map((id) => `/v1/console/records/${percentEncode(id)}`),
      fc.stringMatching(/^999\d{9}$/).map((id) => `/v1/console/records/${id}/history`),
      fc.tuple(fc.constantFrom(KNOWN_ID), hostileString({ huge: false })).map(([id, limit]) => `/v1/console/records/${id}/history?limit=${percentEncode(limit)}`),
      hostileString({ huge: false }).filter((code) => !codes.includes(code)).map((code) => `/v1/console/quality/issues/${percentEncode(code)}/records`),
      fc.tuple(fc.constantFrom(...codes), hostileString({ huge: false })).map(([code, cursor]) => `/v1/console/quality/issues/${code}/records?cursor=${percentEncode(cursor)}&limit=0`),
      hostileString({ huge: false }).filter((minutes) => !/^\d+$/.test(minutes)).map((minutes) => `/v1/console/series?minutes=${percentEncode(minutes)}`),
    );
    await fc.assert(
      fc.asyncProperty(request, async (target) => {
        await refused('console', { method: 'GET', path: target, headers: { authorization: operator.authorization } });
      }),
      { seed: SEED, numRuns: runs(120) },
    );
  }, 180_000 * SCALE);
});

describe('every service refuses unknown paths and methods', () => {
  it('answers 401, 404 or 405 as problem+json, whatever the path, method and body', async () => {
    const services: HubServiceName[] = ['consolidator', 'citizen-api', 'adapter-land', 'adapter-enterprise', 'adapter-household', 'adapter-judicial', 'console'];
    const segment = fc.oneof(hostileString({ huge: false }).map((text) => percentEncode(text)), fc.constantFrom('v1', 'events', 'records', 'citizens', 'schemas', 'health', '..', '.', '%2e%2e', ''));
    const request = fc.record({
      service: fc.constantFrom(...services),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'QUERY', 'PROPFIND'),
      path: fc.oneof(
        fc.array(segment, { minLength: 1, maxLength: 5 }).map((segments) => `/${segments.join('/')}`),
        fc.constantFrom('/v1/events', '/v1/records', '/v1/schemas', '/v1/citizens:batchGet', `/v1/citizens/${KNOWN_ID}`, '/health', '/metrics', '/openapi.json'),
      ),
      contentType: fc.option(fc.constantFrom('application/json', 'text/plain', 'application/cloudevents+json', 'multipart/form-data')),
      body: fc.option(fc.oneof(brokenJson(fc.constant('{"a":1}')), fc.constant('{"ok":true}'))),
      authorization: fc.constantFrom(undefined, 'Bearer dev-operator-key', 'Bearer forged'),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ service, method, path: target, contentType, body, authorization }) => {
        const answer = await send(hub.url(service), {
          method: method as HostileRequest['method'],
          path: target,
          headers: { authorization, ...(contentType !== null ? { 'content-type': contentType } : {}) },
          ...(body !== null && method !== 'GET' ? { body } : {}),
        });
        // A page of the console sends a browser to its login page; that is the whole of what it answers.
        if (service === 'console' && answer.status === 303) {
          expect(answer.headers.get('location'), `${method} ${target}`).toBe('/login');
          return;
        }
        // The open routes answer GET, and the schema catalogue answers a key the hub knows; nothing else.
        if (answer.status < 400) {
          const label = `${method} ${target} → ${answer.status}`;
          expect(method, label).toBe('GET');
          const open = ['/health', '/metrics', '/openapi.json'].includes(target);
          const catalogue = service.startsWith('adapter-') && authorization === 'Bearer dev-operator-key' && /^\/v1\/schemas(\/[^/]+)?$/.test(target);
          expect(open || catalogue, label).toBe(true);
          return;
        }
        expectRefusal(answer, { method: method as HostileRequest['method'], path: target }, tally);
      }),
      { seed: SEED, numRuns: runs(120) },
    );
  }, 180_000 * SCALE);
});

describe('after the hostile run', () => {
  it('every process is up and healthy', async () => {
    for (const name of ['consolidator', 'citizen-api', 'adapter-land', 'adapter-enterprise', 'adapter-household', 'adapter-judicial', 'console'] as const) {
      expect(hub.service(name).child.exitCode, name).toBeNull();
      expect((await fetch(`${hub.url(name)}/health`)).status, name).toBe(200);
    }
  });

  it('nothing was published: every hub topic ends where it ended before', async () => {
    expect(await endOffsets()).toEqual(before);
  });

  it('the check sees a publication: one valid event and one valid read move the ends', async () => {
    const generator = createGenerator(SEED + 2);
    await pushThroughAdapters(hub, [generator.event('vn.lgsp.land.right-granted.v1', generator.person()) as HubEvent]);
    const read = await fetch(`${hub.url('citizen-api')}/v1/citizens/${KNOWN_ID}?purpose=data-subject-access`, { headers: { authorization: 'Bearer dev-citizen-portal-key' } });
    expect(read.status).toBe(200);
    const after = await endOffsets();
    expect(sum(after, hub.names.registry.land)).toBe(sum(before, hub.names.registry.land) + 1);
    expect(sum(after, hub.names.audit)).toBe(sum(before, hub.names.audit) + 1);
  });
});
