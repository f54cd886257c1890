// The province figures as Prometheus gauges, read when scraped (at most once per `cacheMs`, however many
// gauges and scrapers ask). Every instance exporting them shows the same province-wide values.
import { FIGURE_SECTIONS, QUALITY_CODES } from '@lgsp/record';
import { Gauge, type Registry } from '@lgsp/runtime';
import type { ProvinceFigures } from './province-figures.ts';

interface GaugeLogger {
  warn(details: object, message: string): void;
}

export function registerFigureGauges(registry: Registry, load: () => Promise<ProvinceFigures>, logger: GaugeLogger, { cacheMs = 5_000 } = {}): void {
  let cached: { at: number; figures: Promise<ProvinceFigures | undefined> } | undefined;
  const figures = (): Promise<ProvinceFigures | undefined> => {
    if (!cached || Date.now() - cached.at > cacheMs) {
      cached = {
        at: Date.now(),
        figures: load().catch((error: unknown) => {
          logger.warn({ err: error }, 'the province figures could not be read for the metrics');
          return undefined;
        }),
      };
    }
    return cached.figures;
  };

  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], fill: (gauge: Gauge<L>, report: ProvinceFigures) => void): void => {
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const report = await figures();
        this.reset();
        if (report) fill(this, report);
      },
    });
  };

  gauge('lgsp_records', 'Records in the current generation (complete: the base of every share)', [], (g, r) => g.set(r.records));
  gauge('lgsp_records_with_section', 'Records with each section present (complete)', ['section'], (g, r) => {
    for (const section of FIGURE_SECTIONS) g.set({ section }, r.complete[section].records);
  });
  gauge('lgsp_records_with_issue', 'Records with at least one quality issue of each code (clean)', ['code'], (g, r) => {
    for (const code of QUALITY_CODES) g.set({ code }, r.clean.byCode[code]);
  });
  gauge('lgsp_records_with_any_issue', 'Records with at least one quality issue (clean)', [], (g, r) => g.set(r.clean.recordsWithIssues));
  gauge('lgsp_registry_events_in_log', 'Events in each registry topic', ['registry'], (g, r) => {
    for (const entry of r.registries) g.set({ registry: entry.registry }, entry.eventsInLog);
  });
  gauge('lgsp_registry_events_accepted', 'Events each registry adapter had acknowledged by Kafka (correct)', ['registry'], (g, r) => {
    for (const entry of r.registries) g.set({ registry: entry.registry }, entry.accepted);
  });
  gauge('lgsp_registry_requests_rejected', 'Requests each registry adapter refused, by problem code (correct)', ['registry', 'reason'], (g, r) => {
    for (const entry of r.registries) for (const [reason, count] of Object.entries(entry.rejected)) g.set({ registry: entry.registry, reason }, count);
  });
  gauge('lgsp_registry_dead_letters', 'Distinct dead letters of each registry (correct)', ['registry'], (g, r) => {
    for (const entry of r.registries) g.set({ registry: entry.registry }, entry.deadLettered);
  });
  gauge('lgsp_registry_newest_event_age_seconds', 'Age of the newest event each registry adapter had acknowledged (live)', ['registry'], (g, r) => {
    for (const entry of r.registries) if (entry.newestEventAgeSeconds !== null) g.set({ registry: entry.registry }, entry.newestEventAgeSeconds);
  });
  gauge('lgsp_registry_consumer_lag', "The consolidator group's lag on each registry topic (live)", ['registry'], (g, r) => {
    for (const entry of r.registries) g.set({ registry: entry.registry }, entry.lag);
  });
}
