// Properties that make a replay equal to the live record: each registry's events reach the consolidator in
// their own order (one partition per person and topic) but interleave with the other registries' events
// differently in a replay; and one registry's share can be taken out and folded again (`--registry`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registryOfType } from '@lgsp/contract';
import { applyPersonEvent, initialPersonState, withoutRegistry, type PersonEvent, type PersonState } from '@lgsp/record';
import { personEventArb, PID } from './events.fixture.ts';

const RUNS = { numRuns: 400, seed: 20261201 };
const REGISTRIES = ['household', 'land', 'enterprise', 'judicial'] as const;

function fold(events: readonly PersonEvent[], from: PersonState = initialPersonState(PID)): PersonState {
  return events.reduce((state, event) => applyPersonEvent(state, event, { appliedAt: 'T' }).state, from);
}

const registryOf = (event: PersonEvent): string => registryOfType(event.type);

/** JSON with keys sorted: states built in another order hold the same members in another insertion order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, member]) => member !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, member]) => `${JSON.stringify(key)}:${canonical(member)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Everything a rebuild must reproduce: the state but for `updatedAt`, the one field allowed to differ. */
const comparable = (state: PersonState): string => canonical({ ...state, updatedAt: null });

/** The events again, each registry's in its own order, the registries interleaved as `picks` say. */
function interleave(events: readonly PersonEvent[], picks: readonly number[]): PersonEvent[] {
  const queues = REGISTRIES.map((registry) => events.filter((event) => registryOf(event) === registry));
  const merged: PersonEvent[] = [];
  let pick = 0;
  while (merged.length < events.length) {
    const waiting = queues.filter((queue) => queue.length > 0);
    merged.push(waiting[(picks[pick++ % Math.max(1, picks.length)] ?? 0) % waiting.length]!.shift()!);
  }
  return merged;
}

const eventsArb = fc.array(personEventArb, { minLength: 1, maxLength: 30 });
const interleavingArb = fc.tuple(eventsArb, fc.array(fc.nat({ max: 11 }), { minLength: 1, maxLength: 40 }));

describe('registries folded in any interleaving', () => {
  it('give the same state, version and history whatever the interleaving of the registries', () => {
    fc.assert(
      fc.property(interleavingArb, ([events, picks]) => {
        expect(comparable(fold(interleave(events, picks)))).toBe(comparable(fold(events)));
      }),
      RUNS,
    );
  });
});

describe("a registry's share of a state", () => {
  it('taken out, leaves the state the other registries alone would have built', () => {
    fc.assert(
      fc.property(eventsArb, fc.constantFrom(...REGISTRIES), (events, registry) => {
        const others = events.filter((event) => registryOf(event) !== registry);
        expect(comparable(withoutRegistry(fold(events), registry))).toBe(comparable(fold(others)));
      }),
      RUNS,
    );
  });

  it('taken out and folded again from its own events, gives the full state back', () => {
    fc.assert(
      fc.property(eventsArb, fc.constantFrom(...REGISTRIES), (events, registry) => {
        const own = events.filter((event) => registryOf(event) === registry);
        expect(comparable(fold(own, withoutRegistry(fold(events), registry)))).toBe(comparable(fold(events)));
      }),
      RUNS,
    );
  });

  it('of a registry that never spoke of the person is nothing', () => {
    const household = fold([]);
    expect(withoutRegistry(household, 'land')).toEqual(household);
  });
});
