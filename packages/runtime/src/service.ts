// Builds a service's fastify app with what every hub service shares: request ids, structured request
// logs, problem+json errors, /health, /ready, /metrics, and the resources closed on shutdown.
import swagger from '@fastify/swagger';
import { fastify, LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { createClientErrorHandler } from './client-errors.ts';
import { registerHealthRoutes, type ReadinessCheck } from './health.ts';
import type { Logger } from './logger.ts';
import { createMetricsRegistry, registerHttpMetrics } from './metrics.ts';
import { Errors } from './errors.ts';
import { requestValidatorCompiler } from './request-validators.ts';
import { registerProblemHandlers, sendProblem, toHubError } from './problem.ts';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id.ts';
import { createRouteMatcher, routesOfPrintout, type RouteMatcher, type ServedRoute } from './routes.ts';

export interface ClosableResource {
  name: string;
  close(): Promise<void>;
}

export interface ServiceAppOptions {
  service: string;
  logger: Logger;
  readiness?: readonly ReadinessCheck[];
  /** Closed in reverse order after the server stops accepting and in-flight requests finish. */
  resources?: readonly ClosableResource[];
  metrics?: Registry;
  bodyLimit?: number;
  /** How long a request may take to arrive in full (headers and body); a slower one is cut off with 408. */
  requestTimeoutMs?: number;
  version?: string;
  description?: string;
  /** OpenAPI security schemes beside `bearer` (e.g. a session cookie). */
  securitySchemes?: Record<string, Record<string, unknown>>;
}

export type ServiceApp = FastifyInstance & { metricsRegistry: Registry };

export const MAX_HEADER_BYTES = 16 * 1024;
export const MAX_PATH_PARAMETER_CHARS = 1024;
/** How often Node checks requests against the request timeout (its default, 30 s, would let one run that much over). */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

export async function buildServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const metrics = options.metrics ?? createMetricsRegistry(options.service);
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const app: FastifyInstance = fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    genReqId: requestIdFor,
    // fastify's own per-request lines are off: one line per request is written below, after the answer.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    requestTimeout,
    connectionTimeout: 60_000,
    keepAliveTimeout: 72_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Above every documented parameter's maxLength, so that the route (after the key is checked) is what
    // refuses an over-long one; the router's own limit is only a bound on its work.
    routerOptions: { maxParamLength: MAX_PATH_PARAMETER_CHARS },
    // The timeouts go to Node's server constructor too: set only afterwards (as fastify does), the request
    // timeout leaves the headers timeout at Node's 60 s, and then a body trickling in is never cut off.
    // Node answers an HTTP/1.1 request without Host itself, with an empty 400; the hook below does, as problem+json.
    http: {
      maxHeaderSize: MAX_HEADER_BYTES,
      requestTimeout,
      headersTimeout: requestTimeout,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
      requireHostHeader: false,
    },
    // Refusals that happen before routing (an undecodable or over-long path segment; a request the HTTP
    // parser or the timeout cut off) are problem+json too, like every other.
    // No hook runs for these, so what every answer carries is set here.
    frameworkErrors: (error, request, reply) =>
      sendProblem(reply.header(REQUEST_ID_HEADER, request.id).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff'), toHubError(error)),
    clientErrorHandler: createClientErrorHandler(options.logger),
  });
  app.setValidatorCompiler(requestValidatorCompiler());
  app.decorate('metricsRegistry', metrics);

  // Route schemas are the one source of both validation and the OpenAPI document.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: `LGSP Hub ${options.service}`, version: options.version ?? '1.0.0', description: options.description },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, ...options.securitySchemes } },
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    // RFC 9112 §3.2: a server must refuse an HTTP/1.1 request that does not name its host.
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      throw Errors.BadRequest({ detail: 'An HTTP/1.1 request must carry a Host header', errors: [{ pointer: '/headers/host', message: 'is required' }] });
    }
  });
  // Once shutdown starts, answers to requests still in flight close their keep-alive connection,
  // so the server can finish without waiting for idle clients to time out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (request, reply) => {
    // One line per request; the URL is scrubbed of personal IDs by the logger's serializer.
    request.log.info({ req: request, res: reply, responseTimeMs: Math.round(reply.elapsedTime * 100) / 100 }, 'request completed');
  });

  // The routes are known once every plugin has registered its own: logged, and used to tell a 405 from a 404.
  let routes: RouteMatcher | undefined;
  registerProblemHandlers(app, { methodsAt: (path) => routes?.methodsAt(path) ?? [] });
  app.addHook('onReady', async () => {
    const served: ServedRoute[] = routesOfPrintout(app.printRoutes({ commonPrefix: false }));
    routes = createRouteMatcher(served);
    app.log.info({ routes: served.map(({ method, path }) => `${method} ${path}`) }, 'routes');
  });
  registerHealthRoutes(app, options.readiness ?? []);
  registerHttpMetrics(app, metrics);

  // One hook closes the resources one after another, last given first, each finished before the next
  // starts (a producer flushes before the clients it depends on go): the order of several onClose hooks
  // is fastify's to choose, and a test saw it vary.
  const resources = [...(options.resources ?? [])].reverse();
  app.addHook('onClose', async () => {
    for (const resource of resources) {
      try {
        await resource.close();
        app.log.info({ resource: resource.name }, 'resource closed');
      } catch (error) {
        app.log.error({ err: error, resource: resource.name }, 'resource failed to close');
      }
    }
  });
  return app as unknown as ServiceApp;
}
