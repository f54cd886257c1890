// The province-wide figures of record.md §3 in one report, from what is kept incrementally — never from a
// scan of the records: correct (per registry: events accepted, requests rejected by reason, dead letters),
// complete (records with each section), clean (records with each quality issue code), live (per registry:
// the newest accepted event's age and the consolidator's lag). The same report feeds `lgsp quality`, the
// Prometheus gauges and the console.
import { REGISTRIES, type Registry } from '@lgsp/contract';
import { fetchLag, lagByTopic, topicOffsets, type Admin, type PartitionLag, type TopicNames } from '@lgsp/kafka';
import { recordFiguresOf, type RecordFigures } from '@lgsp/record';
import { currentGeneration, readRecordCounters } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import { readRegistryCounts } from './registry-counters.ts';

export interface RegistryFigures {
  registry: Registry;
  topic: string;
  /** Events in the registry's topic (every event is kept forever). */
  eventsInLog: number;
  /** Events the registry's adapter got acknowledged by Kafka. */
  accepted: number;
  /** Requests the adapter refused, by problem code. */
  rejected: Record<string, number>;
  rejectedTotal: number;
  /** Distinct dead letters of this registry. */
  deadLettered: number;
  /** When the adapter last had an event acknowledged, RFC 3339; null before the first. */
  newestEventAt: string | null;
  newestEventAgeSeconds: number | null;
  /** The consolidator group's lag on this registry's topic. */
  lag: number;
}

export interface ProvinceFigures extends RecordFigures {
  generation: string;
  computedAt: string;
  registries: RegistryFigures[];
  lagTotal: number;
  /** The consolidator group's lag on every partition of the registry topics (what the totals are summed from). */
  lagPartitions: PartitionLag[];
}

export interface ProvinceFiguresSources {
  redis: RedisClient;
  admin: Admin;
  /** REDIS_KEY_PREFIX. */
  prefix: string;
  topics: TopicNames;
  /** The live consolidator's group. */
  groupId: string;
  /** The generation to count; the current one when not given. */
  generation?: string;
  now?: () => number;
}

export async function provinceFigures({ redis, admin, prefix, topics, groupId, generation, now = Date.now }: ProvinceFiguresSources): Promise<ProvinceFigures> {
  const counted = generation ?? (await currentGeneration(redis, prefix));
  const registryTopics = REGISTRIES.map((registry) => ({ registry, topic: topics.registry[registry] }));
  const names = registryTopics.map(({ topic }) => topic);
  const [counters, counts, offsets, lagReport] = await Promise.all([
    readRecordCounters(redis, { prefix, generation: counted }),
    Promise.all(REGISTRIES.map((registry) => readRegistryCounts(redis, prefix, registry))),
    topicOffsets(admin, names),
    fetchLag(admin, groupId, names),
  ]);
  const lag = lagByTopic(lagReport);
  const at = now();
  const registries = registryTopics.map(({ registry, topic }, index): RegistryFigures => {
    const count = counts[index]!;
    return {
      registry,
      topic,
      eventsInLog: (offsets.get(topic) ?? []).reduce((sum, { low, high }) => sum + Number(BigInt(high) - BigInt(low)), 0),
      accepted: count.accepted,
      rejected: count.rejected,
      rejectedTotal: Object.values(count.rejected).reduce((sum, value) => sum + value, 0),
      deadLettered: count.deadLettered,
      newestEventAt: count.newestAcceptedMs === null ? null : new Date(count.newestAcceptedMs).toISOString(),
      newestEventAgeSeconds: count.newestAcceptedMs === null ? null : Math.max(0, Math.round((at - count.newestAcceptedMs) / 1000)),
      lag: lag.get(topic) ?? 0,
    };
  });
  return { generation: counted, computedAt: new Date(at).toISOString(), ...recordFiguresOf(counters), registries, lagTotal: lagReport.total, lagPartitions: lagReport.partitions };
}
