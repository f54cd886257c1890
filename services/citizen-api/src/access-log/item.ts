// One line of a person's access log as stored and served: who read, when, for what, which sections.
// Stored as the sorted-set member, so the same audit entry (same partition and offset) projected twice is
// the same member — the projection is idempotent without any bookkeeping of its own.
import type { AuditEntry, AuditRead } from '@lgsp/audit';

export interface AccessLogItem {
  time: string;
  consumer: string;
  purpose: string;
  sections: string[];
  read: AuditRead;
}

export function accessLogMember(entry: AuditEntry, partition: number, offset: string): string {
  const { time, consumer, purpose, sections, read } = entry;
  return JSON.stringify({ time, consumer, purpose, sections, read, at: `${partition}:${offset}` });
}

export function accessLogItemOf(member: string): AccessLogItem {
  const { time, consumer, purpose, sections, read } = JSON.parse(member) as AccessLogItem;
  return { time, consumer, purpose, sections, read };
}
