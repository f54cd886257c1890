// Canonical bytes of a record: renderRecord builds every object in a fixed key order and every list
// sorted by its key, so JSON.stringify of equal records gives equal bytes.
import type { CitizenRecord } from './record.ts';

export function serializeRecord(record: CitizenRecord): string {
  return JSON.stringify(record);
}

/** For rebuild comparisons: the record's bytes with `updatedAt`, the one field allowed to differ, blanked. */
export function comparableRecordBytes(record: CitizenRecord): string {
  return JSON.stringify({ ...record, updatedAt: null });
}
