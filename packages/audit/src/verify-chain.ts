// Checks a partition's audit entries, in log order, as a hash chain: each entry's hash must match its
// contents, and each must name the previous entry's hash. An altered entry fails the first test; a removed,
// inserted or reordered one fails the second at the entry after it. Pure, for `lgsp audit verify`.
import { entryHash, GENESIS_HASH, type AuditEntry } from './entry.ts';

export interface ChainBreak {
  /** Position in the list given (entries.length for a missing tail). */
  index: number;
  reason: 'altered' | 'broken-link' | 'truncated';
  detail: string;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  /** The hash the next entry must name: the last entry's, or the start when there is none. */
  lastHash: string;
  breaks: ChainBreak[];
}

export interface VerifyOptions {
  /** The `prevHash` the first entry must name: GENESIS_HASH from the partition's start, or a checkpoint. */
  startHash?: string;
  /** The head the writers recorded (Redis), when known: a removed tail is only detectable against it. */
  expectedLastHash?: string;
}

export function verifyAuditChain(entries: readonly AuditEntry[], { startHash = GENESIS_HASH, expectedLastHash }: VerifyOptions = {}): ChainVerification {
  const breaks: ChainBreak[] = [];
  let previous = startHash;
  entries.forEach((entry, index) => {
    if (entryHash(entry) !== entry.hash) {
      breaks.push({ index, reason: 'altered', detail: `entry ${index} does not match its hash: its contents were changed` });
    }
    if (entry.prevHash !== previous) {
      breaks.push({
        index,
        reason: 'broken-link',
        detail: `entry ${index} does not follow ${index === 0 ? 'the start of the chain' : `entry ${index - 1}`}: an entry was removed, inserted or reordered`,
      });
    }
    previous = entry.hash;
  });
  if (expectedLastHash !== undefined && previous !== expectedLastHash) {
    breaks.push({ index: entries.length, reason: 'truncated', detail: 'the chain does not end at the recorded head: entries are missing at the end' });
  }
  return { valid: breaks.length === 0, checked: entries.length, lastHash: previous, breaks };
}
