// lgsp audit verify: the audit log's hash chain, checked end to end, partition by partition.
import { createChainHeads, readAuditLog, verifyAuditChain, type ChainBreak } from '@lgsp/audit';
import type { CliContext } from '../context.ts';
import { EXIT } from '../errors.ts';
import { formatTable } from '../table.ts';
import type { CommandResult } from './result.ts';

export interface PartitionVerdict {
  partition: number;
  entries: number;
  valid: boolean;
  /** Whether the end of the chain could be compared with the head the writers recorded. */
  headCompared: boolean;
  breaks: Array<ChainBreak & { offset?: string }>;
}

export interface AuditVerifyReport {
  topic: string;
  valid: boolean;
  entries: number;
  partitions: PartitionVerdict[];
}

// The chain heads are read only, never locked: the TTL matters only to writers.
const UNUSED_LOCK_TTL_MS = 60_000;

export async function runAuditVerify(context: CliContext): Promise<CommandResult> {
  const topic = context.topics.audit;
  const redis = await context.redis();
  const heads = createChainHeads({ redis, keyPrefix: context.config.REDIS_KEY_PREFIX, topic, lockTtlMs: UNUSED_LOCK_TTL_MS });
  const log = await readAuditLog(context.kafka(), topic);
  const partitions: PartitionVerdict[] = [];
  for (const { partition, entries, unreadable } of log) {
    const head = await heads.readHead(partition);
    const lastOffset = entries.length > 0 ? BigInt(entries[entries.length - 1]!.offset) : -1n;
    // Writers may have appended after the read ended: the recorded head is only comparable when it
    // points just past the last entry read.
    const headCompared = head !== undefined && BigInt(head.nextOffset) === lastOffset + 1n;
    const verdict = verifyAuditChain(entries, headCompared ? { expectedLastHash: head.hash } : {});
    const breaks: PartitionVerdict['breaks'] = verdict.breaks.map((found) => ({ ...found, ...(entries[found.index] ? { offset: entries[found.index]!.offset } : {}) }));
    for (const offset of unreadable) breaks.push({ index: -1, reason: 'altered', detail: `offset ${offset} is not an audit entry`, offset });
    partitions.push({ partition, entries: entries.length, valid: breaks.length === 0, headCompared, breaks });
  }
  const report: AuditVerifyReport = {
    topic,
    valid: partitions.every((partition) => partition.valid),
    entries: partitions.reduce((sum, partition) => sum + partition.entries, 0),
    partitions,
  };
  return { json: report, text: auditTable(report), exitCode: report.valid ? EXIT.ok : EXIT.failure };
}

export function auditTable(report: AuditVerifyReport): string {
  const table = formatTable(report.partitions, [
    { header: 'partition', cell: (row) => row.partition, align: 'right' },
    { header: 'entries', cell: (row) => row.entries, align: 'right' },
    { header: 'chain', cell: (row) => (row.valid ? 'intact' : `${row.breaks.length} break(s)`) },
    { header: 'end checked against head', cell: (row) => (row.headCompared ? 'yes' : 'no (head moved on or unknown)') },
  ]);
  const breaks = report.partitions.flatMap((row) => row.breaks.map((found) => `  partition ${row.partition}${found.offset ? ` offset ${found.offset}` : ''}: ${found.detail}`));
  const summary = report.valid
    ? `${report.topic}: ${report.entries.toLocaleString('en')} entries, every chain intact`
    : `${report.topic}: ${report.entries.toLocaleString('en')} entries, BROKEN:`;
  return [table, '', summary, ...breaks].join('\n');
}
