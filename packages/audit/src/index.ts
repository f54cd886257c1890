// The audit log's hash chain (api.md §2): entries, their messages, the per-partition chain heads and
// writer lock in Redis, reading the log back and verifying it — shared by the citizen API (which writes
// it) and `lgsp audit verify` (which checks it).
export { verifyAuditChain } from './verify-chain.ts';
export type { ChainBreak, ChainVerification, VerifyOptions } from './verify-chain.ts';
export { GENESIS_HASH, entryHash, canonicalEntryBytes, sealEntries } from './entry.ts';
export type { AuditEntry, AuditDraft, AuditRead } from './entry.ts';
export { auditMessage, parseAuditEntry } from './message.ts';
export { readAuditLog } from './read-audit-log.ts';
export type { AuditLogByPartition } from './read-audit-log.ts';
export { createChainHeads, chainStateKey } from './chain-head.ts';
export type { ChainHead, ChainHeads, ChainTail, HeldPartition } from './chain-head.ts';
