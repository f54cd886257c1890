// The four figures of "đúng, đủ, sạch, sống" (record.md §3) as one number each, from one sample:
// - correct: of what reached the hub, the share that went in without a fault — accepted events ÷
//   (accepted events + rejected requests + dead letters). Rejections are counted per request, so this is
//   a lower bound when rejected requests carried several events;
// - complete: the mean share of records holding each section every person has (identity, status,
//   residence; land rights, enterprise roles and judicial records are rightly absent for most people);
// - clean: the share of records without any quality issue;
// - live: events in the registry topics not yet in the record (the consolidator's lag), and how long ago
//   the last event was accepted by any adapter.
// Shares are null while there is nothing to divide by.
import { REGISTRIES } from '@lgsp/kafka';
import type { FigureSection } from '@lgsp/record';
import type { SamplePoint } from './sample-point.ts';

export const CORE_SECTIONS: readonly FigureSection[] = ['identity', 'status', 'residence'];

export interface HeadlineFigures {
  correct: { share: number | null; accepted: number; rejected: number; deadLettered: number };
  complete: { share: number | null; sections: readonly FigureSection[] };
  clean: { share: number | null; records: number; recordsWithIssues: number };
  live: { lagTotal: number; newestEventAgeSeconds: number | null };
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function headlineFigures(point: SamplePoint): HeadlineFigures {
  const registries = REGISTRIES.map((registry) => point.registries[registry]);
  const accepted = registries.reduce((sum, entry) => sum + entry.accepted, 0);
  const rejected = registries.reduce((sum, entry) => sum + entry.rejected, 0);
  const deadLettered = registries.reduce((sum, entry) => sum + entry.deadLettered, 0);
  const ages = registries.map((entry) => entry.newestEventAgeSeconds).filter((age): age is number => age !== null);
  return {
    correct: { share: ratio(accepted, accepted + rejected + deadLettered), accepted, rejected, deadLettered },
    complete: {
      share: point.records > 0 ? CORE_SECTIONS.reduce((sum, section) => sum + point.withSection[section], 0) / (CORE_SECTIONS.length * point.records) : null,
      sections: CORE_SECTIONS,
    },
    clean: { share: ratio(point.records - point.recordsWithIssues, point.records), records: point.records, recordsWithIssues: point.recordsWithIssues },
    live: { lagTotal: point.lagTotal, newestEventAgeSeconds: ages.length === 0 ? null : Math.min(...ages) },
  };
}
