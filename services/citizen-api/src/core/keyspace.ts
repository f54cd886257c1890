// Which record generation readers use. `lgsp replay` builds a fresh generation and switches the pointer;
// readers follow within a second without a Redis round trip per request.
import { currentGeneration, type Keyspace } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import type { Logger } from '@lgsp/runtime';

export interface KeyspaceWatcher {
  current(): Keyspace;
  stop(): void;
}

export async function watchKeyspace(redis: RedisClient, prefix: string, logger: Logger, intervalMs = 1_000): Promise<KeyspaceWatcher> {
  let keyspace: Keyspace = { prefix, generation: await currentGeneration(redis, prefix) };
  const timer = setInterval(() => {
    currentGeneration(redis, prefix).then(
      (generation) => {
        if (generation === keyspace.generation) return;
        logger.info({ from: keyspace.generation, to: generation }, 'record generation switched');
        keyspace = { prefix, generation };
      },
      (error: unknown) => logger.warn({ err: error }, 'could not read the record generation'),
    );
  }, intervalMs);
  timer.unref();
  return { current: () => keyspace, stop: () => clearInterval(timer) };
}
