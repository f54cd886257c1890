// lgsp dlq list: the dead letters, newest last, with whether each was already re-driven.
import { parseLimit } from '../args.ts';
import type { CliContext } from '../context.ts';
import { readDeadLetters, redrivenIds, type ListedLetter } from '@lgsp/dead-letters';
import { EXIT } from '../errors.ts';
import { formatTable } from '../table.ts';
import type { CommandResult } from './result.ts';

const DEFAULT_LIMIT = 50;

export interface LetterRow {
  id: string;
  stage: string;
  reason: string;
  source: string;
  time: string;
  registry: string | null;
  redriven: boolean;
  at: { partition: number; offset: string };
}

export function selectLetters(letters: readonly ListedLetter[], { stage, limit }: { stage?: string; limit: number }): ListedLetter[] {
  const matching = stage === undefined ? letters : letters.filter((entry) => entry.letter.stage === stage);
  return matching.slice(Math.max(0, matching.length - limit));
}

export function letterTable(rows: readonly LetterRow[]): string {
  return formatTable(rows, [
    { header: 'time', cell: (row) => row.time },
    { header: 'id', cell: (row) => row.id, max: 44 },
    { header: 'stage', cell: (row) => row.stage },
    { header: 'source', cell: (row) => row.source, max: 36 },
    { header: 'redriven', cell: (row) => (row.redriven ? 'yes' : '') },
    { header: 'reason', cell: (row) => row.reason, max: 80 },
  ]);
}

export async function runDlqList(context: CliContext, options: { limit?: string; stage?: string }): Promise<CommandResult> {
  const limit = options.limit === undefined ? DEFAULT_LIMIT : parseLimit(options.limit);
  const all = await readDeadLetters(context.kafka(), await context.admin(), context.topics.deadLetter);
  const matching = options.stage === undefined ? all.length : all.filter((entry) => entry.letter.stage === options.stage).length;
  const shown = selectLetters(all, { ...(options.stage !== undefined ? { stage: options.stage } : {}), limit });
  const redriven = await redrivenIds(await context.redis(), context.config.REDIS_KEY_PREFIX, shown.map((entry) => entry.letter.id));
  const rows: LetterRow[] = shown.map(({ letter, registry, at }) => ({
    id: letter.id,
    stage: letter.stage,
    reason: letter.reason,
    source: letter.source,
    time: letter.time,
    registry: registry ?? null,
    redriven: redriven.has(letter.id),
    at,
  }));
  const summary = `${rows.length} of ${matching} dead letter${matching === 1 ? '' : 's'}${options.stage ? ` of stage ${options.stage}` : ''} (${all.length} in ${context.topics.deadLetter}), newest last`;
  const text = rows.length === 0 ? `no dead letters${options.stage ? ` of stage ${options.stage}` : ''} in ${context.topics.deadLetter}` : `${letterTable(rows)}\n\n${summary}`;
  return { json: { topic: context.topics.deadLetter, total: all.length, matching, shown: rows.length, letters: rows }, text, exitCode: EXIT.ok };
}
