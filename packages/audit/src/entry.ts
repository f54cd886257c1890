// An audit entry (api.md §2): who read what about whom, for which purpose, in which request — and its
// place in the hash chain of its partition. The hash covers every field but itself, in a fixed order,
// so the bytes hashed do not depend on how a JSON library orders keys.
import { createHash } from 'node:crypto';

/** The `prevHash` of the first entry of a partition. */
export const GENESIS_HASH = '0'.repeat(64);

/** What was read: the record (also a 304 revalidation), its history, or its access log. */
export type AuditRead = 'record' | 'history' | 'access-log';

/** An entry before it takes its place in a chain. */
export interface AuditDraft {
  time: string;
  consumer: string;
  purpose: string;
  personalId: string;
  /** The section paths the response was cut to (for an access-log read: `access-log`). */
  sections: string[];
  requestId: string;
  read: AuditRead;
}

export interface AuditEntry extends AuditDraft {
  /** SHA-256 (hex) of the previous entry of the same partition; GENESIS_HASH for the first. */
  prevHash: string;
  /** SHA-256 (hex) of this entry's canonical bytes. */
  hash: string;
}

/** The bytes an entry's hash is computed over: every field but `hash`, in this order. */
export function canonicalEntryBytes(entry: AuditDraft & { prevHash: string }): string {
  return JSON.stringify([entry.time, entry.consumer, entry.purpose, entry.personalId, entry.sections, entry.requestId, entry.read, entry.prevHash]);
}

export function entryHash(entry: AuditDraft & { prevHash: string }): string {
  return createHash('sha256').update(canonicalEntryBytes(entry), 'utf8').digest('hex');
}

/** Links drafts into a chain after `prevHash`, in the order given (the order they will have in the log). */
export function sealEntries(prevHash: string, drafts: readonly AuditDraft[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let previous = prevHash;
  for (const draft of drafts) {
    const linked = { ...draft, sections: [...draft.sections], prevHash: previous };
    const entry: AuditEntry = { ...linked, hash: entryHash(linked) };
    entries.push(entry);
    previous = entry.hash;
  }
  return entries;
}
