// The people the citizen-API tests read, with sentinel values planted in each section, so a test can look
// for them in the raw bytes of a response: a sentinel of a section the purpose does not grant must never
// appear, in a record, a batch or a history.
import { createGenerator, validateEvent, type HubEvent, type Person } from '@lgsp/contract';
import type { TestHub } from './test-hub.ts';

/** Strings that exist only in one section (as record data, history entries or JSON keys). */
export const SENTINELS: Readonly<Record<string, readonly string[]>> = {
  landRights: ['SX424242', 'BD-SENTINEL-LAND', 'vn.lgsp.land.', '"landRights"'],
  enterpriseRoles: ['SENTINEL-ENTERPRISE', 'DN-SENTINEL', 'vn.lgsp.enterprise.', '"enterpriseRoles"'],
  'judicial.convictions': ['SENTINEL-CONVICTION', 'conviction-recorded', '"convictions"'],
  'judicial.bans': ['SENTINEL-BAN', 'ban-imposed', '"bans"'],
  quality: ['ROLE_WHILE_BANNED', '"quality"'],
  provenance: ['"provenance"'],
};

/** Per endpoint, a sentinel of each section that must appear when the section is granted. */
export const PRESENT_IN_RECORD: Readonly<Record<string, string>> = {
  landRights: 'SX424242',
  enterpriseRoles: 'SENTINEL-ENTERPRISE',
  'judicial.convictions': 'SENTINEL-CONVICTION',
  'judicial.bans': 'SENTINEL-BAN',
  quality: 'ROLE_WHILE_BANNED',
  provenance: '"provenance"',
};
export const PRESENT_IN_HISTORY: Readonly<Record<string, string>> = {
  landRights: 'BD-SENTINEL-LAND',
  enterpriseRoles: 'DN-SENTINEL-ROLE',
  'judicial.convictions': 'conviction-recorded',
  'judicial.bans': 'ban-imposed',
};

export interface SamplePeople {
  /** Holds every section: a land right, a role in a suspended enterprise, a conviction and a ban (so a quality issue). */
  full: Person;
  /** Household and land only: no enterprise role, so its ETag is the bare version. */
  plain: Person;
  enterpriseCode: string;
  events: HubEvent[];
}

function checked(event: HubEvent): HubEvent {
  const validation = validateEvent(event);
  if (!validation.ok) throw new Error(`sample event ${event.id} is invalid: ${JSON.stringify(validation.errors)}`);
  return event;
}

function withId<E extends HubEvent>(event: E, id: string): E {
  return { ...event, id };
}

export function samplePeople(seed: number): SamplePeople {
  const generator = createGenerator(seed);
  const [full, plain] = generator.household({ size: 2 }) as [Person, Person];
  const held = { ...generator.holdings(), certificateNo: 'SX424242', enterpriseName: 'Công ty TNHH SENTINEL-ENTERPRISE' };
  const conviction = generator.event('vn.lgsp.judicial.conviction-recorded.v1', full, held);
  const ban = generator.event('vn.lgsp.judicial.ban-imposed.v1', full, { ...held, judgmentNo: '777/2024/SENTINEL-BAN' });
  const events: HubEvent[] = [
    generator.event('vn.lgsp.household.citizen-registered.v1', full, held),
    generator.event('vn.lgsp.household.residence-registered.v1', full, held),
    withId(generator.event('vn.lgsp.land.right-granted.v1', full, held), 'BD-SENTINEL-LAND-0001'),
    withId(generator.event('vn.lgsp.enterprise.role-assigned.v1', full, held), 'DN-SENTINEL-ROLE-0001'),
    withId(generator.event('vn.lgsp.enterprise.status-changed.v1', full, held), 'DN-SENTINEL-STATUS-0001'),
    { ...conviction, data: { ...conviction.data, court: 'TAND SENTINEL-CONVICTION' } },
    ban,
    generator.event('vn.lgsp.household.citizen-registered.v1', plain),
    generator.event('vn.lgsp.household.residence-registered.v1', plain),
    generator.event('vn.lgsp.land.right-granted.v1', plain),
  ].map(checked);
  return { full, plain, enterpriseCode: held.enterpriseCode, events };
}

/** Publishes a seed's sample people into a test hub and waits until the consolidator has folded them all. */
export async function publishSamplePeople(hub: TestHub, seed: number): Promise<SamplePeople> {
  const people = samplePeople(seed);
  await hub.publish(people.events);
  await hub.waitForVersion(people.full.personalId, 6);
  await hub.waitForVersion(people.plain.personalId, 3);
  return people;
}
