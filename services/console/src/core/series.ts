// The trends the console draws, from its samples (oldest first), as columns ready for a chart: one time
// axis and one array per figure. Rates are the difference of a counter between two samples over the time
// between them; where a counter went down (Redis emptied, a figure reset) the rate is unknown (null),
// never negative. The first sample has no rate.
import { REGISTRIES, type Registry } from '@lgsp/kafka';
import { FIGURE_SECTIONS, QUALITY_CODES, type FigureSection, type QualityCode } from '@lgsp/record';
import { headlineFigures } from './headline-figures.ts';
import type { SamplePoint } from './sample-point.ts';

type Column = Array<number | null>;

export interface RegistrySeries {
  acceptedPerSecond: Column;
  rejectedPerSecond: Column;
  deadLettered: Column;
  newestEventAgeSeconds: Column;
  lag: Column;
}

export interface Series {
  sampleIntervalMs: number;
  /** Seconds since the epoch, one per sample. */
  time: number[];
  headline: { correct: Column; complete: Column; clean: Column; lagTotal: Column };
  consolidator: { appliedPerSecond: Column; lagTotal: Column };
  registries: Record<Registry, RegistrySeries>;
  quality: { records: Column; recordsWithIssues: Column; byCode: Record<QualityCode, Column>; completeShare: Record<FigureSection, Column> };
}

const round = (value: number | null, digits = 3): number | null => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** The counter's change per second from `previous` to `current`; null when it cannot be told. */
export function ratePerSecond(previous: { at: number; value: number } | undefined, current: { at: number; value: number }): number | null {
  if (!previous) return null;
  const seconds = (current.at - previous.at) / 1000;
  const change = current.value - previous.value;
  if (seconds <= 0 || change < 0) return null;
  return change / seconds;
}

export function seriesOf(points: readonly SamplePoint[], sampleIntervalMs: number): Series {
  const column = (value: (point: SamplePoint, index: number) => number | null, digits?: number): Column => points.map((point, index) => round(value(point, index), digits));
  const rate = (counter: (point: SamplePoint) => number) => (point: SamplePoint, index: number) => {
    const previous = index > 0 ? points[index - 1] : undefined;
    return ratePerSecond(previous && { at: previous.at, value: counter(previous) }, { at: point.at, value: counter(point) });
  };
  const headlines = points.map(headlineFigures);
  const share = (count: number, point: SamplePoint): number | null => (point.records > 0 ? count / point.records : null);
  return {
    sampleIntervalMs,
    time: points.map((point) => Math.round(point.at / 1000)),
    headline: {
      correct: column((_, index) => headlines[index]!.correct.share, 4),
      complete: column((_, index) => headlines[index]!.complete.share, 4),
      clean: column((_, index) => headlines[index]!.clean.share, 4),
      lagTotal: column((point) => point.lagTotal),
    },
    consolidator: { appliedPerSecond: column(rate((point) => point.consumed)), lagTotal: column((point) => point.lagTotal) },
    registries: Object.fromEntries(
      REGISTRIES.map((registry) => [
        registry,
        {
          acceptedPerSecond: column(rate((point) => point.registries[registry].accepted)),
          rejectedPerSecond: column(rate((point) => point.registries[registry].rejected)),
          deadLettered: column((point) => point.registries[registry].deadLettered),
          newestEventAgeSeconds: column((point) => point.registries[registry].newestEventAgeSeconds),
          lag: column((point) => point.registries[registry].lag),
        },
      ]),
    ) as Record<Registry, RegistrySeries>,
    quality: {
      records: column((point) => point.records),
      recordsWithIssues: column((point) => point.recordsWithIssues),
      byCode: Object.fromEntries(QUALITY_CODES.map((code) => [code, column((point) => point.byCode[code])])) as Record<QualityCode, Column>,
      completeShare: Object.fromEntries(FIGURE_SECTIONS.map((section) => [section, column((point) => share(point.withSection[section], point), 4)])) as Record<FigureSection, Column>,
    },
  };
}

/** The latest rates, from the last two samples: what the overview shows beside the totals. */
export function latestRates(points: readonly SamplePoint[]): { appliedPerSecond: number | null; acceptedPerSecond: Record<Registry, number | null> } {
  const current = points.at(-1);
  const previous = points.at(-2);
  const of = (counter: (point: SamplePoint) => number): number | null =>
    current ? round(ratePerSecond(previous && { at: previous.at, value: counter(previous) }, { at: current.at, value: counter(current) })) : null;
  return {
    appliedPerSecond: of((point) => point.consumed),
    acceptedPerSecond: Object.fromEntries(REGISTRIES.map((registry) => [registry, of((point) => point.registries[registry].accepted)])) as Record<Registry, number | null>,
  };
}
