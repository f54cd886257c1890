// Cuts a record's history (record.md §4) to a purpose: an entry is shown only when the grant covers the
// section its event touched. An event of a type the hub does not know is never shown.
import { sectionOfEventType } from './event-sections.ts';
import { grantsPath, type SectionGrant } from './sections.ts';

/** The least a history entry carries for the cut: its CloudEvents type. */
export interface TypedHistoryEntry {
  readonly type: string;
}

/** The entry itself when its section is granted, otherwise null. */
export function cutHistoryEntry<E extends TypedHistoryEntry>(entry: E, grant: SectionGrant): E | null {
  const section = sectionOfEventType(entry.type);
  return section !== undefined && grantsPath(grant, section) ? entry : null;
}

/** The entries of a history page the grant may see, in their order. */
export function cutHistory<E extends TypedHistoryEntry>(entries: readonly E[], grant: SectionGrant): E[] {
  return entries.filter((entry) => cutHistoryEntry(entry, grant) !== null);
}
