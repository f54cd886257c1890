// Keeps the live consolidator on the generation readers use, and takes part in a replay's handover. Every
// quarter second it reads the generation pointer and the replay lease (one slot, one round trip) and
// reports itself as a live instance:
// - a replay in its handover phase that will replace our generation: stop writing (the gate waits for the
//   chunk in flight) and report paused, so the replay knows our offsets are final;
// - the pointer names another generation: go on writing into that one;
// - the lease gone (the replay finished, or died) while paused: go on as before.
import type { GenerationGate } from '@lgsp/consolidation';
import { forgetInstance, generationPointerKey, controlKey, reportInstance, type ReplayLease } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import type { Gauge, Logger } from '@lgsp/runtime';

export interface GenerationFollowerOptions {
  redis: RedisClient;
  prefix: string;
  gate: GenerationGate;
  instanceId: string;
  logger: Logger;
  intervalMs?: number;
  metrics?: { generation: Gauge; paused: Gauge };
}

export interface GenerationFollower {
  /** One look at the pointer and the lease, and a report; the first is awaited before consuming starts. */
  poll(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

function parseLease(text: string | null): ReplayLease | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as ReplayLease;
  } catch {
    return undefined;
  }
}

export function createGenerationFollower({ redis, prefix, gate, instanceId, logger, intervalMs = 250, metrics }: GenerationFollowerOptions): GenerationFollower {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pausedFor: string | undefined;

  async function poll(): Promise<void> {
    const [pointer, leaseText] = await redis.mget(generationPointerKey(prefix), controlKey(prefix, 'replay'));
    const lease = parseLease(leaseText ?? null);
    const mine = gate.current().generation;
    const target = pointer ?? mine;
    if (target !== mine) {
      await gate.pause();
      gate.resume({ prefix, generation: target });
      pausedFor = undefined;
      logger.info({ from: mine, to: target }, 'record generation switched: writing into the new one');
    } else if (lease?.phase === 'handover' && lease.replaces === mine && lease.generation !== mine) {
      if (pausedFor !== lease.generation) {
        logger.info({ generation: mine, replacement: lease.generation }, 'replay handover: writes paused until the switch');
        await gate.pause();
        pausedFor = lease.generation;
      }
    } else if (gate.isPaused()) {
      gate.resume();
      logger.info({ generation: mine }, 'replay handover over without a switch: writes go on');
      pausedFor = undefined;
    }
    metrics?.generation.set(Number(gate.current().generation));
    metrics?.paused.set(gate.isPaused() ? 1 : 0);
    await reportInstance(redis, prefix, { id: instanceId, role: 'consolidator', generation: gate.current().generation, ...(pausedFor ? { pausedFor } : {}) });
  }

  const loop = (): void => {
    running = poll()
      .catch((error: unknown) => logger.warn({ err: error }, 'could not follow the record generation; trying again'))
      .finally(() => {
        running = undefined;
        if (timer !== undefined) timer = setTimeout(loop, intervalMs);
      });
  };

  return {
    poll,
    start() {
      timer = setTimeout(loop, intervalMs);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
      await forgetInstance(redis, prefix, instanceId).catch(() => {});
    },
  };
}
