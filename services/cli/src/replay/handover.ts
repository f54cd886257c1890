// The handover from the live generation to the new one, step by step, each waiting with a deadline:
// 1. every live consolidator writing the old generation has paused (the lease's phase told it to), so the
//    old generation's floors are final;
// 2. the new generation's floors have reached them on every partition: it holds every event the old one
//    applied, so no reader can find a record missing after the switch;
// then, once the pointer is switched, 3. no instance is left on the old generation, so it can be dropped.
import { liveInstances, type InstanceReport } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import { behind, type Positions } from './positions.ts';

export interface Waiting {
  deadline: number;
  /** True once the operator interrupted the replay. */
  cancelled(): boolean;
  pollMs?: number;
}

export type WaitResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<{ done: true; value: T } | { done: false; why: string }>, { deadline, cancelled, pollMs = 100 }: Waiting): Promise<WaitResult<T>> {
  for (;;) {
    const result = await probe();
    if (result.done) return { ok: true, value: result.value };
    if (cancelled()) return { ok: false, reason: 'interrupted' };
    if (Date.now() > deadline) return { ok: false, reason: result.why };
    await sleep(pollMs);
  }
}

/** Step 1: the consolidators on `old` that have paused for `next`; fails naming those that have not. */
export function pausedWriters(redis: RedisClient, prefix: string, old: string, next: string, waiting: Waiting): Promise<WaitResult<InstanceReport[]>> {
  return until(async () => {
    const writers = (await liveInstances(redis, prefix)).filter((instance) => instance.role === 'consolidator' && instance.generation === old);
    const running = writers.filter((instance) => instance.pausedFor !== next);
    return running.length === 0 ? { done: true, value: writers } : { done: false, why: `consolidator ${running.map((instance) => instance.id).join(', ')} did not pause its writes` };
  }, waiting);
}

/** Step 2: the new generation's floors at or past every final floor of the old one. */
export function caughtUp(loadNewFloors: () => Promise<Positions>, oldFloors: Positions, waiting: Waiting): Promise<WaitResult<Positions>> {
  return until(async () => {
    const floors = await loadNewFloors();
    const late = behind(floors, oldFloors);
    return late.length === 0
      ? { done: true, value: floors }
      : { done: false, why: `the new generation is still behind on ${late.map((entry) => `${entry.partition} (${entry.at} < ${entry.needed})`).slice(0, 3).join(', ')}` };
  }, waiting);
}

/** Step 3: no live instance reads or writes `old` any more. */
export function drained(redis: RedisClient, prefix: string, old: string, waiting: Waiting): Promise<WaitResult<void>> {
  return until(async () => {
    const left = (await liveInstances(redis, prefix)).filter((instance) => instance.generation === old);
    return left.length === 0 ? { done: true, value: undefined } : { done: false, why: `${left.map((instance) => instance.id).join(', ')} still use generation ${old}` };
  }, waiting);
}
