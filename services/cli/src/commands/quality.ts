// lgsp quality: the province-wide figures of record.md §3 that can be computed now — clean (records by
// issue code), complete (share of records with each section), correct (dead letters per registry), live
// (newest event age and lag per registry). Computed by a scan on every run, not maintained incrementally.
import { fetchLag, lagByTopic, REGISTRIES, topicOffsets } from '@lgsp/kafka';
import { renderRecord } from '@lgsp/record';
import type { CliContext } from '../context.ts';
import { deadLetterRanges, lettersOf, newestById } from '../dead-letters.ts';
import { EXIT } from '../errors.ts';
import { storedPeople } from '@lgsp/record-store';
import { createRecordTally, QUALITY_CODES, registryFigures, SECTIONS, type RecordFigures, type RegistryFigures } from '../quality-figures.ts';
import { readRanges, type OffsetRange } from '../read-ranges.ts';
import { formatTable, humanAge, percent } from '../table.ts';
import type { CommandResult } from './result.ts';

export interface QualityReport extends RecordFigures {
  generation: string;
  computedBy: 'scan';
  registries: RegistryFigures[];
  /** Dead letters whose registry cannot be told from their source or stage. */
  deadLetteredUnattributed: number;
}

export function qualityText(report: QualityReport): string {
  const clean = formatTable(QUALITY_CODES, [
    { header: 'issue code', cell: (code) => code },
    { header: 'records', cell: (code) => report.clean.byCode[code], align: 'right' },
    { header: 'share', cell: (code) => percent(report.records === 0 ? 0 : report.clean.byCode[code] / report.records), align: 'right' },
  ]);
  const complete = formatTable(SECTIONS, [
    { header: 'section', cell: (section) => section },
    { header: 'records', cell: (section) => report.complete[section].records, align: 'right' },
    { header: 'share', cell: (section) => percent(report.complete[section].share), align: 'right' },
  ]);
  const registries = formatTable(report.registries, [
    { header: 'registry', cell: (row) => row.registry },
    { header: 'events', cell: (row) => row.events, align: 'right' },
    { header: 'dead-lettered', cell: (row) => row.deadLettered, align: 'right' },
    { header: 'newest event', cell: (row) => row.newestEventAt ?? '–' },
    { header: 'age', cell: (row) => (row.newestEventAgeSeconds === null ? '–' : humanAge(row.newestEventAgeSeconds)), align: 'right' },
    { header: 'lag', cell: (row) => row.lag, align: 'right' },
  ]);
  return [
    `Quality of ${report.records.toLocaleString('en')} records in generation ${report.generation} (computed now by a scan, not maintained incrementally)`,
    '',
    `Clean — ${report.clean.recordsWithIssues.toLocaleString('en')} records with at least one issue`,
    clean,
    '',
    'Complete — records with each section present',
    complete,
    '',
    `Correct and live — per registry${report.deadLetteredUnattributed > 0 ? ` (${report.deadLetteredUnattributed} dead letters of no known registry)` : ''}`,
    registries,
  ].join('\n');
}

export async function runQuality(context: CliContext, now: () => number = Date.now): Promise<CommandResult> {
  const admin = await context.admin();
  const redis = await context.redis();
  const keyspace = await context.keyspace();

  const tally = createRecordTally();
  for await (const stored of storedPeople(redis, keyspace)) tally.add(renderRecord(stored.state));

  const registryTopics = REGISTRIES.map((registry) => ({ registry, topic: context.topics.registry[registry] }));
  const offsets = await topicOffsets(admin, registryTopics.map(({ topic }) => topic));
  // One read for both: the whole dead-letter topic, and the last message of each registry partition.
  const newestRanges: OffsetRange[] = [...offsets].flatMap(([topic, partitions]) =>
    partitions.filter(({ low, high }) => BigInt(high) > BigInt(low)).map(({ partition, high }) => ({ topic, partition, from: BigInt(high) - 1n, to: BigInt(high) })),
  );
  const messages = await readRanges(context.kafka(), admin, [...(await deadLetterRanges(context)), ...newestRanges]);
  const letters = [...newestById(lettersOf(messages.filter((message) => message.topic === context.topics.deadLetter))).values()];
  const lag = lagByTopic(await fetchLag(admin, context.config.CONSOLIDATOR_GROUP_ID, registryTopics.map(({ topic }) => topic)));

  const registries = registryTopics.map(({ registry, topic }) => {
    const timestamps = messages.filter((message) => message.topic === topic).map((message) => message.timestamp);
    return registryFigures(
      {
        registry,
        topic,
        events: (offsets.get(topic) ?? []).reduce((sum, { low, high }) => sum + Number(BigInt(high) - BigInt(low)), 0),
        deadLettered: letters.filter((entry) => entry.registry === registry).length,
        newestTimestampMs: timestamps.length === 0 ? undefined : Math.max(...timestamps),
        lag: lag.get(topic) ?? 0,
      },
      now(),
    );
  });
  const report: QualityReport = {
    generation: keyspace.generation,
    computedBy: 'scan',
    ...tally.figures(),
    registries,
    deadLetteredUnattributed: letters.filter((entry) => entry.registry === undefined).length,
  };
  return { json: report, text: qualityText(report), exitCode: EXIT.ok };
}
