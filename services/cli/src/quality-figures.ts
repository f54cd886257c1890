// The province-wide quality figures of record.md §3, as a pure tally over rendered records and per-registry
// facts, so the arithmetic is testable without servers. (Computed on demand by a scan; the hub does not
// maintain them incrementally yet.)
import type { CitizenRecord, QualityCode } from '@lgsp/record';

export const QUALITY_CODES: readonly QualityCode[] = ['ID_BIRTH_MISMATCH', 'ACTIVITY_AFTER_DEATH', 'ROLE_WHILE_BANNED', 'NO_CIVIL_RECORD'];
export const SECTIONS = ['identity', 'status', 'residence', 'landRights', 'enterpriseRoles', 'judicial'] as const;
export type Section = (typeof SECTIONS)[number];

export interface CleanFigures {
  /** Records with at least one issue. */
  recordsWithIssues: number;
  /** Records with at least one issue of each code. */
  byCode: Record<QualityCode, number>;
}

export interface RecordFigures {
  records: number;
  clean: CleanFigures;
  /** Records with each section present, and their share of all records (0 when there are none). */
  complete: Record<Section, { records: number; share: number }>;
}

export function sectionPresent(record: CitizenRecord, section: Section): boolean {
  const value = record[section];
  return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
}

export function createRecordTally() {
  let records = 0;
  let recordsWithIssues = 0;
  const byCode = Object.fromEntries(QUALITY_CODES.map((code) => [code, 0])) as Record<QualityCode, number>;
  const present = Object.fromEntries(SECTIONS.map((section) => [section, 0])) as Record<Section, number>;
  return {
    add(record: CitizenRecord): void {
      records += 1;
      const codes = new Set(record.quality.issues.map((issue) => issue.code));
      if (codes.size > 0) recordsWithIssues += 1;
      for (const code of codes) byCode[code] = (byCode[code] ?? 0) + 1;
      for (const section of SECTIONS) if (sectionPresent(record, section)) present[section] += 1;
    },
    figures(): RecordFigures {
      const complete = Object.fromEntries(SECTIONS.map((section) => [section, { records: present[section], share: records === 0 ? 0 : present[section] / records }])) as RecordFigures['complete'];
      return { records, clean: { recordsWithIssues, byCode }, complete };
    },
  };
}

export interface RegistryFigures {
  registry: string;
  topic: string;
  /** Events in the registry's log (every event is kept forever). */
  events: number;
  /** Distinct dead letters of this registry in the dead-letter topic. */
  deadLettered: number;
  /** Broker timestamp of the newest event in the topic, RFC 3339; null when the topic is empty. */
  newestEventAt: string | null;
  newestEventAgeSeconds: number | null;
  /** The consolidator group's lag on this registry's topic. */
  lag: number;
}

export function registryFigures(input: { registry: string; topic: string; events: number; deadLettered: number; newestTimestampMs: number | undefined; lag: number }, nowMs: number): RegistryFigures {
  const { newestTimestampMs } = input;
  return {
    registry: input.registry,
    topic: input.topic,
    events: input.events,
    deadLettered: input.deadLettered,
    newestEventAt: newestTimestampMs === undefined ? null : new Date(newestTimestampMs).toISOString(),
    newestEventAgeSeconds: newestTimestampMs === undefined ? null : Math.max(0, Math.round((nowMs - newestTimestampMs) / 1000)),
    lag: input.lag,
  };
}
