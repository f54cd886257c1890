// The hub's topics (spec/README.md §3) with their settings, and an idempotent bootstrap that creates
// what is missing and reports (never silently alters) settings that drifted.
import type { Admin, ITopicConfig } from 'kafkajs';
import kafkajs from 'kafkajs';
import { REGISTRIES, type Registry } from '@lgsp/contract';

// kafkajs is CommonJS; Node's ESM loader sees only its default export.
const { ConfigResourceTypes } = kafkajs;

// The registries are the contract's; re-exported so topic users need not reach for the contract.
export { REGISTRIES, type Registry };

export interface TopicNames {
  registry: Record<Registry, string>;
  records: string;
  deadLetter: string;
  audit: string;
}

export function topicNames(prefix = ''): TopicNames {
  const registry = Object.fromEntries(REGISTRIES.map((name) => [name, `${prefix}lgsp.registry.${name}.v1`])) as Record<Registry, string>;
  return {
    registry,
    records: `${prefix}lgsp.citizen.records.v1`,
    deadLetter: `${prefix}lgsp.deadletter.v1`,
    audit: `${prefix}lgsp.audit.v1`,
  };
}

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export interface HubTopicOptions {
  prefix?: string;
  partitions?: number;
  replicationFactor?: number;
}

const KEEP_FOREVER = { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' };

export function hubTopicSpecs({ prefix = '', partitions = 6, replicationFactor = 1 }: HubTopicOptions = {}): TopicSpec[] {
  const names = topicNames(prefix);
  // With more than one replica, a write is acknowledged only when a second copy has it.
  const durability: Record<string, string> = replicationFactor > 1 ? { 'min.insync.replicas': String(Math.min(2, replicationFactor)) } : {};
  const spec = (topic: string, configs: Record<string, string>): TopicSpec => ({
    topic,
    numPartitions: partitions,
    replicationFactor,
    configs: { ...configs, ...durability },
  });
  return [
    ...REGISTRIES.map((registry) => spec(names.registry[registry], KEEP_FOREVER)),
    spec(names.records, { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '0' }),
    // Dead letters wait for an operator; they are never aged out.
    spec(names.deadLetter, KEEP_FOREVER),
    spec(names.audit, KEEP_FOREVER),
  ];
}

const TOPIC_CREATION_TIMEOUT_MS = 30_000;

export interface ConfigDrift {
  topic: string;
  key: string;
  expected: string;
  actual: string | undefined;
}

export interface EnsureTopicsReport {
  created: string[];
  existing: string[];
  drift: ConfigDrift[];
}

export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[]): Promise<EnsureTopicsReport> {
  const present = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !present.has(spec.topic));
  if (missing.length > 0) {
    const topics: ITopicConfig[] = missing.map((spec) => ({
      topic: spec.topic,
      numPartitions: spec.numPartitions,
      replicationFactor: spec.replicationFactor,
      configEntries: Object.entries(spec.configs).map(([name, value]) => ({ name, value })),
    }));
    // Another instance may create the same topics at the same moment; both must succeed. A busy broker can
    // take several seconds to know topics it has just created: kafkajs's 5 s default is too short for one.
    await admin.createTopics({ topics, waitForLeaders: true, timeout: TOPIC_CREATION_TIMEOUT_MS });
  }
  const existing = specs.filter((spec) => present.has(spec.topic));
  const drift = existing.length > 0 ? await findDrift(admin, existing) : [];
  return { created: missing.map((spec) => spec.topic), existing: existing.map((spec) => spec.topic), drift };
}

export async function describeTopicConfigs(admin: Admin, topics: readonly string[]): Promise<Map<string, Record<string, string>>> {
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
  });
  const result = new Map<string, Record<string, string>>();
  for (const resource of described.resources) {
    result.set(resource.resourceName, Object.fromEntries(resource.configEntries.map((entry) => [entry.configName, entry.configValue])));
  }
  return result;
}

async function findDrift(admin: Admin, specs: readonly TopicSpec[]): Promise<ConfigDrift[]> {
  const actual = await describeTopicConfigs(admin, specs.map((spec) => spec.topic));
  const drift: ConfigDrift[] = [];
  for (const spec of specs) {
    const configs = actual.get(spec.topic) ?? {};
    for (const [key, expected] of Object.entries(spec.configs)) {
      if (configs[key] !== expected) drift.push({ topic: spec.topic, key, expected, actual: configs[key] });
    }
  }
  return drift;
}
