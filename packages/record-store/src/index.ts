export { personKey, enterpriseKey, enterpriseHoldersKey, offsetsKey, generationPointerKey, personKeyPattern } from './keys.ts';
export type { Keyspace } from './keys.ts';
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
  currentGeneration,
  withCasCommand,
  readPerson,
  readEnterprise,
} from './store.ts';
export { encodeState, decodeState } from './codec.ts';
export type { Versioned, CasWrite } from './store.ts';
export { personIdPages, countPeople, storedPeople } from './person-scan.ts';
