// What the citizen API counts, for Prometheus.
import { Counter, Histogram, type Registry } from '@lgsp/runtime';

export interface AuditMetrics {
  entries: Counter;
  failures: Counter;
  batchSize: Histogram;
  flushSeconds: Histogram;
}

export interface CitizenApiMetrics {
  audit: AuditMetrics;
  reads: Counter<'read' | 'purpose' | 'status'>;
  rateLimited: Counter<'consumer'>;
  accessLogEntries: Counter;
}

export function createCitizenApiMetrics(registry: Registry): CitizenApiMetrics {
  return {
    audit: {
      entries: new Counter({ name: 'lgsp_citizen_api_audit_entries_total', help: 'Audit entries acknowledged by Kafka', registers: [registry] }),
      failures: new Counter({ name: 'lgsp_citizen_api_audit_failures_total', help: 'Group commits that failed; their reads were answered 503', registers: [registry] }),
      batchSize: new Histogram({
        name: 'lgsp_citizen_api_audit_batch_entries',
        help: 'Entries per group commit',
        buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
        registers: [registry],
      }),
      flushSeconds: new Histogram({
        name: 'lgsp_citizen_api_audit_flush_seconds',
        help: 'Time of one group commit: lock, publish with acks=all, release',
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
        registers: [registry],
      }),
    },
    reads: new Counter({
      name: 'lgsp_citizen_api_reads_total',
      help: 'Audited reads answered, by what was read, purpose and status (200 or 304)',
      labelNames: ['read', 'purpose', 'status'] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'lgsp_citizen_api_rate_limited_total',
      help: 'Requests refused with 429, by consumer',
      labelNames: ['consumer'] as const,
      registers: [registry],
    }),
    accessLogEntries: new Counter({
      name: 'lgsp_citizen_api_access_log_entries_total',
      help: 'Audit entries projected into the access log',
      registers: [registry],
    }),
  };
}
