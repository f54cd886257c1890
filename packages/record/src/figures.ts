// What one record contributes to the province-wide figures (record.md §3): it exists, which sections it
// has (complete), which quality issue codes it carries (clean). Pure, so the projection can keep the
// figures as counters updated by the difference between a record's fields before and after a change.
import type { CitizenRecord, QualityCode } from './record.ts';

export const QUALITY_CODES: readonly QualityCode[] = ['ID_BIRTH_MISMATCH', 'ACTIVITY_AFTER_DEATH', 'ROLE_WHILE_BANNED', 'NO_CIVIL_RECORD'];
export const FIGURE_SECTIONS = ['identity', 'status', 'residence', 'landRights', 'enterpriseRoles', 'judicial'] as const;
export type FigureSection = (typeof FIGURE_SECTIONS)[number];

/** The counter every record adds to. */
export const RECORDS_FIELD = 'records';
/** Records with at least one quality issue. */
export const WITH_ISSUES_FIELD = 'with-issues';
export const sectionField = (section: FigureSection): string => `section:${section}`;
export const issueField = (code: QualityCode): string => `issue:${code}`;

export function sectionPresent(record: CitizenRecord, section: FigureSection): boolean {
  const value = record[section];
  return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
}

/** The counters this record adds one to. Enterprise statuses are not among them, so the core render suffices. */
export function recordFigureFields(record: CitizenRecord): string[] {
  const fields = [RECORDS_FIELD];
  for (const section of FIGURE_SECTIONS) if (sectionPresent(record, section)) fields.push(sectionField(section));
  const codes = new Set(record.quality.issues.map((issue) => issue.code));
  if (codes.size > 0) fields.push(WITH_ISSUES_FIELD);
  for (const code of QUALITY_CODES) if (codes.has(code)) fields.push(issueField(code));
  return fields;
}

/** Counter → change, for a record going from `before` (absent: undefined) to `after`; zero changes left out. */
export function figureDelta(before: readonly string[] | undefined, after: readonly string[] | undefined): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const field of after ?? []) delta[field] = (delta[field] ?? 0) + 1;
  for (const field of before ?? []) delta[field] = (delta[field] ?? 0) - 1;
  for (const field of Object.keys(delta)) if (delta[field] === 0) delete delta[field];
  return delta;
}

export interface RecordFigures {
  records: number;
  clean: { recordsWithIssues: number; byCode: Record<QualityCode, number> };
  /** Records with each section present, and their share of all records (0 when there are none). */
  complete: Record<FigureSection, { records: number; share: number }>;
}

/** The figures from summed counters. */
export function recordFiguresOf(counters: Readonly<Record<string, number>>): RecordFigures {
  const records = counters[RECORDS_FIELD] ?? 0;
  const share = (count: number): number => (records === 0 ? 0 : count / records);
  return {
    records,
    clean: {
      recordsWithIssues: counters[WITH_ISSUES_FIELD] ?? 0,
      byCode: Object.fromEntries(QUALITY_CODES.map((code) => [code, counters[issueField(code)] ?? 0])) as Record<QualityCode, number>,
    },
    complete: Object.fromEntries(
      FIGURE_SECTIONS.map((section) => {
        const count = counters[sectionField(section)] ?? 0;
        return [section, { records: count, share: share(count) }];
      }),
    ) as RecordFigures['complete'],
  };
}
