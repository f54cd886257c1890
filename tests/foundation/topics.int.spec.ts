import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTopicConfigs, ensureTopics, hubTopicSpecs, topicNames } from '@lgsp/kafka';
import { testKafka, uniqueTopicPrefix } from '@lgsp/testkit';

const admin = testKafka().admin();
const prefix = uniqueTopicPrefix();
const names = topicNames(prefix);
const specs = hubTopicSpecs({ prefix, partitions: 3 });

beforeAll(() => admin.connect());
afterAll(async () => {
  await admin.deleteTopics({ topics: specs.map((spec) => spec.topic) }).catch(() => {});
  await admin.disconnect();
});

describe('topic bootstrap', () => {
  it('creates every topic of the hub with its settings', async () => {
    const report = await ensureTopics(admin, specs);
    expect(report.created.sort()).toEqual(specs.map((spec) => spec.topic).sort());
    expect(report.created).toHaveLength(7);

    const configs = await describeTopicConfigs(admin, report.created);
    for (const registry of Object.values(names.registry)) {
      expect(configs.get(registry)).toMatchObject({ 'retention.ms': '-1', 'cleanup.policy': 'delete' });
    }
    expect(configs.get(names.audit)).toMatchObject({ 'retention.ms': '-1', 'cleanup.policy': 'delete' });
    expect(configs.get(names.records)).toMatchObject({ 'cleanup.policy': 'compact' });

    const metadata = await admin.fetchTopicMetadata({ topics: report.created });
    expect(metadata.topics.every((topic) => topic.partitions.length === 3)).toBe(true);
  });

  it('is idempotent: a second run creates nothing and finds no drift', async () => {
    const report = await ensureTopics(admin, specs);
    expect(report.created).toEqual([]);
    expect(report.existing).toHaveLength(7);
    expect(report.drift).toEqual([]);
  });

  it('reports a topic whose settings drifted instead of changing it', async () => {
    const topic = `${prefix}drifted`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'delete' }] }] });
    const report = await ensureTopics(admin, [{ topic, numPartitions: 1, replicationFactor: 1, configs: { 'cleanup.policy': 'compact' } }]);
    expect(report.drift).toEqual([{ topic, key: 'cleanup.policy', expected: 'compact', actual: 'delete' }]);
    const configs = await describeTopicConfigs(admin, [topic]);
    expect(configs.get(topic)?.['cleanup.policy']).toBe('delete');
    await admin.deleteTopics({ topics: [topic] });
  });
});
