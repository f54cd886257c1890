// What the console counts, for Prometheus: logins by outcome, open sessions, letters re-driven by outcome,
// and the figures' samples that failed.
import { Counter, Gauge, type Registry } from '@lgsp/runtime';

export interface ConsoleMetrics {
  logins: Counter<'outcome'>;
  redriven: Counter<'outcome'>;
  sampleFailures: Counter;
}

export function createConsoleMetrics(registry: Registry, sessions: () => number): ConsoleMetrics {
  new Gauge({ name: 'lgsp_console_sessions', help: 'Operator sessions open in this console instance', registers: [registry], collect() { this.set(sessions()); } });
  return {
    logins: new Counter({ name: 'lgsp_console_logins_total', help: 'Logins, by outcome (ok, unknown-key, not-operator, limited)', labelNames: ['outcome'] as const, registers: [registry] }),
    redriven: new Counter({ name: 'lgsp_console_redriven_letters_total', help: 'Dead letters re-driven from the console, by outcome', labelNames: ['outcome'] as const, registers: [registry] }),
    sampleFailures: new Counter({ name: 'lgsp_console_sample_failures_total', help: 'Samples of the figures that could not be read', registers: [registry] }),
  };
}
