// What other parts of the hub may use from the citizen API: the audit entry and its chain check, for
// `lgsp audit verify`. (They belong in a package of their own once a second user appears.)
export { verifyAuditChain } from './audit/verify-chain.ts';
export type { ChainBreak, ChainVerification, VerifyOptions } from './audit/verify-chain.ts';
export { GENESIS_HASH, entryHash, canonicalEntryBytes, sealEntries } from './audit/entry.ts';
export type { AuditEntry, AuditDraft, AuditRead } from './audit/entry.ts';
export { parseAuditEntry } from './audit/message.ts';
export { readAuditLog } from './audit/read-audit-log.ts';
export type { AuditLogByPartition } from './audit/read-audit-log.ts';
