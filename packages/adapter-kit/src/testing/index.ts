// Test support for adapters (import '@lgsp/adapter-kit/testing' from tests only): fixture readers, the
// mapping suite, the push-API contract suite every adapter runs, a topic collector, a process runner.
export { readJson, readFixtureFolder } from './fixtures.ts';
export type { MappingFixture, UnmappableFixture } from './fixtures.ts';
export { describeChangeMappingFixtures } from './mapping-suite.ts';
export type { ChangeMappingFixtures } from './mapping-suite.ts';
export { describeAdapterContract } from './contract-suite.ts';
export type { AdapterContractOptions } from './contract-suite.ts';
export { startAdapterUnderTest } from './adapter-under-test.ts';
export type { AdapterUnderTest, StartAdapterUnderTestOptions } from './adapter-under-test.ts';
export { collectTopics, decodeCollected } from './topic-collector.ts';
export type { TopicCollector, CollectedMessage, EndOffsets } from './topic-collector.ts';
export { push, pushEvent, pushBatch, pushRecord, pushNdjson, devAgencyKey } from './push-requests.ts';
export type { PushOptions } from './push-requests.ts';
export { describeKafkaOutage } from './kafka-outage-suite.ts';
export type { KafkaOutageOptions } from './kafka-outage-suite.ts';
export { startAdapterProcess } from './adapter-process.ts';
export type { AdapterProcess } from './adapter-process.ts';
export { startFakeFeed } from './fake-feed.ts';
export type { FakeFeed } from './fake-feed.ts';
