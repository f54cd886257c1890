// The push-API contract every adapter proves on real Kafka and Redis (api.md §1, events.md §1), run by
// each adapter with its own native fixtures: CloudEvents and native records reach the registry's topic
// keyed by subject with their attributes intact and the hub's added; every refusal (400, 401, 403, 413,
// 415, 422) names what is wrong and publishes nothing — the topic's end offsets do not move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerator, eventTypesOfRegistry, EVENT_TYPES, registryOfType, validateEvent, type CloudEvent, type HubEvent, type Registry } from '@lgsp/contract';
import type { ServiceApp } from '@lgsp/runtime';
import type { AdapterAppDeps } from '../app.ts';
import { agencyAttribute } from '../ingest/hub-attributes.ts';
import { REQUEST_ID_KAFKA_HEADER } from '../ingest/publisher.ts';
import { MAX_EVENTS_BODY_BYTES, MAX_EVENTS_PER_BATCH, MAX_NDJSON_LINES } from '../limits.ts';
import { startAdapterUnderTest, type AdapterUnderTest } from './adapter-under-test.ts';
import { devAgencyKey, push, pushBatch, pushEvent, pushNdjson, pushRecord } from './push-requests.ts';
import { decodeCollected, type CollectedMessage, type EndOffsets } from './topic-collector.ts';

export interface AdapterContractOptions {
  registry: Registry;
  buildApp: (deps: AdapterAppDeps) => Promise<ServiceApp>;
  native: {
    /** One native record and the ids of the events it maps to. */
    single: { record: unknown; ids: string[] };
    /** Records for one NDJSON body and the ids of their events (sent after `single`). */
    lines: { records: unknown[]; ids: string[] };
    /** A record the mapping refuses, and a pointer into it that the 422 names. */
    unmappable: { record: unknown; pointer: string };
  };
}

const AGENCY_NAMES: Record<Registry, string> = {
  land: 'land registration office',
  enterprise: 'business registration office',
  household: 'civil status and residence',
  judicial: 'judicial records centre',
};

const CALLER_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

export function describeAdapterContract({ registry, buildApp, native }: AdapterContractOptions): void {
  const key = devAgencyKey(registry);
  const otherRegistry: Registry = registry === 'land' ? 'judicial' : 'land';
  const ownTypes = eventTypesOfRegistry(registry);
  let adapter: AdapterUnderTest;
  let seed = 1;

  /** Fresh valid events of every type of this registry, from a new seed so ids do not repeat. */
  const ownEvents = (count = ownTypes.length): HubEvent[] => {
    const generator = createGenerator(registry.length * 1000 + seed++);
    return Array.from({ length: count }, (_, index) => generator.event(ownTypes[index % ownTypes.length]!, generator.person()) as HubEvent);
  };
  const foreignEvent = (): HubEvent => {
    const generator = createGenerator(seed++);
    const type = EVENT_TYPES.find((candidate) => registryOfType(candidate) !== registry)!;
    return generator.event(type, generator.person()) as HubEvent;
  };

  const topic = (): string => adapter.topics.registry[registry];
  const ends = (): Promise<EndOffsets> => adapter.collector.endOffsets();
  const publishedSince = (from: EndOffsets): Promise<CollectedMessage[]> => adapter.collector.publishedBetween(topic(), from);
  const expectNothingPublishedSince = async (from: EndOffsets): Promise<void> => {
    expect(await ends()).toEqual(from);
  };

  beforeAll(async () => {
    adapter = await startAdapterUnderTest({ registry, buildApp });
  });
  afterAll(async () => {
    await adapter?.close();
  });

  describe('accepted input', () => {
    it('serves the schema catalogue of exactly its own types to any key the hub knows', async () => {
      for (const holder of [key, 'dev-land-portal-key']) {
        const headers = { authorization: `Bearer ${holder}` };
        const listing = await adapter.app.inject({ method: 'GET', url: '/v1/schemas', headers });
        expect(listing.statusCode).toBe(200);
        expect(listing.json().types.map((entry: { type: string }) => entry.type).sort()).toEqual([...ownTypes].sort());
        const schema = await adapter.app.inject({ method: 'GET', url: `/v1/schemas/${ownTypes[0]}`, headers });
        expect(schema.statusCode).toBe(200);
        expect(schema.json().$id).toBe(`urn:lgsp:schema:${ownTypes[0]}`);
      }
    });

    it('serves no schema without a key the hub knows', async () => {
      for (const headers of [{}, { authorization: 'Bearer not-a-key' }]) {
        for (const url of ['/v1/schemas', `/v1/schemas/${ownTypes[0]}`]) {
          const response = await adapter.app.inject({ method: 'GET', url, headers });
          expect(response.statusCode, url).toBe(401);
          expect(response.json().type, url).toBe('urn:lgsp:problem:unauthorized');
        }
      }
    });

    it('publishes one CloudEvent keyed by subject, attributes intact, with the hub attributes and the request id', async () => {
      const [event] = ownEvents(1) as [HubEvent];
      const before = await ends();
      const started = Date.now();
      const response = await pushEvent(adapter.app, event, { key, headers: { traceparent: CALLER_TRACEPARENT, 'x-request-id': 'contract-single-1' } });
      expect(response.statusCode, response.body).toBe(202);
      expect(response.json()).toEqual({ accepted: 1, ids: [event.id] });

      const [message, ...rest] = await publishedSince(before);
      expect(rest).toEqual([]);
      expect(message!.key).toBe(event.subject);
      expect(message!.headers[REQUEST_ID_KAFKA_HEADER]).toBe('contract-single-1');
      const decoded = decodeCollected(message!);
      const { lgspreceivedat, ...published } = decoded as CloudEvent & Record<string, unknown>;
      expect(published).toEqual({ ...event, lgspagency: agencyAttribute(AGENCY_NAMES[registry]), traceparent: CALLER_TRACEPARENT });
      expect(Date.parse(String(lgspreceivedat))).toBeGreaterThanOrEqual(started - 1000);
      expect(validateEvent(decoded).ok).toBe(true);
    });

    it('publishes a batch all together and starts a trace when the caller sends none', async () => {
      const events = ownEvents(ownTypes.length * 2);
      const before = await ends();
      const response = await pushBatch(adapter.app, events, { key, headers: { traceparent: 'not-a-trace' } });
      expect(response.statusCode, response.body).toBe(202);
      expect(response.json()).toEqual({ accepted: events.length, ids: events.map((event) => event.id) });
      const published = await publishedSince(before);
      expect(published.map((message) => decodeCollected(message).id).sort()).toEqual(events.map((event) => event.id).sort());
      for (const message of published) {
        const decoded = decodeCollected(message);
        expect(message.key).toBe(decoded.subject);
        expect(decoded.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
        expect(decoded.traceparent).not.toBe('not-a-trace');
        expect(validateEvent(decoded).ok).toBe(true);
      }
      expect(new Set(published.map((message) => decodeCollected(message).traceparent)).size).toBe(1);
    });

    it('maps one native record and publishes its events keyed by subject', async () => {
      const before = await ends();
      const response = await pushRecord(adapter.app, native.single.record, { key });
      expect(response.statusCode, response.body).toBe(202);
      expect(response.json()).toEqual({ accepted: 1, events: native.single.ids.length });
      const published = await publishedSince(before);
      expect(published.map((message) => decodeCollected(message).id)).toEqual(native.single.ids);
      for (const message of published) {
        const decoded = decodeCollected(message);
        expect(message.key).toBe(decoded.subject);
        expect(decoded.source).toBe(`urn:lgsp:registry:${registry}`);
        expect(decoded.lgspagency).toBe(agencyAttribute(AGENCY_NAMES[registry]));
        expect(validateEvent(decoded).ok).toBe(true);
      }
    });

    it('maps NDJSON records and publishes all their events', async () => {
      const before = await ends();
      const response = await pushNdjson(adapter.app, native.lines.records, { key });
      expect(response.statusCode, response.body).toBe(202);
      expect(response.json()).toEqual({ accepted: native.lines.records.length, events: native.lines.ids.length });
      const published = await publishedSince(before);
      expect(published.map((message) => decodeCollected(message).id).sort()).toEqual([...native.lines.ids].sort());
      for (const message of published) expect(message.key).toBe(decodeCollected(message).subject);
    });
  });

  describe('refusals publish nothing', () => {
    const refusal = async (send: () => ReturnType<typeof pushEvent>, status: number): Promise<Record<string, unknown>> => {
      const before = await ends();
      const response = await send();
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      await expectNothingPublishedSince(before);
      return response.json();
    };

    it('401 without a key, with an unknown key, or with another scheme', async () => {
      const [event] = ownEvents(1);
      await refusal(() => pushEvent(adapter.app, event), 401);
      await refusal(() => pushEvent(adapter.app, event, { key: 'not-a-key' }), 401);
      await refusal(() => pushRecord(adapter.app, native.single.record, { headers: { authorization: `Basic ${key}` } }), 401);
    });

    it("403 for another registry's agency key, naming what that agency may publish", async () => {
      const problem = await refusal(() => pushEvent(adapter.app, ownEvents(1)[0], { key: devAgencyKey(otherRegistry) }), 403);
      expect(String(problem.detail)).toContain(`may publish ${otherRegistry} events only`);
      await refusal(() => pushRecord(adapter.app, native.single.record, { key: devAgencyKey(otherRegistry) }), 403);
      await refusal(() => pushRecord(adapter.app, native.single.record, { key: 'dev-land-portal-key' }), 403);
    });

    it("403 for an event of another registry's type in a batch, naming it by index", async () => {
      const events = [...ownEvents(2), foreignEvent()];
      const problem = await refusal(() => pushBatch(adapter.app, events, { key }), 403);
      expect(problem.errors).toEqual([{ pointer: '/2/type', message: expect.stringContaining(`may publish ${registry} types only`) }]);
      expect(problem.allowedTypes).toEqual(ownTypes);
    });

    it(`413 for more than ${MAX_EVENTS_PER_BATCH} events, more than 5 MiB, or more than ${MAX_NDJSON_LINES} lines`, async () => {
      const [event] = ownEvents(1);
      await refusal(() => pushBatch(adapter.app, Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => event), { key }), 413);
      await refusal(() => push(adapter.app, '/v1/events', `[${' '.repeat(MAX_EVENTS_BODY_BYTES)}]`, { key, contentType: 'application/cloudevents-batch+json' }), 413);
      await refusal(() => push(adapter.app, '/v1/records', '{}\n'.repeat(MAX_NDJSON_LINES + 1), { key, contentType: 'application/x-ndjson' }), 413);
    });

    it('415 for another content type, or the other route\'s', async () => {
      const [event] = ownEvents(1);
      await refusal(() => push(adapter.app, '/v1/events', JSON.stringify(event), { key, contentType: 'text/plain' }), 415);
      await refusal(() => push(adapter.app, '/v1/events', JSON.stringify(event), { key, contentType: 'application/json' }), 415);
      await refusal(() => push(adapter.app, '/v1/records', JSON.stringify(native.single.record), { key, contentType: 'application/cloudevents+json' }), 415);
      await refusal(() => push(adapter.app, '/v1/records', JSON.stringify(native.single.record), { key }), 415);
    });

    it('400 for malformed JSON; for NDJSON naming the line', async () => {
      await refusal(() => push(adapter.app, '/v1/events', '{"specversion": "1.0",', { key, contentType: 'application/cloudevents+json' }), 400);
      await refusal(() => push(adapter.app, '/v1/records', '', { key, contentType: 'application/json' }), 400);
      const lines = [JSON.stringify(native.single.record), JSON.stringify(native.single.record), '{"broken": ', JSON.stringify(native.single.record)].join('\n');
      const problem = await refusal(() => push(adapter.app, '/v1/records', lines, { key, contentType: 'application/x-ndjson' }), 400);
      expect(problem.errors).toEqual([{ pointer: '/2', message: expect.stringContaining('line 3 is not valid JSON') }]);
    });

    it('422 for a batch with bad events, listing every one by index and pointer', async () => {
      const events = ownEvents(5) as Array<HubEvent & Record<string, unknown>>;
      events[1]!.time = 'yesterday';
      (events[3]!.data as Record<string, unknown>).bogus = 1;
      delete (events[4] as Record<string, unknown>).subject;
      const problem = await refusal(() => pushBatch(adapter.app, events, { key }), 422);
      const pointers = (problem.errors as Array<{ pointer: string }>).map((error) => error.pointer);
      expect(pointers).toEqual(expect.arrayContaining(['/1/time', '/3/data/bogus', '/4/subject']));
      expect(pointers.every((pointer) => /^\/[134]\//.test(pointer))).toBe(true);
    });

    it('422 for one bad event, its pointer without an index; and for an empty batch', async () => {
      const [event] = ownEvents(1) as Array<HubEvent & Record<string, unknown>>;
      (event!.data as Record<string, unknown>).bogus = true;
      const problem = await refusal(() => pushEvent(adapter.app, event, { key }), 422);
      expect(problem.errors).toEqual([{ pointer: '/data/bogus', message: 'is not an allowed property' }]);
      await refusal(() => pushBatch(adapter.app, [], { key }), 422);
    });

    it('422 for an unmappable native record, naming the native field; in NDJSON prefixed by the line index', async () => {
      const single = await refusal(() => pushRecord(adapter.app, native.unmappable.record, { key }), 422);
      expect((single.errors as Array<{ pointer: string }>).map((error) => error.pointer)).toContain(native.unmappable.pointer);
      const records = [native.single.record, native.single.record, native.unmappable.record];
      const ndjson = await refusal(() => pushNdjson(adapter.app, records, { key }), 422);
      const pointers = (ndjson.errors as Array<{ pointer: string }>).map((error) => error.pointer);
      expect(pointers).toContain(`/2${native.unmappable.pointer}`);
      expect(pointers.every((pointer) => pointer.startsWith('/2'))).toBe(true);
    });

    it('counts refusals by status and problem code in /metrics', async () => {
      const metrics = await adapter.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toMatch(new RegExp(`lgsp_adapter_requests_rejected_total\\{registry="${registry}",status="422",reason="EVENTS_INVALID"`));
      expect(metrics.body).toMatch(new RegExp(`lgsp_adapter_requests_rejected_total\\{registry="${registry}",status="401",reason="UNAUTHORIZED"`));
      expect(metrics.body).toMatch(/lgsp_adapter_publish_seconds_bucket/);
    });
  });
}
