// GET /health (the process is up) and GET /ready (every dependency answers, checked now, with a time limit).
import type { FastifyInstance } from 'fastify';
import { Errors } from './errors.ts';
import { problemResponse, sendProblem } from './problem.ts';

export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency answers; rejects (or times out) when it does not. */
  check(): Promise<unknown>;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  error?: string;
}

export async function runChecks(checks: readonly ReadinessCheck[], timeoutMs: number): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async ({ name, check }) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([check(), timeout]);
        return { name, ok: true };
      } catch (error) {
        return { name, ok: false, error: (error as Error).message };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

const checkResults = {
  type: 'array',
  items: { type: 'object', required: ['name', 'ok'], properties: { name: { type: 'string' }, ok: { type: 'boolean' }, error: { type: 'string' } } },
} as const;

// Documented like every route, and open: no key (load balancers and orchestrators probe them).
const healthSchema = {
  summary: 'The process is up',
  tags: ['operations'],
  security: [],
  response: { 200: { description: 'Up', type: 'object', required: ['status'], properties: { status: { type: 'string', const: 'up' } } } },
} as const;

const readySchema = {
  summary: 'Every dependency (Kafka, Redis, the service\'s own consumers) answers now',
  tags: ['operations'],
  security: [],
  response: {
    200: { description: 'Ready', type: 'object', required: ['status', 'checks'], properties: { status: { type: 'string', const: 'ready' }, checks: checkResults } },
    503: problemResponse('Not ready: the problem names each dependency that failed, and `checks` holds every result'),
  },
} as const;

export function registerHealthRoutes(app: FastifyInstance, checks: readonly ReadinessCheck[], timeoutMs = 2_000): void {
  app.get('/health', { schema: healthSchema }, async () => ({ status: 'up' }));
  app.get('/ready', { schema: readySchema }, async (_request, reply) => {
    const results = await runChecks(checks, timeoutMs);
    const failed = results.filter((result) => !result.ok);
    if (failed.length === 0) return { status: 'ready', checks: results };
    return sendProblem(
      reply,
      Errors.NotReady({
        detail: `Not ready: ${failed.map((result) => `${result.name} (${result.error})`).join('; ')}`,
        extensions: { checks: results },
      }),
    );
  });
}
