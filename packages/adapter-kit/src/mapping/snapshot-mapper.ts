// The NativeMapper of a registry that exports whole snapshots (enterprise): each snapshot is compared
// with the last one accepted for the same entity, and the differences are the events.
// - The entity's lease is held from reading the previous snapshot until the new one is stored, so two
//   concurrent snapshots of one enterprise are diffed one after the other, never against the same base.
// - The stored snapshot advances only in commit(), i.e. after Kafka acknowledged the events: a crash
//   before that leaves the old base, and the re-sent snapshot yields the same events with the same ids.
// - A snapshot older (by registry time) than the current base yields no events and never replaces it:
//   the newer snapshot already accounted for everything up to its time.
import type { ProblemField } from '@lgsp/runtime';
import type { SnapshotStore, StoredSnapshot } from '../state/snapshot-store.ts';
import { validateMapped, type MappedEvent, type RecordOutcome } from './mapped-event.ts';
import type { NativeMapper } from './native-mapper.ts';

export type ParsedSnapshot<S> = { ok: true; entity: string; time: string; snapshot: S } | { ok: false; errors: ProblemField[] };

export interface SnapshotMapping<S> {
  /** Pure: the snapshot in the form kept between exports, with its entity and registry time. */
  parse(record: unknown): ParsedSnapshot<S>;
  /** Pure: the events that take the entity from `previous` (undefined: never seen) to `next`. */
  diff(previous: S | undefined, next: S, time: string): MappedEvent[];
}

export function snapshotMapper<S>(mapping: SnapshotMapping<S>, store: SnapshotStore<S>): NativeMapper {
  return {
    prepare: async (records) => {
      const parsed = records.map((record) => mapping.parse(record));
      const entities = [...new Set(parsed.flatMap((result) => (result.ok ? [result.entity] : [])))];
      const lease = entities.length > 0 ? await store.lock(entities) : undefined;
      try {
        const base = await store.load(entities);
        const advanced = new Map<string, StoredSnapshot<S>>();
        const outcomes = parsed.map((result): RecordOutcome => {
          if (!result.ok) return result;
          const previous = advanced.get(result.entity) ?? base.get(result.entity);
          if (previous && Date.parse(result.time) < Date.parse(previous.time)) return { ok: true, events: [] };
          const outcome = validateMapped(mapping.diff(previous?.snapshot, result.snapshot, result.time));
          // A snapshot whose events are refused must not become the base the next one is compared with.
          if (outcome.ok) advanced.set(result.entity, { time: result.time, snapshot: result.snapshot });
          return outcome;
        });
        return {
          outcomes,
          commit: async () => {
            await Promise.all([...advanced].map(([entity, stored]) => store.save(entity, stored)));
          },
          release: async () => lease?.release(),
        };
      } catch (error) {
        await lease?.release();
        throw error;
      }
    },
  };
}
