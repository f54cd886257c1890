// A small province for the console's hub tests: people from the civil registry (published straight to
// their topic), land changes pushed through the real land adapter (so its counters move), a land grant for
// someone the civil registry never heard of (NO_CIVIL_RECORD), and a grant published with a wrong Kafka
// key, which the consolidator dead-letters and a re-drive through the land adapter repairs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeKafkaMessage, type HubEvent } from '@lgsp/contract';
import { createKafka, createProducer } from '@lgsp/kafka';
import { acquireReplayLease, releaseReplayLease, type ReplayLease } from '@lgsp/record-store';
import { closeRedis } from '@lgsp/redis';
import { generateProvince, quietLogger, testRedis, uniqueId, type HubUnderTest } from '@lgsp/testkit';

const here = path.dirname(fileURLToPath(import.meta.url));
const landFixture = path.resolve(here, '..', '..', 'adapter-land', 'test', 'fixtures', 'changes', 'cap-moi.json');
const grant = (JSON.parse(fs.readFileSync(landFixture, 'utf8')) as { events: HubEvent[] }).events[0]!;

export const ORPHAN_ID = '001203012345';
export const LETTER_PERSON_ID = '001203099998';

function landGrantFor(personalId: string, id: string, certificateNo: string): HubEvent {
  const data = { ...(grant.data as Record<string, unknown>), personalId, certificateNo };
  return { ...grant, id, subject: personalId, data } as unknown as HubEvent;
}

export interface SampleProvince {
  household: HubEvent[];
  land: HubEvent[];
  /** Distinct people once everything (the re-driven letter too) is folded. */
  people: string[];
  letterEvent: HubEvent;
}

export function sampleProvince(seed = 17, people = 12): SampleProvince {
  const events = generateProvince({ seed, people }).events;
  const household = events.filter((event) => event.source === 'urn:lgsp:registry:household');
  const land = [...events.filter((event) => event.source === 'urn:lgsp:registry:land'), landGrantFor(ORPHAN_ID, uniqueId('BD-ORPHAN'), 'CS900001')];
  const letterEvent = landGrantFor(LETTER_PERSON_ID, uniqueId('BD-LETTER'), 'CS900002');
  const subjects = new Set([...household, ...land, letterEvent].map((event) => event.subject));
  return { household, land, people: [...subjects], letterEvent };
}

/** Publishes straight to the registry topics, as a registry without an adapter would (nothing is "accepted"). */
export async function publishDirectly(hub: HubUnderTest, batches: Array<{ registry: 'household' | 'land'; events: HubEvent[]; key?: string }>): Promise<void> {
  const kafka = createKafka({ brokers: hub.env.KAFKA_BROKERS!, clientId: uniqueId('console-test'), logger: quietLogger() });
  const producer = createProducer({ kafka, logger: quietLogger() });
  try {
    await producer.publishBatch(
      batches.map(({ registry, events, key }) => ({
        topic: hub.names.registry[registry],
        messages: events.map((event) => ({ ...encodeKafkaMessage(event), ...(key !== undefined ? { key } : {}) })),
      })),
    );
  } finally {
    await producer.disconnect();
  }
}

/** What the console of this hub needs to reach its neighbours. */
export function consoleEnvOf(hub: HubUnderTest): Record<string, string> {
  return { CITIZEN_API_URL: hub.url('citizen-api'), ADAPTER_LAND_URL: hub.url('adapter-land') };
}

/** A replay's lease as `lgsp replay` holds it while building generation 2 (only the lease: nothing is rebuilt). */
export const REPLAY_IN_PROGRESS: Omit<ReplayLease, 'token'> = {
  generation: '2',
  replaces: '1',
  registry: null,
  startedAt: '2026-07-01T08:00:00.000Z',
  host: 'replay-host',
  pid: 4242,
  phase: 'building',
  progress: { done: 1200, total: 4800, eventsPerSecond: 850, etaSeconds: 4 },
};

/** Holds that lease in the hub's keyspace until the returned function is called. */
export async function holdReplayLease(hub: HubUnderTest): Promise<{ token: string; release(): Promise<void> }> {
  const redis = testRedis();
  const token = uniqueId('lease-token');
  const taken = await acquireReplayLease(redis, hub.keyPrefix, { ...REPLAY_IN_PROGRESS, token }, 60_000);
  if (!taken.ok) throw new Error('the replay lease is held already');
  return {
    token,
    async release() {
      await releaseReplayLease(redis, hub.keyPrefix, token);
      await closeRedis(redis);
    },
  };
}
