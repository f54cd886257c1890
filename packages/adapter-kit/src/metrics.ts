// What an adapter counts, per registry, for Prometheus: events accepted, requests rejected by status
// and problem code, records dead-lettered in pull mode, and how long Kafka takes to acknowledge.
import { Counter, Histogram, type Registry } from '@lgsp/runtime';

export interface AdapterMetrics {
  eventsAccepted: Counter<'registry' | 'input'>;
  recordsAccepted: Counter<'registry' | 'mode'>;
  rejected: Counter<'registry' | 'status' | 'reason'>;
  deadLettered: Counter<'registry'>;
  publishSeconds: Histogram<'registry'>;
  pullRuns: Counter<'registry' | 'outcome'>;
}

export function createAdapterMetrics(registry: Registry): AdapterMetrics {
  return {
    eventsAccepted: new Counter({
      name: 'lgsp_adapter_events_accepted_total',
      help: 'Events acknowledged by Kafka, by registry and input (cloudevents, native, pull)',
      labelNames: ['registry', 'input'] as const,
      registers: [registry],
    }),
    recordsAccepted: new Counter({
      name: 'lgsp_adapter_records_accepted_total',
      help: 'Native records accepted, by registry and mode (push, pull)',
      labelNames: ['registry', 'mode'] as const,
      registers: [registry],
    }),
    rejected: new Counter({
      name: 'lgsp_adapter_requests_rejected_total',
      help: 'Requests answered with an error, by registry, HTTP status and problem code',
      labelNames: ['registry', 'status', 'reason'] as const,
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: 'lgsp_adapter_dead_lettered_total',
      help: 'Pulled records that could not be mapped or validated, sent to the dead-letter topic',
      labelNames: ['registry'] as const,
      registers: [registry],
    }),
    publishSeconds: new Histogram({
      name: 'lgsp_adapter_publish_seconds',
      help: 'Time from handing a request\'s events to Kafka until acks=all for all of them',
      labelNames: ['registry'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    pullRuns: new Counter({
      name: 'lgsp_adapter_pull_runs_total',
      help: 'Pull runs by outcome (done, source-unavailable, kafka-unavailable, busy, failed)',
      labelNames: ['registry', 'outcome'] as const,
      registers: [registry],
    }),
  };
}
