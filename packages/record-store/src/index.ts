export {
  personKey,
  enterpriseKey,
  enterpriseHoldersKey,
  offsetsKey,
  figuresKey,
  controlKey,
  generationPointerKey,
  personKeyPattern,
  enterpriseKeyPattern,
  enterpriseHoldersKeyPattern,
  generationKeyPattern,
} from './keys.ts';
export type { Keyspace, ControlKeyName } from './keys.ts';
export { alreadyApplied, watermarkKey, encodeStored, decodeStored } from './stored-state.ts';
export type { StoredPerson, StoredEnterprise, Watermarks } from './stored-state.ts';
export {
  loadPeople,
  loadEnterprises,
  compareAndSetMany,
  addEnterpriseHolders,
  enterpriseHolders,
  loadOffsets,
  saveOffsets,
  withCasCommand,
  readPerson,
  readEnterprise,
} from './store.ts';
export { encodeState, decodeState } from './codec.ts';
export type { Versioned, CasWrite } from './store.ts';
export { personIdPages, countPeople, storedPeople } from './person-scan.ts';
export { scanKeyPages } from './key-scan.ts';
export { figuresKeyFor, figureKeysFor, encodeFigureDelta, readRecordCounters, issueMembers, ISSUE_CODES } from './figures.ts';
export type { IssueMembersPage } from './figures.ts';
export { hashSlot, tagOfSlot, CLUSTER_SLOTS } from './cluster-slots.ts';
export { FIRST_GENERATION, currentGeneration, allocateGeneration, switchGeneration, listedGenerations, dropGeneration } from './generations.ts';
export type { GenerationInfo } from './generations.ts';
export { newInstanceId, reportInstance, forgetInstance, liveInstances, INSTANCE_STALE_AFTER_MS } from './instances.ts';
export type { InstanceReport, InstanceRole } from './instances.ts';
export { acquireReplayLease, renewReplayLease, releaseReplayLease, readReplayLease, REPLAY_LEASE_MS } from './replay-lease.ts';
export type { ReplayLease, ReplayPhase, ReplayProgress } from './replay-lease.ts';
export { watchGeneration } from './generation-watcher.ts';
export type { GenerationWatcher } from './generation-watcher.ts';
