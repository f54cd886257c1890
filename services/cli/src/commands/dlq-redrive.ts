// lgsp dlq redrive: sends dead letters back to their registry's adapter, which validates, maps and
// publishes them as if they had just arrived. A letter is marked re-driven only after a 202, and a marked
// letter is never sent again (a second run finds it marked and skips it). Two operators re-driving the same
// letter at the same instant could both send it; the hub's idempotence (source + id) makes that harmless.
import { agencyKeyFor, agencyKeyVariable } from '../config.ts';
import type { CliContext } from '../context.ts';
import { newestById, readDeadLetters, redrivenIds, redrivenSetKey } from '../dead-letters.ts';
import { EXIT, type ExitCode } from '../errors.ts';
import { sendToAdapter } from '../adapter-client.ts';
import { createProgress } from '../progress.ts';
import { planRedrive } from '../redrive-plan.ts';
import { serviceEndpoints, serviceUrlVariable } from '../service-endpoints.ts';
import { formatTable } from '../table.ts';
import type { CommandResult } from './result.ts';

export type RedriveOutcome = 'redriven' | 'already-redriven' | 'rejected' | 'unroutable' | 'unavailable' | 'not-found';

export interface RedriveEntry {
  id: string;
  registry: string | null;
  outcome: RedriveOutcome;
  reason?: string;
}

export interface RedriveOptions {
  id?: string[];
  all?: boolean;
  adapterUrls: Record<string, string | undefined>;
}

const OUTCOMES: readonly RedriveOutcome[] = ['redriven', 'already-redriven', 'rejected', 'unroutable', 'unavailable', 'not-found'];

export function summarise(entries: readonly RedriveEntry[]): Record<RedriveOutcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<RedriveOutcome, number>;
  for (const entry of entries) counts[entry.outcome] += 1;
  return counts;
}

export function redriveExitCode(counts: Record<RedriveOutcome, number>): ExitCode {
  if (counts.unavailable > 0) return EXIT.unavailable;
  if (counts.rejected + counts.unroutable + counts['not-found'] > 0) return EXIT.failure;
  return EXIT.ok;
}

export async function runDlqRedrive(context: CliContext, options: RedriveOptions): Promise<CommandResult> {
  const { config } = context;
  const redis = await context.redis();
  const prefix = config.REDIS_KEY_PREFIX;
  const letters = newestById(await readDeadLetters(context));
  const requested = options.all ? [...letters.keys()] : [...new Set(options.id ?? [])];
  const marked = await redrivenIds(redis, prefix, requested);
  const defaults = new Map(serviceEndpoints(config.HUB_HOST, config as Record<string, string | undefined>).map((endpoint) => [endpoint.name, endpoint.url]));
  const adapterUrl = (registry: string): string =>
    (options.adapterUrls[registry] ?? (config[serviceUrlVariable(`adapter-${registry}`)] as string | undefined) ?? defaults.get(`adapter-${registry}`)!).replace(/\/+$/, '');

  const entries: RedriveEntry[] = [];
  const toSend = options.all ? requested.filter((id) => !marked.has(id)) : requested;
  if (options.all) for (const id of requested.filter((candidate) => marked.has(candidate))) entries.push({ id, registry: letters.get(id)?.registry ?? null, outcome: 'already-redriven' });
  const progress = createProgress(options.all && !context.jsonOutput ? context.progressStream : undefined, toSend.length, 'redrive');
  for (const id of toSend) {
    entries.push(await redriveOne(id));
    progress.tick();
  }
  progress.done();

  async function redriveOne(id: string): Promise<RedriveEntry> {
    const listed = letters.get(id);
    if (!listed) return { id, registry: null, outcome: 'not-found', reason: `no dead letter with this id in ${context.topics.deadLetter}` };
    const registry = listed.registry ?? null;
    if (marked.has(id)) return { id, registry, outcome: 'already-redriven', reason: 'already re-driven; not sent again' };
    const plan = planRedrive(listed.letter, listed.registry);
    if (!plan.ok) return { id, registry, outcome: 'unroutable', reason: plan.reason };
    const key = agencyKeyFor(config, plan.request.registry);
    if (!key) return { id, registry, outcome: 'unroutable', reason: `${agencyKeyVariable(plan.request.registry)} is not set (development keys are refused in production)` };
    const sent = await sendToAdapter(adapterUrl(plan.request.registry), key, plan.request, config.HTTP_TIMEOUT_MS);
    if (sent.outcome !== 'accepted') return { id, registry, outcome: sent.outcome, reason: sent.reason };
    await redis.sadd(redrivenSetKey(prefix), id);
    return { id, registry, outcome: 'redriven' };
  }

  const counts = summarise(entries);
  const summary = OUTCOMES.filter((outcome) => counts[outcome] > 0).map((outcome) => `${counts[outcome]} ${outcome}`).join(', ') || 'nothing to re-drive';
  const table = entries.length === 0 ? '' : `${formatTable(entries, [
    { header: 'id', cell: (row) => row.id, max: 48 },
    { header: 'registry', cell: (row) => row.registry ?? '?' },
    { header: 'outcome', cell: (row) => row.outcome },
    { header: 'reason', cell: (row) => row.reason ?? '', max: 100 },
  ])}\n\n`;
  return { json: { counts, letters: entries }, text: `${table}${summary}`, exitCode: redriveExitCode(counts) };
}
