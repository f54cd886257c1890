// An audit entry on Kafka: the JSON of the entry as the value, the personal ID as the key (so tools can
// find a person's entries), and the partition chosen by the writer — never by the key — because the
// chain is per partition and only the writer holding a partition's head may append to it.
import type { Message } from 'kafkajs';
import type { AuditEntry, AuditRead } from './entry.ts';

const READS: ReadonlySet<string> = new Set<AuditRead>(['record', 'history', 'access-log']);

export function auditMessage(entry: AuditEntry, partition: number): Message {
  const { time, consumer, purpose, personalId, sections, requestId, read, prevHash, hash } = entry;
  return {
    partition,
    key: personalId,
    value: JSON.stringify({ time, consumer, purpose, personalId, sections, requestId, read, prevHash, hash }),
    headers: { 'content-type': 'application/json' },
  };
}

/** The entry a message carries, or undefined when it is not one (the projection skips and logs those). */
export function parseAuditEntry(value: Buffer | string | null | undefined): AuditEntry | undefined {
  if (value === null || value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.isBuffer(value) ? value.toString('utf8') : value);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object') return undefined;
  const entry = parsed as Record<string, unknown>;
  const strings = ['time', 'consumer', 'purpose', 'personalId', 'requestId', 'read', 'prevHash', 'hash'] as const;
  if (!strings.every((name) => typeof entry[name] === 'string')) return undefined;
  if (!READS.has(entry.read as string)) return undefined;
  if (!Array.isArray(entry.sections) || !entry.sections.every((section) => typeof section === 'string')) return undefined;
  return entry as unknown as AuditEntry;
}
