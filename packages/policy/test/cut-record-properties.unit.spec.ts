// Property tests of guarantee 6 (no read outside its purpose): for any record and any grant, nothing the
// grant does not cover reaches the serialized view. Every section, part, provenance entry and unknown key
// of a generated record carries a sentinel naming its path; the raw JSON of the view is searched for them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RECORD_SECTIONS,
  SECTION_PATHS,
  cutRecord,
  grantsPath,
  toSectionGrant,
  type SectionGrant,
  type StoredRecord,
} from '@lgsp/policy';

const RUNS = { seed: 20250704, numRuns: 400 };
// Outside the ASCII that fast-check's strings are made of, so noise can never forge a sentinel.
const sentinel = (path: string) => `⟦${path}⟧`;

const marked = (path: string) => fc.record({ noise: fc.anything({ maxDepth: 2 }), mark: fc.constant(sentinel(path)) });
const listOrItem = (path: string) => fc.oneof(fc.constant(null), marked(path), fc.array(marked(path), { minLength: 1, maxLength: 3 }));

const dividedSection = (section: string, parts: readonly string[]) =>
  fc.oneof(
    fc.constant(null),
    fc.record(
      {
        ...Object.fromEntries(parts.map((part) => [part, listOrItem(`${section}.${part}`)])),
        // A member that belongs to no grantable part: only a whole grant may show it.
        other: marked(section),
      },
      { requiredKeys: [] },
    ),
  );

const PROVENANCE_KEYS = [...SECTION_PATHS, 'unknownSection', 'identity.fullName', '__proto__', 'constructor'];

const storedRecord: fc.Arbitrary<StoredRecord> = fc
  .record(
    {
      identity: listOrItem('identity'),
      status: listOrItem('status'),
      residence: dividedSection('residence', ['permanent', 'temporary']),
      landRights: listOrItem('landRights'),
      enterpriseRoles: listOrItem('enterpriseRoles'),
      judicial: dividedSection('judicial', ['convictions', 'bans']),
      quality: listOrItem('quality'),
      provenance: fc.oneof(
        fc.constant(null),
        fc.uniqueArray(fc.constantFrom(...PROVENANCE_KEYS), { maxLength: PROVENANCE_KEYS.length }).map((keys) =>
          // Built by JSON.parse so that `__proto__` is an own key, as in a record read from Redis.
          JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, { eventId: sentinel(`provenance>${key}`) }])))) as unknown,
        ),
      ),
      unknownSection: marked('unknown'),
      stamps: marked('unknown'),
    },
    { requiredKeys: [] },
  )
  .chain((sections) =>
    fc.record({ personalId: fc.stringMatching(/^\d{12}$/), version: fc.nat(), updatedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) }).map(
      (identity) => ({ ...identity, ...sections }) as StoredRecord,
    ),
  );

const grant: fc.Arbitrary<SectionGrant> = fc.array(fc.constantFrom(...SECTION_PATHS), { maxLength: 16 }).map(toSectionGrant);

/** Every sentinel a record can hold, with whether the grant lets it be seen. */
function sentinelsOf(g: SectionGrant): [path: string, visible: boolean][] {
  const sections = SECTION_PATHS.filter((path) => path !== 'provenance' && path !== 'access-log').map(
    (path) => [sentinel(path), grantsPath(g, path)] as [string, boolean],
  );
  const provenance = PROVENANCE_KEYS.map(
    (key) => [sentinel(`provenance>${key}`), grantsPath(g, 'provenance') && grantsPath(g, key)] as [string, boolean],
  );
  return [...sections, ...provenance, [sentinel('unknown'), false]];
}

describe('a cut record never holds what the grant does not cover', () => {
  it('has no top-level key outside personalId, version, updatedAt and the granted sections', () => {
    fc.assert(
      fc.property(storedRecord, grant, (record, g) => {
        const allowed = new Set(['personalId', 'version', 'updatedAt', ...RECORD_SECTIONS.filter((section) => g.paths.some((path) => path.split('.')[0] === section))]);
        const keys = Object.keys(JSON.parse(JSON.stringify(cutRecord(record, g))) as object);
        expect(keys.filter((key) => !allowed.has(key))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('holds no sentinel of an ungranted section, part, provenance entry or unknown key', () => {
    fc.assert(
      fc.property(storedRecord, grant, (record, g) => {
        const json = JSON.stringify(cutRecord(record, g));
        for (const [mark, visible] of sentinelsOf(g)) if (!visible) expect(json).not.toContain(mark);
      }),
      RUNS,
    );
  });

  it('holds every granted whole section exactly as stored', () => {
    fc.assert(
      fc.property(storedRecord, grant, (record, g) => {
        const view = cutRecord(record, g);
        for (const section of RECORD_SECTIONS) {
          if (section === 'provenance' || !grantsPath(g, section) || !Object.hasOwn(record, section)) continue;
          expect(view[section]).toEqual(record[section]);
        }
        expect([view.personalId, view.version, view.updatedAt]).toEqual([record.personalId, record.version, record.updatedAt]);
      }),
      RUNS,
    );
  });

  it('shows every granted part in full and the same shape whatever else the section holds', () => {
    fc.assert(
      fc.property(storedRecord, grant, (record, g) => {
        const view = cutRecord(record, g);
        for (const [section, parts] of [['judicial', ['convictions', 'bans']], ['residence', ['permanent', 'temporary']]] as const) {
          if (grantsPath(g, section)) continue;
          const granted = parts.filter((part) => grantsPath(g, `${section}.${part}`));
          if (granted.length === 0 || !Object.hasOwn(record, section)) continue;
          expect(Object.keys(view[section] as object)).toEqual(granted);
        }
      }),
      RUNS,
    );
  });

  it('changes nothing in the record and cuts nothing more when cut again', () => {
    fc.assert(
      fc.property(storedRecord, grant, (record, g) => {
        const before = JSON.stringify(record);
        const view = cutRecord(record, g);
        expect(JSON.stringify(record)).toBe(before);
        expect(cutRecord(view, g)).toEqual(view);
      }),
      RUNS,
    );
  });
});
