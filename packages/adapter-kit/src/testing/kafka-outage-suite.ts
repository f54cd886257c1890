// Guarantee 1 (nothing accepted is lost) and 2 (retries are safe) on a private broker this suite stops
// and starts: while Kafka is down a request is answered 503 with Retry-After and nothing of it counts as
// accepted; once Kafka is back, the client's retry of the very same request gets 202, and every event
// is in the topic. A retry may write an event that an unanswered attempt had already written: the log
// then holds it twice with the same source + id, which the consolidator deduplicates (guarantee 2), so
// the test checks the set of ids — each event exactly once in the consolidated sense.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerator, eventTypesOfRegistry, type HubEvent, type Registry } from '@lgsp/contract';
import type { ServiceApp } from '@lgsp/runtime';
import { eventually, startPrivateKafka, type PrivateKafka } from '@lgsp/testkit';
import type { AdapterAppDeps } from '../app.ts';
import { startAdapterUnderTest, type AdapterUnderTest } from './adapter-under-test.ts';
import { devAgencyKey, pushBatch, pushNdjson } from './push-requests.ts';
import { collectTopics, decodeCollected } from './topic-collector.ts';

export interface KafkaOutageOptions {
  registry: Registry;
  buildApp: (deps: AdapterAppDeps) => Promise<ServiceApp>;
  /** Native records for one NDJSON request, and the ids of their events. */
  native: { records: unknown[]; ids: string[] };
}

export function describeKafkaOutage({ registry, buildApp, native }: KafkaOutageOptions): void {
  describe(`the ${registry} adapter while Kafka is down`, () => {
    let kafka: PrivateKafka;
    let adapter: AdapterUnderTest;
    const key = devAgencyKey(registry);

    beforeAll(async () => {
      kafka = await startPrivateKafka();
      adapter = await startAdapterUnderTest({ registry, buildApp, brokers: kafka.brokers, publishTimeoutMs: 3_000 });
    }, 120_000);
    afterAll(async () => {
      await kafka?.start();
      await adapter?.close();
      await kafka?.destroy();
    }, 120_000);

    it('answers 503 with Retry-After, and a retry once Kafka is back publishes every event', async () => {
      const generator = createGenerator(4242);
      const events = eventTypesOfRegistry(registry).map((type) => generator.event(type, generator.person()) as HubEvent);
      await kafka.stop();

      const refusedEvents = await pushBatch(adapter.app, events, { key });
      expect(refusedEvents.statusCode, refusedEvents.body).toBe(503);
      expect(refusedEvents.headers['retry-after']).toMatch(/^\d+$/);
      expect(refusedEvents.json().detail).toContain('nothing of this request was accepted');
      const refusedRecords = await pushNdjson(adapter.app, native.records, { key });
      expect(refusedRecords.statusCode, refusedRecords.body).toBe(503);
      expect(refusedRecords.headers['retry-after']).toMatch(/^\d+$/);

      await kafka.start();
      // The client retries the same requests, as Retry-After tells it to, until they are accepted.
      const accepted = await eventually(async () => {
        const response = await pushBatch(adapter.app, events, { key });
        return response.statusCode === 202 ? response : undefined;
      }, { timeoutMs: 60_000, intervalMs: 1_000 });
      expect(accepted.json()).toEqual({ accepted: events.length, ids: events.map((event) => event.id) });
      const acceptedRecords = await pushNdjson(adapter.app, native.records, { key });
      expect(acceptedRecords.statusCode, acceptedRecords.body).toBe(202);
      expect(acceptedRecords.json()).toEqual({ accepted: native.records.length, events: native.ids.length });

      // A fresh reader: the suite's own collector lost its broker with everyone else.
      const reader = await collectTopics(adapter.kafka, [adapter.topics.registry[registry]]);
      const published = await reader.all(adapter.topics.registry[registry]).finally(() => reader.stop());
      const ids = new Set(published.map((message) => String(decodeCollected(message).id)));
      expect([...ids].sort()).toEqual([...events.map((event) => event.id), ...native.ids].sort());
    }, 120_000);
  });
}
