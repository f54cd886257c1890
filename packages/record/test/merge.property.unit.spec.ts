// Properties of the merge core (record.md §2), over generated events that collide on the same items.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPersonEvent,
  compareStamps,
  initialPersonState,
  renderRecord,
  renderRecordCore,
  serializeRecord,
  stampOf,
  type PersonEvent,
  type PersonState,
} from '@lgsp/record';
import { personEventArb, PID } from './events.fixture.ts';

const RUNS = { numRuns: 300, seed: 20251124 };

function fold(events: readonly PersonEvent[]): PersonState {
  return events.reduce((state, event) => applyPersonEvent(state, event, { appliedAt: 'T' }).state, initialPersonState(PID));
}

const sections = (state: PersonState): string => serializeRecord(renderRecordCore(state));

const eventsArb = fc.array(personEventArb, { minLength: 1, maxLength: 30 });
const eventsAndPermutationArb = eventsArb.chain((events) =>
  fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })),
);

describe('merge core properties', () => {
  it('any permutation of a set of events gives the same sections, quality, provenance and history', () => {
    fc.assert(
      fc.property(eventsAndPermutationArb, ([events, permuted]) => {
        const a = fold(events);
        const b = fold(permuted);
        expect(sections(b)).toBe(sections(a));
        expect(b.history.map((entry) => entry.eventId)).toEqual(a.history.map((entry) => entry.eventId));
      }),
      RUNS,
    );
  });

  it('adding duplicates anywhere after the first delivery changes nothing at all', () => {
    const withDuplicatesArb = eventsArb.chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.array(fc.tuple(fc.nat({ max: events.length - 1 }), fc.nat()), { maxLength: 20 }),
      ),
    );
    fc.assert(
      fc.property(withDuplicatesArb, ([events, copies]) => {
        const delivered: PersonEvent[] = [...events];
        for (const [which, where] of copies) {
          const original = events[which]!;
          const firstAt = delivered.indexOf(original);
          const at = firstAt + 1 + (where % (delivered.length - firstAt));
          delivered.splice(at, 0, { ...original } as PersonEvent);
        }
        expect(fold(delivered)).toEqual(fold(events));
      }),
      RUNS,
    );
  });

  it('folding in any order equals folding in registry-clock order (a late older change never wins)', () => {
    fc.assert(
      fc.property(eventsAndPermutationArb, ([events, permuted]) => {
        const inClockOrder = [...events].sort((a, b) => compareStamps(stampOf(a), stampOf(b)));
        expect(sections(fold(permuted))).toBe(sections(fold(inClockOrder)));
      }),
      RUNS,
    );
  });

  it('a right is in force exactly when its newest grant or revocation is a grant (a removal is never undone by an older grant)', () => {
    fc.assert(
      fc.property(eventsAndPermutationArb, ([events, permuted]) => {
        const record = renderRecord(fold(permuted));
        for (const certificateNo of ['CS123456', 'CS654321']) {
          const presence = events
            .filter((event) => (event.type === 'vn.lgsp.land.right-granted.v1' || event.type === 'vn.lgsp.land.right-revoked.v1') && event.data.certificateNo === certificateNo)
            .sort((a, b) => compareStamps(stampOf(b), stampOf(a)))[0];
          const shown = record.landRights.some((right) => right.certificateNo === certificateNo);
          expect(shown).toBe(presence?.type === 'vn.lgsp.land.right-granted.v1');
        }
      }),
      RUNS,
    );
  });

  it('the name shown is the one of the newest change that set it', () => {
    fc.assert(
      fc.property(eventsAndPermutationArb, ([events, permuted]) => {
        const newest = events
          .filter((event) => (event.type === 'vn.lgsp.household.citizen-registered.v1' || event.type === 'vn.lgsp.household.identity-corrected.v1') && event.data.fullName !== undefined)
          .sort((a, b) => compareStamps(stampOf(b), stampOf(a)))[0];
        const shown = renderRecord(fold(permuted)).identity?.fullName ?? null;
        expect(shown).toBe(newest ? (newest.data as { fullName: string }).fullName : null);
      }),
      RUNS,
    );
  });

  it('version counts exactly the deliveries that changed the served record (a quality issue\'s since alone excepted)', () => {
    const withoutSince = (state: PersonState): string => {
      const record = renderRecordCore(state);
      return serializeRecord({ ...record, quality: { issues: record.quality.issues.map((issue) => ({ ...issue, since: '' })) } });
    };
    fc.assert(
      fc.property(eventsArb, (events) => {
        let state = initialPersonState(PID);
        let changes = 0;
        for (const event of events) {
          const before = withoutSince(state);
          state = applyPersonEvent(state, event, { appliedAt: 'T' }).state;
          if (withoutSince(state) !== before) changes += 1;
        }
        expect(state.version).toBe(changes);
        expect(Object.values(state.changes).reduce((sum, count) => sum + (count ?? 0), 0)).toBe(state.version);
      }),
      RUNS,
    );
  });
});
