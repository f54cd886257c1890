// lgsp dlq redrive: sends dead letters back through their registry's adapter (the package
// @lgsp/dead-letters does it and marks each so it is never re-driven twice), with a progress bar, a
// table of outcomes and an exit code.
import { newestById, readDeadLetters, redriveLetters, REDRIVE_OUTCOMES, summariseRedrive, type RedriveOutcome } from '@lgsp/dead-letters';
import { agencyKeyFor, agencyKeyVariable } from '@lgsp/policy';
import type { CliContext } from '../context.ts';
import { EXIT, type ExitCode } from '../errors.ts';
import { createProgress } from '../progress.ts';
import { serviceEndpoints, serviceUrlVariable } from '../service-endpoints.ts';
import { formatTable } from '../table.ts';
import type { CommandResult } from './result.ts';

export interface RedriveOptions {
  id?: string[];
  all?: boolean;
  adapterUrls: Record<string, string | undefined>;
}

export function redriveExitCode(counts: Record<RedriveOutcome, number>): ExitCode {
  if (counts.unavailable > 0) return EXIT.unavailable;
  if (counts.rejected + counts.unroutable + counts['not-found'] > 0) return EXIT.failure;
  return EXIT.ok;
}

export async function runDlqRedrive(context: CliContext, options: RedriveOptions): Promise<CommandResult> {
  const { config } = context;
  const redis = await context.redis();
  const letters = newestById(await readDeadLetters(context.kafka(), await context.admin(), context.topics.deadLetter));
  const defaults = new Map(serviceEndpoints(config.HUB_HOST, config as Record<string, string | undefined>).map((endpoint) => [endpoint.name, endpoint.url]));
  const adapterUrl = (registry: string): string => options.adapterUrls[registry] ?? (config[serviceUrlVariable(`adapter-${registry}`)] as string | undefined) ?? defaults.get(`adapter-${registry}`)!;
  let progress: ReturnType<typeof createProgress> | undefined;
  const entries = await redriveLetters({
    redis,
    prefix: config.REDIS_KEY_PREFIX,
    letters,
    select: options.all ? { all: true } : { ids: options.id ?? [] },
    adapterUrl,
    agencyKey: (registry) => agencyKeyFor(config, registry),
    missingKey: (registry) => `${agencyKeyVariable(registry)} is not set (development keys are refused in production)`,
    timeoutMs: config.HTTP_TIMEOUT_MS,
    onProgress: (done, total) => {
      progress ??= createProgress(options.all && !context.jsonOutput ? context.progressStream : undefined, total, 'redrive');
      progress.tick();
    },
  });
  progress?.done();
  for (const entry of entries) if (entry.outcome === 'not-found') entry.reason = `no dead letter with this id in ${context.topics.deadLetter}`;

  const counts = summariseRedrive(entries);
  const summary = REDRIVE_OUTCOMES.filter((outcome) => counts[outcome] > 0).map((outcome) => `${counts[outcome]} ${outcome}`).join(', ') || 'nothing to re-drive';
  const table = entries.length === 0 ? '' : `${formatTable(entries, [
    { header: 'id', cell: (row) => row.id, max: 48 },
    { header: 'registry', cell: (row) => row.registry ?? '?' },
    { header: 'outcome', cell: (row) => row.outcome },
    { header: 'reason', cell: (row) => row.reason ?? '', max: 100 },
  ])}\n\n`;
  return { json: { counts, letters: entries }, text: `${table}${summary}`, exitCode: redriveExitCode(counts) };
}
