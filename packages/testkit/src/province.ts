// A province-like workload (benchmarks.md): every person has a household record; about a third hold a
// land right, one in ten an enterprise role, one in fifty a judicial entry; some get later changes.
// Seeded, so tests and benchmarks repeat exactly.
import { createGenerator, createRandom, type HubEvent, type Person } from '@lgsp/contract';

export interface ProvinceOptions {
  seed: number;
  people: number;
  /** Share of people given follow-up changes (corrections, updates, revocations, endings). Default 0.3. */
  changeRate?: number;
}

export interface Province {
  people: Person[];
  /** In the order the registries produced them (registry time ascending per person). */
  events: HubEvent[];
}

export function generateProvince({ seed, people: count, changeRate = 0.3 }: ProvinceOptions): Province {
  const people: Person[] = [];
  const events: HubEvent[] = [];
  for (const { person, events: own } of provinceStream({ seed, changeRate })) {
    if (people.length >= count) break;
    people.push(person);
    events.push(...own);
  }
  return { people, events };
}

/** The same province, person after person, for as long as the caller asks (sustained load, soak runs). */
export function* provinceStream({ seed, changeRate = 0.3 }: { seed: number; changeRate?: number }): Generator<{ person: Person; events: HubEvent[] }> {
  const generator = createGenerator(seed, { maxStepSeconds: 600 });
  const { random } = generator;
  for (;;) {
    for (const person of generator.household()) {
      const events: HubEvent[] = [];
      const holdings = generator.holdings();
      const changes = random.next() < changeRate;
      events.push(generator.event('vn.lgsp.household.citizen-registered.v1', person, holdings));
      events.push(generator.event('vn.lgsp.household.residence-registered.v1', person, holdings));
      if (changes) events.push(generator.event('vn.lgsp.household.identity-corrected.v1', person, holdings));
      if (random.next() < 1 / 3) {
        events.push(generator.event('vn.lgsp.land.right-granted.v1', person, holdings));
        if (changes) events.push(generator.event('vn.lgsp.land.right-updated.v1', person, holdings));
        if (changes && random.next() < 0.3) events.push(generator.event('vn.lgsp.land.right-revoked.v1', person, holdings));
      }
      if (random.next() < 1 / 10) {
        events.push(generator.event('vn.lgsp.enterprise.role-assigned.v1', person, holdings));
        events.push(generator.event('vn.lgsp.enterprise.status-changed.v1', person, holdings));
        if (changes && random.next() < 0.3) events.push(generator.event('vn.lgsp.enterprise.role-ended.v1', person, holdings));
      }
      if (random.next() < 1 / 50) {
        events.push(generator.event('vn.lgsp.judicial.conviction-recorded.v1', person, holdings));
        if (random.next() < 0.5) events.push(generator.event('vn.lgsp.judicial.ban-imposed.v1', person, holdings));
        if (changes) events.push(generator.event('vn.lgsp.judicial.conviction-expunged.v1', person, holdings));
      }
      if (changes && random.next() < 0.05) events.push(generator.event('vn.lgsp.household.death-registered.v1', person, holdings));
      yield { person, events };
    }
  }
}

/**
 * How the registries' events arrive in practice: every event once, some again later (duplicates, as
 * retrying clients send them), some pairs swapped (later changes before earlier ones, across people and
 * registries). Seeded.
 */
export function deliveryPlan(events: readonly HubEvent[], seed: number, { swapRate = 0.15, duplicateRate = 0.05 } = {}): HubEvent[] {
  const random = createRandom(seed);
  const delivered = [...events];
  for (let index = 0; index < delivered.length - 1; index += 1) {
    if (random.next() < swapRate) {
      const other = Math.min(delivered.length - 1, index + random.int(1, 40));
      [delivered[index], delivered[other]] = [delivered[other]!, delivered[index]!];
    }
  }
  const duplicates = Math.floor(events.length * duplicateRate);
  for (let count = 0; count < duplicates; count += 1) {
    const original = random.int(0, delivered.length - 1);
    const at = random.int(original + 1, delivered.length);
    delivered.splice(at, 0, structuredClone(delivered[original]!));
  }
  return delivered;
}
