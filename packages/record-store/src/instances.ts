// The live instances of the services that read or write the projection (consolidators, citizen APIs, the
// console), each reporting every second which generation it uses and whether it has paused its writes for a
// replay's handover. A replay reads this to know when the old generation has no writer left, and when no
// reader is left on it so that it can be dropped. An instance that stops reporting is gone after a while.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { RedisClient } from '@lgsp/redis';
import { controlKey } from './keys.ts';

export type InstanceRole = 'consolidator' | 'citizen-api' | 'console';

export interface InstanceReport {
  id: string;
  role: InstanceRole;
  /** The generation it reads (and, for a consolidator, writes). */
  generation: string;
  /** A consolidator that stopped writing for a replay's handover: the generation it waits for. */
  pausedFor?: string;
  /** When it last reported, milliseconds since the epoch. */
  seenAt: number;
}

export const INSTANCE_STALE_AFTER_MS = 10_000;

export function newInstanceId(role: InstanceRole): string {
  return `${role}:${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export async function reportInstance(redis: RedisClient, prefix: string, report: Omit<InstanceReport, 'seenAt'>, now: number = Date.now()): Promise<void> {
  await redis.hset(controlKey(prefix, 'instances'), report.id, JSON.stringify({ ...report, seenAt: now }));
}

export async function forgetInstance(redis: RedisClient, prefix: string, id: string): Promise<void> {
  await redis.hdel(controlKey(prefix, 'instances'), id);
}

/** The instances that reported lately; those silent for longer than `staleAfterMs` are removed. */
export async function liveInstances(redis: RedisClient, prefix: string, { staleAfterMs = INSTANCE_STALE_AFTER_MS, now = Date.now() } = {}): Promise<InstanceReport[]> {
  const key = controlKey(prefix, 'instances');
  const entries = await redis.hgetall(key);
  const live: InstanceReport[] = [];
  const stale: string[] = [];
  for (const [id, text] of Object.entries(entries)) {
    let report: InstanceReport | undefined;
    try {
      report = JSON.parse(text) as InstanceReport;
    } catch {
      report = undefined;
    }
    if (report && typeof report.seenAt === 'number' && now - report.seenAt <= staleAfterMs) live.push(report);
    else stale.push(id);
  }
  if (stale.length > 0) await redis.hdel(key, ...stale);
  return live.sort((a, b) => (a.id < b.id ? -1 : 1));
}
