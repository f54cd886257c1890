// What the consolidator counts, for Prometheus and the operators' figures.
import { Counter, Gauge, Histogram, type Registry } from '@lgsp/runtime';

export interface ConsolidatorMetrics {
  events: Counter<'registry' | 'outcome'>;
  deadLettered: Counter<'registry'>;
  conflicts: Counter;
  batchSeconds: Histogram;
  recordsPublished: Counter;
  lastAppliedAt: Gauge<'registry'>;
  generation: Gauge;
  handoverPaused: Gauge;
}

export function createConsolidatorMetrics(registry: Registry): ConsolidatorMetrics {
  return {
    events: new Counter({
      name: 'lgsp_consolidator_events_total',
      help: 'Events consumed, by registry and outcome (applied, superseded, duplicate, redelivered)',
      labelNames: ['registry', 'outcome'] as const,
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: 'lgsp_consolidator_dead_lettered_total',
      help: 'Messages the consolidator could not decode or validate, sent to the dead-letter topic',
      labelNames: ['registry'] as const,
      registers: [registry],
    }),
    conflicts: new Counter({
      name: 'lgsp_consolidator_write_conflicts_total',
      help: 'Compare-and-set writes retried because another consumer wrote the same record first',
      registers: [registry],
    }),
    batchSeconds: new Histogram({
      name: 'lgsp_consolidator_batch_seconds',
      help: 'Time to apply one chunk of a partition batch, from fetch to committed',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    recordsPublished: new Counter({
      name: 'lgsp_consolidator_records_published_total',
      help: 'Changed records published to the records topic',
      registers: [registry],
    }),
    lastAppliedAt: new Gauge({
      name: 'lgsp_consolidator_last_applied_timestamp_seconds',
      help: 'When the consolidator last applied an event of each registry',
      labelNames: ['registry'] as const,
      registers: [registry],
    }),
    generation: new Gauge({
      name: 'lgsp_consolidator_generation',
      help: 'The record generation this consolidator writes into',
      registers: [registry],
    }),
    handoverPaused: new Gauge({
      name: 'lgsp_consolidator_handover_paused',
      help: '1 while writes are paused for a replay handover, else 0',
      registers: [registry],
    }),
  };
}
