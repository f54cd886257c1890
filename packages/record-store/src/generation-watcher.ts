// How readers (the citizen API, the console) follow the generation pointer: read once at start, then
// every second, with no Redis round trip per request. Each tick also reports the reader as a live instance
// on the generation it now uses, so a replay knows when no reader is left on the generation it replaced.
import type { RedisClient } from '@lgsp/redis';
import { currentGeneration } from './generations.ts';
import { forgetInstance, newInstanceId, reportInstance, type InstanceRole } from './instances.ts';
import type { Keyspace } from './keys.ts';

interface WatcherLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface GenerationWatcher {
  current(): Keyspace;
  stop(): Promise<void>;
}

export async function watchGeneration(
  redis: RedisClient,
  prefix: string,
  { role, logger, intervalMs = 1_000 }: { role: InstanceRole; logger: WatcherLogger; intervalMs?: number },
): Promise<GenerationWatcher> {
  const id = newInstanceId(role);
  let keyspace: Keyspace = { prefix, generation: await currentGeneration(redis, prefix) };
  const report = (): Promise<void> => reportInstance(redis, prefix, { id, role, generation: keyspace.generation });
  await report();
  let ticking: Promise<void> | undefined;
  const tick = async (): Promise<void> => {
    const generation = await currentGeneration(redis, prefix);
    if (generation !== keyspace.generation) {
      logger.info({ from: keyspace.generation, to: generation }, 'record generation switched');
      keyspace = { prefix, generation };
    }
    await report();
  };
  const timer = setInterval(() => {
    if (ticking) return;
    ticking = tick()
      .catch((error: unknown) => logger.warn({ err: error }, 'could not read the record generation'))
      .finally(() => {
        ticking = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    current: () => keyspace,
    async stop() {
      clearInterval(timer);
      await ticking;
      await forgetInstance(redis, prefix, id).catch(() => {});
    },
  };
}
