// The unit suite every change mapping runs over its fixtures: each native kind maps to exactly the
// expected events, which satisfy the contract; each unmappable record is refused naming its fields.
import { describe, expect, it } from 'vitest';
import { validateEvent } from '@lgsp/contract';
import { changeMapper } from '../mapping/change-mapper.ts';
import type { MappingResult } from '../mapping/mapped-event.ts';
import { readFixtureFolder, readJson, type MappingFixture, type UnmappableFixture } from './fixtures.ts';

export interface ChangeMappingFixtures {
  map: (record: unknown) => MappingResult;
  /** Folder of `<kind>.json` files: `{ description, record, events }`. */
  changesDir: string;
  /** A JSON array of `{ description, record, pointers }`. */
  unmappableFile: string;
}

export function describeChangeMappingFixtures({ map, changesDir, unmappableFile }: ChangeMappingFixtures): void {
  describe.each(readFixtureFolder<MappingFixture>(changesDir))('the native record $name', ({ fixture }) => {
    it(`maps to the expected events: ${fixture.description}`, () => {
      const result = map(structuredClone(fixture.record));
      if (!result.ok) throw new Error(`not mapped: ${JSON.stringify(result.errors)}`);
      expect(result.events.map((mapped) => mapped.event)).toEqual(fixture.events);
    });

    it('gives events that satisfy the contract', () => {
      const result = map(structuredClone(fixture.record));
      for (const { event } of result.ok ? result.events : []) expect(validateEvent(event)).toEqual({ ok: true, event });
    });

    it('is deterministic: the same record again gives the same ids', () => {
      const first = map(structuredClone(fixture.record));
      const second = map(structuredClone(fixture.record));
      expect(second).toEqual(first);
    });
  });

  describe.each(readJson<UnmappableFixture[]>(unmappableFile))('an unmappable record: $description', (fixture) => {
    it(`is refused naming ${fixture.pointers.join(', ') || 'the record'}`, async () => {
      const prepared = await changeMapper(map).prepare([structuredClone(fixture.record)]);
      const [outcome] = prepared.outcomes;
      expect(outcome?.ok).toBe(false);
      const pointers = outcome && !outcome.ok ? outcome.errors.map((error) => error.pointer) : [];
      for (const pointer of fixture.pointers) expect(pointers).toContain(pointer);
    });
  });
}
