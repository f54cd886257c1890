// lgsp lag: the consolidator group's lag per registry topic and partition, and the total.
import type { CliContext } from '../context.ts';
import { EXIT } from '../errors.ts';
import { fetchLag, type LagReport } from '@lgsp/kafka';
import { formatTable } from '../table.ts';
import type { CommandResult } from './result.ts';

export function lagTable(report: LagReport): string {
  if (report.partitions.length === 0) return `group ${report.group}: no registry topics exist yet`;
  const table = formatTable(report.partitions, [
    { header: 'topic', cell: (row) => row.topic },
    { header: 'partition', cell: (row) => row.partition, align: 'right' },
    { header: 'committed', cell: (row) => row.committed ?? '–', align: 'right' },
    { header: 'end', cell: (row) => row.end, align: 'right' },
    { header: 'lag', cell: (row) => row.lag, align: 'right' },
  ]);
  return `${table}\n\ngroup ${report.group}: total lag ${report.total.toLocaleString('en')}`;
}

export async function runLag(context: CliContext): Promise<CommandResult> {
  const admin = await context.admin();
  const report = await fetchLag(admin, context.config.CONSOLIDATOR_GROUP_ID, Object.values(context.topics.registry));
  return { json: report, text: lagTable(report), exitCode: EXIT.ok };
}
