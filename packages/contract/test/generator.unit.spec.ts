import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkIdBirthConsistency, createGenerator, EVENT_TYPES, validateEvent } from '@lgsp/contract';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the seeded generator', () => {
  it('repeats itself exactly for the same seed, and differs for another', () => {
    const draw = (seed: number) => {
      const generator = createGenerator(seed);
      const people = generator.household({ size: 4 });
      return { people, events: generator.eventsOfEveryType(people[0]!) };
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('never reads Math.random or the clock', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    const generator = createGenerator(1);
    generator.eventsOfEveryType(generator.person());
  });

  it('makes people whose personal IDs match their birth and sex, unique within a generator', () => {
    const generator = createGenerator(2024);
    const people = Array.from({ length: 2000 }, () => generator.person());
    expect(new Set(people.map((person) => person.personalId)).size).toBe(people.length);
    for (const person of people) {
      expect(checkIdBirthConsistency(person.personalId, person)).toEqual({ consistent: true });
      expect(person.fullName.startsWith(`${person.familyName} `)).toBe(true);
    }
  });

  it('makes deliberate ID/birth mismatches when asked', () => {
    const generator = createGenerator(5);
    for (const mismatch of ['sex', 'year'] as const) {
      const person = generator.person({ idBirthMismatch: mismatch });
      expect(checkIdBirthConsistency(person.personalId, person).consistent).toBe(false);
    }
    const household = generator.household({ size: 8, idBirthMismatchRate: 1 });
    expect(household.every((person) => !checkIdBirthConsistency(person.personalId, person).consistent)).toBe(true);
  });

  it('makes households that share an address and household id, with one head and children born after the head', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 8 }), (seed, size) => {
        const household = createGenerator(seed).household({ size });
        expect(household).toHaveLength(size);
        const [head, ...others] = household;
        expect(head!.relationToHead).toBe('head');
        for (const member of others) {
          expect(member.address).toEqual(head!.address);
          expect(member.householdId).toBe(head!.householdId);
          if (member.relationToHead === 'child') expect(member.dateOfBirth > head!.dateOfBirth).toBe(true);
        }
      }),
    );
  });

  it('makes a valid canonical event of every type for a person, in time order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const generator = createGenerator(seed);
        const events = generator.eventsOfEveryType(generator.person());
        expect(events.map((event) => event.type).sort()).toEqual([...EVENT_TYPES].sort());
        for (const event of events) expect(validateEvent(event)).toEqual({ ok: true, event });
        const times = events.map((event) => Date.parse(event.time));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(events.map((event) => `${event.source} ${event.id}`)).size).toBe(events.length);
      }),
      { numRuns: 50 },
    );
  });

  it('makes a single event of a chosen type about a chosen person', () => {
    const generator = createGenerator(9);
    const person = generator.person();
    const grant = generator.event('vn.lgsp.land.right-granted.v1', person);
    expect(grant.subject).toBe(person.personalId);
    expect(grant.data.personalId).toBe(person.personalId);
    expect(validateEvent(grant).ok).toBe(true);
    const status = generator.event('vn.lgsp.enterprise.status-changed.v1', person);
    expect(status.subject).toBe(status.data.enterpriseCode);
  });
});
