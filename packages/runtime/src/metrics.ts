// Prometheus metrics: one registry per service, default process metrics, HTTP request durations.
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance } from 'fastify';

export { Counter, Gauge, Histogram, Summary, Registry } from 'prom-client';

export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'lgsp_' });
  return registry;
}

/** Records every request's duration by route pattern (never the raw URL: it holds personal IDs). */
export function registerHttpMetrics(app: FastifyInstance, registry: Registry): void {
  const duration = new Histogram({
    name: 'lgsp_http_request_duration_seconds',
    help: 'HTTP request duration by route, method and status code',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ route, method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  const schema = {
    summary: 'Prometheus metrics (text exposition format)',
    tags: ['operations'],
    security: [],
    response: { 200: { description: 'The metrics', content: { 'text/plain': { schema: { type: 'string' } } } } },
  } as const;
  app.get('/metrics', { schema }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
