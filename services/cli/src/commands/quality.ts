// lgsp quality: the province-wide figures of record.md §3 — correct (per registry: events accepted,
// requests rejected by reason, dead letters), complete (records with each section), clean (records by
// issue code), live (newest accepted event's age, lag) — read from the counters the hub keeps as it works.
import { provinceFigures, type ProvinceFigures } from '@lgsp/figures';
import { FIGURE_SECTIONS, QUALITY_CODES } from '@lgsp/record';
import type { CliContext } from '../context.ts';
import { EXIT } from '../errors.ts';
import { formatTable, humanAge, percent } from '../table.ts';
import type { CommandResult } from './result.ts';

export type QualityReport = ProvinceFigures & { computedBy: 'counters' };

function rejectedText(rejected: Record<string, number>): string {
  const entries = Object.entries(rejected).sort(([, a], [, b]) => b - a);
  return entries.length === 0 ? '–' : entries.map(([reason, count]) => `${reason} ${count.toLocaleString('en')}`).join(', ');
}

export function qualityText(report: QualityReport): string {
  const clean = formatTable(QUALITY_CODES, [
    { header: 'issue code', cell: (code) => code },
    { header: 'records', cell: (code) => report.clean.byCode[code], align: 'right' },
    { header: 'share', cell: (code) => percent(report.records === 0 ? 0 : report.clean.byCode[code] / report.records), align: 'right' },
  ]);
  const complete = formatTable(FIGURE_SECTIONS, [
    { header: 'section', cell: (section) => section },
    { header: 'records', cell: (section) => report.complete[section].records, align: 'right' },
    { header: 'share', cell: (section) => percent(report.complete[section].share), align: 'right' },
  ]);
  const registries = formatTable(report.registries, [
    { header: 'registry', cell: (row) => row.registry },
    { header: 'in log', cell: (row) => row.eventsInLog, align: 'right' },
    { header: 'accepted', cell: (row) => row.accepted, align: 'right' },
    { header: 'rejected requests', cell: (row) => rejectedText(row.rejected), max: 60 },
    { header: 'dead letters', cell: (row) => row.deadLettered, align: 'right' },
    { header: 'newest event', cell: (row) => (row.newestEventAgeSeconds === null ? '–' : `${humanAge(row.newestEventAgeSeconds)} ago`), align: 'right' },
    { header: 'lag', cell: (row) => row.lag, align: 'right' },
  ]);
  return [
    `Quality of ${report.records.toLocaleString('en')} records in generation ${report.generation}`,
    '',
    `Clean — ${report.clean.recordsWithIssues.toLocaleString('en')} records with at least one issue`,
    clean,
    '',
    'Complete — records with each section present',
    complete,
    '',
    'Correct and live — per registry',
    registries,
  ].join('\n');
}

export async function runQuality(context: CliContext): Promise<CommandResult> {
  const [admin, redis] = await Promise.all([context.admin(), context.redis()]);
  const figures = await provinceFigures({ redis, admin, prefix: context.config.REDIS_KEY_PREFIX, topics: context.topics, groupId: context.config.CONSOLIDATOR_GROUP_ID });
  const report: QualityReport = { ...figures, computedBy: 'counters' };
  return { json: report, text: qualityText(report), exitCode: EXIT.ok };
}
