// Sends dead letters back to their registry's adapter, which validates, maps and publishes them as if they
// had just arrived. A letter is marked re-driven only after a 202, and a marked letter is never sent again
// (a second run finds it marked and skips it). Two operators re-driving the same letter at the same instant
// could both send it; the hub's idempotence (source + id) makes that harmless. The CLI and the console both
// re-drive through here.
import type { Registry } from '@lgsp/kafka';
import type { RedisClient } from '@lgsp/redis';
import { sendToAdapter } from './adapter-client.ts';
import { redrivenIds, redrivenSetKey, type ListedLetter } from './letters.ts';
import { planRedrive } from './redrive-plan.ts';

export type RedriveOutcome = 'redriven' | 'already-redriven' | 'rejected' | 'unroutable' | 'unavailable' | 'not-found';

export const REDRIVE_OUTCOMES: readonly RedriveOutcome[] = ['redriven', 'already-redriven', 'rejected', 'unroutable', 'unavailable', 'not-found'];

export interface RedriveEntry {
  id: string;
  registry: string | null;
  outcome: RedriveOutcome;
  reason?: string;
}

export interface RedriveRequestOptions {
  redis: RedisClient;
  /** REDIS_KEY_PREFIX. */
  prefix: string;
  /** The letters of the dead-letter topic, newest of each id (newestById). */
  letters: ReadonlyMap<string, ListedLetter>;
  /** The letters to send, or every one not yet re-driven. */
  select: { ids: readonly string[] } | { all: true };
  adapterUrl(registry: Registry): string;
  /** The agency key to send with; undefined when none is configured (what to do about it in `missingKey`). */
  agencyKey(registry: Registry): string | undefined;
  missingKey(registry: Registry): string;
  timeoutMs: number;
  /** Who re-drives, as the adapters' logs see it; the CLI's by default. */
  userAgent?: string;
  /** Called after each letter sent, with how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

export function summariseRedrive(entries: readonly RedriveEntry[]): Record<RedriveOutcome, number> {
  const counts = Object.fromEntries(REDRIVE_OUTCOMES.map((outcome) => [outcome, 0])) as Record<RedriveOutcome, number>;
  for (const entry of entries) counts[entry.outcome] += 1;
  return counts;
}

export async function redriveLetters(options: RedriveRequestOptions): Promise<RedriveEntry[]> {
  const { redis, prefix, letters } = options;
  const all = 'all' in options.select;
  const requested = 'all' in options.select ? [...letters.keys()] : [...new Set(options.select.ids)];
  const marked = await redrivenIds(redis, prefix, requested);
  const entries: RedriveEntry[] = [];
  const toSend = all ? requested.filter((id) => !marked.has(id)) : requested;
  if (all) for (const id of requested.filter((candidate) => marked.has(candidate))) entries.push({ id, registry: letters.get(id)?.registry ?? null, outcome: 'already-redriven' });

  const redriveOne = async (id: string): Promise<RedriveEntry> => {
    const listed = letters.get(id);
    if (!listed) return { id, registry: null, outcome: 'not-found', reason: 'no dead letter with this id' };
    const registry = listed.registry ?? null;
    if (marked.has(id)) return { id, registry, outcome: 'already-redriven', reason: 'already re-driven; not sent again' };
    const plan = planRedrive(listed.letter, listed.registry);
    if (!plan.ok) return { id, registry, outcome: 'unroutable', reason: plan.reason };
    const key = options.agencyKey(plan.request.registry);
    if (!key) return { id, registry, outcome: 'unroutable', reason: options.missingKey(plan.request.registry) };
    const sent = await sendToAdapter(options.adapterUrl(plan.request.registry).replace(/\/+$/, ''), key, plan.request, options.timeoutMs, options.userAgent);
    if (sent.outcome !== 'accepted') return { id, registry, outcome: sent.outcome, reason: sent.reason };
    await redis.sadd(redrivenSetKey(prefix), id);
    return { id, registry, outcome: 'redriven' };
  };

  let done = 0;
  for (const id of toSend) {
    entries.push(await redriveOne(id));
    options.onProgress?.((done += 1), toSend.length);
  }
  return entries;
}
