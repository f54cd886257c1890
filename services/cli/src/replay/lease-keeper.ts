// Holds the replay lease for the length of one replay: takes it (clearing the lease of a replay that died
// on this very host, whose pid is gone, rather than making the operator wait for it to expire), renews it
// every second with the phase and progress, and releases it at the end. Losing it (Redis unreachable for
// the lease's lifetime) is fatal: another replay may have begun.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { acquireReplayLease, releaseReplayLease, renewReplayLease, type ReplayLease, type ReplayPhase } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import { failure } from '../errors.ts';

export interface LeaseKeeper {
  readonly lease: Readonly<ReplayLease>;
  update(change: Partial<Pick<ReplayLease, 'generation' | 'replaces' | 'phase' | 'progress'>>): Promise<void>;
  /** Set when a renewal found the lease gone. */
  lost(): boolean;
  release(): Promise<void>;
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function describeHolder(holder: ReplayLease): string {
  return `generation ${holder.generation || '(not yet chosen)'} (${holder.phase}) by pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}`;
}

export async function takeReplayLease(redis: RedisClient, prefix: string, fields: { registry: string | null; replaces: string; phase: ReplayPhase }): Promise<LeaseKeeper & { takenOverFrom?: ReplayLease }> {
  const lease: ReplayLease = { token: randomUUID(), generation: '', startedAt: new Date().toISOString(), host: os.hostname(), pid: process.pid, ...fields };
  let takenOverFrom: ReplayLease | undefined;
  let taken = await acquireReplayLease(redis, prefix, lease);
  if (!taken.ok && taken.holder && taken.holder.host === lease.host && processIsGone(taken.holder.pid)) {
    await releaseReplayLease(redis, prefix, taken.holder.token);
    takenOverFrom = taken.holder;
    taken = await acquireReplayLease(redis, prefix, lease);
  }
  if (!taken.ok) {
    throw failure(taken.holder ? `another replay is running: ${describeHolder(taken.holder)}` : 'another replay holds the lease; try again in a few seconds');
  }

  let lost = false;
  let renewing: Promise<void> = Promise.resolve();
  const renew = (): Promise<void> => {
    renewing = renewing.then(async () => {
      if (lost) return;
      try {
        if (!(await renewReplayLease(redis, prefix, lease))) lost = true;
      } catch {
        // Redis unreachable for a moment: the lease lives 15 s, the next renewal may get through.
      }
    });
    return renewing;
  };
  const timer = setInterval(() => void renew(), 1_000);
  timer.unref();
  return {
    lease,
    ...(takenOverFrom ? { takenOverFrom } : {}),
    async update(change) {
      Object.assign(lease, change);
      await renew();
    },
    lost: () => lost,
    async release() {
      clearInterval(timer);
      await renewing;
      await releaseReplayLease(redis, prefix, lease.token).catch(() => {});
    },
  };
}
