// lgsp status: one look at the whole hub — services, topics, consolidator lag, the record store.
import type { CliContext } from '../context.ts';
import { EXIT } from '../errors.ts';
import { fetchLag, topicOffsets, type LagReport } from '@lgsp/kafka';
import { RECORDS_FIELD } from '@lgsp/record';
import { listedGenerations, readRecordCounters, readReplayLease, type GenerationInfo, type ReplayLease } from '@lgsp/record-store';
import { serviceEndpoints } from '../service-endpoints.ts';
import { checkServices, type ServiceHealth } from '../service-health.ts';
import { formatTable } from '../table.ts';
import type { CommandResult } from './result.ts';

const HEALTH_TIMEOUT_MS = 3_000;

export interface TopicStatus {
  topic: string;
  exists: boolean;
  partitions: Array<{ partition: number; low: string; high: string }>;
  /** Messages still in the log: the sum of high − low. */
  messages: number;
}

export interface StatusReport {
  services: ServiceHealth[];
  topics: TopicStatus[];
  lag: LagReport;
  records: { generation: string; count: number; countedBy: 'counters' };
  /** Generations a replay created that are not (yet) dropped, and the replay running now, if any. */
  generations: GenerationInfo[];
  replay: Omit<ReplayLease, 'token'> | null;
}

export function statusText(report: StatusReport): string {
  const services = formatTable(report.services, [
    { header: 'service', cell: (row) => row.name },
    { header: 'url', cell: (row) => row.url },
    { header: 'health', cell: (row) => row.health },
    { header: 'ready', cell: (row) => row.ready },
    { header: 'detail', cell: (row) => row.detail ?? '', max: 60 },
  ]);
  const topics = formatTable(report.topics, [
    { header: 'topic', cell: (row) => row.topic },
    { header: 'partitions', cell: (row) => (row.exists ? row.partitions.length : 'missing'), align: 'right' },
    { header: 'end offsets', cell: (row) => row.partitions.map((partition) => partition.high).join(' '), max: 60 },
    { header: 'messages', cell: (row) => row.messages, align: 'right' },
  ]);
  const lagLines = [...new Map(report.lag.partitions.map((entry) => [entry.topic, 0])).keys()].map(
    (topic) => `  ${topic}: ${report.lag.partitions.filter((entry) => entry.topic === topic).reduce((sum, entry) => sum + entry.lag, 0).toLocaleString('en')}`,
  );
  return [
    'Services',
    services,
    '',
    'Topics',
    topics,
    '',
    `Consumer lag (group ${report.lag.group}): ${report.lag.total.toLocaleString('en')}`,
    ...lagLines,
    '',
    `Records: ${report.records.count.toLocaleString('en')} in generation ${report.records.generation}`,
    ...(report.replay
      ? [`Replay running: generation ${report.replay.generation} (${report.replay.phase}) to replace ${report.replay.replaces}, started ${report.replay.startedAt} by pid ${report.replay.pid} on ${report.replay.host}`]
      : []),
    ...report.generations
      .filter((entry) => entry.generation !== report.records.generation && entry.generation !== report.replay?.generation)
      .map((entry) => `Generation ${entry.generation} (created ${entry.createdAt}) is left over from an interrupted replay; the next lgsp replay drops it`),
  ].join('\n');
}

export async function runStatus(context: CliContext): Promise<CommandResult> {
  const { config, topics } = context;
  const endpoints = serviceEndpoints(config.HUB_HOST, config as Record<string, string | undefined>);
  const allTopics = [...Object.values(topics.registry), topics.records, topics.deadLetter, topics.audit];
  const [services, admin, redis] = await Promise.all([checkServices(endpoints, Math.min(config.HTTP_TIMEOUT_MS, HEALTH_TIMEOUT_MS)), context.admin(), context.redis()]);
  const offsets = await topicOffsets(admin, allTopics);
  const lag = await fetchLag(admin, config.CONSOLIDATOR_GROUP_ID, Object.values(topics.registry));
  const keyspace = await context.keyspace();
  const [counters, generations, lease] = await Promise.all([readRecordCounters(redis, keyspace), listedGenerations(redis, keyspace.prefix), readReplayLease(redis, keyspace.prefix)]);
  const replay = lease ? (({ token: _token, ...shown }) => shown)(lease) : null;
  const report: StatusReport = {
    services,
    topics: allTopics.map((topic) => {
      const partitions = offsets.get(topic) ?? [];
      return { topic, exists: offsets.has(topic), partitions, messages: partitions.reduce((sum, partition) => sum + Number(BigInt(partition.high) - BigInt(partition.low)), 0) };
    }),
    lag,
    records: { generation: keyspace.generation, count: counters[RECORDS_FIELD] ?? 0, countedBy: 'counters' },
    generations,
    replay,
  };
  return { json: report, text: statusText(report), exitCode: EXIT.ok };
}
