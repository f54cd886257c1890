// The one function that cuts a citizen record to a purpose's sections (api.md §2, guarantee 6: no read
// outside its purpose). Pure: no I/O, no clock, the input is never changed. It copies only what the grant
// names, so a key it does not know — a section added to the record later — stays out until granted.
import { RECORD_SECTIONS, SECTION_PARTS, grantsPath, scopeOf, type DividedSection, type SectionGrant } from './sections.ts';

/** What every view of a record carries, whatever the purpose. */
export interface RecordIdentity {
  readonly personalId: string;
  readonly version: number;
  readonly updatedAt: string;
}

/** A stored record as the cut sees it: the identity keys, and sections it treats as opaque JSON. */
export type StoredRecord = RecordIdentity & { readonly [key: string]: unknown };

/** The record as a consumer may see it: the identity keys and the granted sections only. */
export type RecordView = RecordIdentity & { readonly [section: string]: unknown };

export function cutRecord(record: StoredRecord, grant: SectionGrant): RecordView {
  const view: Record<string, unknown> = { personalId: record.personalId };
  for (const section of RECORD_SECTIONS) {
    const scope = scopeOf(grant, section);
    if (scope === undefined || !Object.hasOwn(record, section)) continue;
    const value = record[section];
    if (section === 'provenance') view.provenance = cutProvenance(value, grant);
    else if (scope === 'whole') view[section] = value;
    else view[section] = cutToParts(section as DividedSection, value, scope);
  }
  view.version = record.version;
  view.updatedAt = record.updatedAt;
  return view as RecordView;
}

/**
 * A narrowed section shows exactly its granted parts. A missing section or part reads as empty rather
 * than null-or-absent, because "no judicial section at all" versus "no bans" would tell a reader of
 * bans whether convictions exist.
 */
function cutToParts(section: DividedSection, value: unknown, parts: readonly string[]): Record<string, unknown> {
  const shapes: Readonly<Record<string, 'list' | 'single'>> = SECTION_PARTS[section];
  const source = isPlainObject(value) ? value : {};
  const cut: Record<string, unknown> = {};
  for (const part of parts) {
    const shape = shapes[part];
    if (shape === undefined) continue;
    const item = Object.hasOwn(source, part) ? source[part] : undefined;
    cut[part] = item ?? (shape === 'list' ? [] : null);
  }
  return cut;
}

/**
 * Provenance is keyed by section (or part): each entry names the last event that set it, so an entry
 * for an ungranted section would reveal that such an event exists and when. Keep only granted keys.
 */
function cutProvenance(value: unknown, grant: SectionGrant): unknown {
  // Anything but an object keyed by section cannot be cut safely, so it is not shown.
  if (!isPlainObject(value)) return null;
  const cut: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (grantsPath(grant, key)) cut[key] = entry;
  }
  return cut;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
