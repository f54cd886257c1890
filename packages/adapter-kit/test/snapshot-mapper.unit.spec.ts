// The snapshot mapper's rules, with a toy registry whose snapshot is a set of members, over an
// in-memory store: the base advances only on commit, never backwards, and not past a refused snapshot.
import { describe, expect, it } from 'vitest';
import { buildEvent } from '@lgsp/contract';
import { mappedEvent } from '../src/mapping/mapped-event.ts';
import { snapshotMapper, type SnapshotMapping } from '../src/mapping/snapshot-mapper.ts';
import type { SnapshotStore, StoredSnapshot } from '../src/state/snapshot-store.ts';

type Members = string[];

const ENTERPRISE = '0101248141';

// Each new member becomes a role-assigned event; a personal ID of an unknown province fails validation.
const toy: SnapshotMapping<Members> = {
  parse: (record) => {
    const { id, time, members } = record as { id: string; time: string; members: Members };
    return { ok: true, entity: ENTERPRISE, time, snapshot: members.map((member) => `${id}|${member}`) };
  },
  diff: (previous, next, time) => {
    const before = new Set((previous ?? []).map((entry) => entry.split('|')[1]));
    return next
      .filter((entry) => !before.has(entry.split('|')[1]))
      .map((entry) => {
        const [id, personalId] = entry.split('|') as [string, string];
        return mappedEvent(
          buildEvent('vn.lgsp.enterprise.role-assigned.v1', {
            id: `${id}/${personalId}`,
            subject: personalId,
            time,
            data: { personalId, enterpriseCode: ENTERPRISE, enterpriseName: 'X', role: 'member', since: time.slice(0, 10) },
          }),
          {},
        );
      });
  },
};

function memoryStore(): SnapshotStore<Members> & { stored: Map<string, StoredSnapshot<Members>> } {
  const stored = new Map<string, StoredSnapshot<Members>>();
  return {
    stored,
    lock: async () => ({ extend: async () => true, release: async () => {} }),
    load: async (entities) => new Map(entities.flatMap((entity) => (stored.has(entity) ? [[entity, stored.get(entity)!] as const] : []))),
    save: async (entity, snapshot) => {
      const current = stored.get(entity);
      if (current && Date.parse(current.time) > Date.parse(snapshot.time)) return false;
      stored.set(entity, snapshot);
      return true;
    },
  };
}

const exportAt = (id: string, day: number, members: Members) => ({ id, time: `2025-07-${String(day).padStart(2, '0')}T08:00:00+07:00`, members });
const ids = (outcomes: readonly { ok: boolean; events?: Array<{ id: string }> }[]) => outcomes.flatMap((outcome) => (outcome.ok ? outcome.events!.map((event) => event.id) : []));

describe('the snapshot mapper', () => {
  it('given no base, when a snapshot is prepared but not committed, then the next one diffs against nothing again', async () => {
    const store = memoryStore();
    const mapper = snapshotMapper(toy, store);
    const first = await mapper.prepare([exportAt('A', 1, ['001203012345'])]);
    await first.release();
    const again = await mapper.prepare([exportAt('A', 1, ['001203012345'])]);
    expect(ids(again.outcomes)).toEqual(['A/001203012345']);
    expect(store.stored.size).toBe(0);
  });

  it('given a committed snapshot, when the same one comes again, then it yields nothing', async () => {
    const store = memoryStore();
    const mapper = snapshotMapper(toy, store);
    const first = await mapper.prepare([exportAt('A', 1, ['001203012345'])]);
    await first.commit();
    const again = await mapper.prepare([exportAt('A', 1, ['001203012345'])]);
    expect(ids(again.outcomes)).toEqual([]);
  });

  it('given a newer base, when an older snapshot comes late, then it yields nothing and the base stays', async () => {
    const store = memoryStore();
    const mapper = snapshotMapper(toy, store);
    await (await mapper.prepare([exportAt('B', 5, ['001203012345', '001304056789'])])).commit();
    const late = await mapper.prepare([exportAt('A', 1, ['079185000123'])]);
    expect(late.outcomes).toEqual([{ ok: true, events: [] }]);
    await late.commit();
    expect(store.stored.get(ENTERPRISE)!.time).toBe('2025-07-05T08:00:00+07:00');
  });

  it('given a batch, when a snapshot in it is refused, then the next one of the batch diffs against the last accepted one', async () => {
    const store = memoryStore();
    const mapper = snapshotMapper(toy, store);
    const prepared = await mapper.prepare([exportAt('A', 1, ['001203012345']), exportAt('B', 2, ['001203012345', '003000000000']), exportAt('C', 3, ['001203012345', '001304056789'])]);
    expect(prepared.outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    expect(ids(prepared.outcomes)).toEqual(['A/001203012345', 'C/001304056789']);
    await prepared.commit();
    expect(store.stored.get(ENTERPRISE)!.snapshot).toEqual(['C|001203012345', 'C|001304056789']);
  });
});
