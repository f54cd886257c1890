// GET /health (the process is up) and GET /ready (every dependency answers, checked now, with a time limit).
import type { FastifyInstance } from 'fastify';
import { Errors } from './errors.ts';
import { sendProblem } from './problem.ts';

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

export function registerHealthRoutes(app: FastifyInstance, checks: readonly ReadinessCheck[], timeoutMs = 2_000): void {
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'up' }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
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
