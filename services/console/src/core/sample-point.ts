// What one sample of the province figures keeps for the trends: the counters and gauges, small enough to
// hold an hour of them. `consumed` is how far the consolidator group has read the registry topics (summed
// over partitions, end − lag), so its difference over time is the consolidator's rate.
import type { ProvinceFigures } from '@lgsp/figures';
import { REGISTRIES, type Registry } from '@lgsp/kafka';
import { FIGURE_SECTIONS, QUALITY_CODES, type FigureSection, type QualityCode } from '@lgsp/record';

export interface RegistryPoint {
  accepted: number;
  rejected: number;
  deadLettered: number;
  newestEventAgeSeconds: number | null;
  lag: number;
}

export interface SamplePoint {
  /** When it was taken, milliseconds since the epoch. */
  at: number;
  generation: string;
  records: number;
  recordsWithIssues: number;
  byCode: Record<QualityCode, number>;
  /** Records with each section present. */
  withSection: Record<FigureSection, number>;
  lagTotal: number;
  consumed: number;
  registries: Record<Registry, RegistryPoint>;
}

export function pointOf(figures: ProvinceFigures, at: number): SamplePoint {
  const byRegistry = new Map(figures.registries.map((entry) => [entry.registry, entry]));
  return {
    at,
    generation: figures.generation,
    records: figures.records,
    recordsWithIssues: figures.clean.recordsWithIssues,
    byCode: Object.fromEntries(QUALITY_CODES.map((code) => [code, figures.clean.byCode[code]])) as Record<QualityCode, number>,
    withSection: Object.fromEntries(FIGURE_SECTIONS.map((section) => [section, figures.complete[section].records])) as Record<FigureSection, number>,
    lagTotal: figures.lagTotal,
    consumed: figures.lagPartitions.reduce((sum, partition) => sum + Math.max(0, Number(partition.end) - partition.lag), 0),
    registries: Object.fromEntries(
      REGISTRIES.map((registry) => {
        const entry = byRegistry.get(registry);
        return [
          registry,
          {
            accepted: entry?.accepted ?? 0,
            rejected: entry?.rejectedTotal ?? 0,
            deadLettered: entry?.deadLettered ?? 0,
            newestEventAgeSeconds: entry?.newestEventAgeSeconds ?? null,
            lag: entry?.lag ?? 0,
          },
        ];
      }),
    ) as Record<Registry, RegistryPoint>,
  };
}
