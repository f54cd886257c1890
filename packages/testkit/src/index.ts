export { uniqueId, uniqueTopicPrefix, uniqueKeyPrefix, stackEndpoints, captureLogger, quietLogger, testKafka, testRedis, eventually, groupCaughtUp } from './helpers.ts';
export type { CapturedLogger } from './helpers.ts';
export { startPrivateKafka } from './private-kafka.ts';
export { generateProvince } from './province.ts';
export type { Province, ProvinceOptions } from './province.ts';
export type { PrivateKafka } from './private-kafka.ts';
export { referenceRecords, storedRecords, scannedRecordCounters } from './projection.ts';
