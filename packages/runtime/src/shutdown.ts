// Runs a service: listens, and on SIGTERM/SIGINT stops accepting, lets in-flight requests finish,
// closes its resources (flushing the producer) and exits; a shutdown that hangs is cut at the grace time.
import type { FastifyInstance } from 'fastify';
import type { Logger } from './logger.ts';

export interface RunServiceOptions {
  app: FastifyInstance;
  port: number;
  host: string;
  logger: Logger;
  graceMs: number;
  exit?: (code: number) => void;
}

export interface RunningService {
  address: string;
  shutdown(reason: string): Promise<void>;
}

/**
 * Waits until every log line written so far has reached its destination. pino writes asynchronously;
 * exiting with writes in flight lets its exit handler write the rest first, out of order.
 */
function flushLogs(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}

export async function runService({ app, port, host, logger, graceMs, exit = process.exit }: RunServiceOptions): Promise<RunningService> {
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason }, 'shutting down: no new requests, finishing in-flight ones');
      const timer = setTimeout(() => {
        logger.error({ graceMs }, 'shutdown took longer than the grace period; exiting');
        exit(1);
      }, graceMs);
      timer.unref();
      try {
        await app.close();
        logger.info('shutdown complete');
        await flushLogs(logger);
        exit(0);
      } catch (error) {
        logger.error({ err: error }, 'shutdown failed');
        await flushLogs(logger);
        exit(1);
      } finally {
        clearTimeout(timer);
      }
    })();
    return stopping;
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('unhandledRejection', (error) => {
    logger.fatal({ err: error }, 'unhandled rejection');
    void shutdown('unhandledRejection').finally(() => exit(1));
  });
  const address = await app.listen({ port, host });
  logger.info({ url: address }, 'listening');
  return { address, shutdown };
}
