// The audit hash chain, as `lgsp audit verify` will check it: an altered, removed, inserted or reordered
// entry is found, and an intact chain passes.
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealEntries, verifyAuditChain, type AuditDraft, type AuditEntry } from '@lgsp/audit';

function drafts(count: number): AuditDraft[] {
  return Array.from({ length: count }, (_, index) => ({
    time: `2026-11-24T08:00:${String(index).padStart(2, '0')}.000Z`,
    consumer: index % 2 === 0 ? 'land services portal' : 'business portal',
    purpose: index % 2 === 0 ? 'land-procedure' : 'enterprise-registration',
    personalId: '001203012345',
    sections: ['identity', 'status', 'residence', index % 2 === 0 ? 'landRights' : 'enterpriseRoles'],
    requestId: `request-${index}`,
    read: 'record',
  }));
}

/** Two group commits, the second linked after the first, as the writer does. */
function chain(): AuditEntry[] {
  const first = sealEntries(GENESIS_HASH, drafts(3));
  return [...first, ...sealEntries(first[2]!.hash, drafts(7).slice(3))];
}

describe('verifyAuditChain', () => {
  it('accepts an intact chain and reports its last hash', () => {
    const entries = chain();
    const result = verifyAuditChain(entries, { expectedLastHash: entries[6]!.hash });
    expect(result).toEqual({ valid: true, checked: 7, lastHash: entries[6]!.hash, breaks: [] });
  });

  it('finds an entry whose sections were changed', () => {
    const entries = chain();
    entries[4] = { ...entries[4]!, sections: [...entries[4]!.sections, 'judicial'] };
    const result = verifyAuditChain(entries);
    expect(result.valid).toBe(false);
    expect(result.breaks).toEqual([expect.objectContaining({ index: 4, reason: 'altered' })]);
  });

  it('finds an altered entry even when its hash was recomputed to match', () => {
    const entries = chain();
    const forged = { ...entries[2]!, consumer: 'someone else' };
    entries[2] = { ...forged, hash: sealEntries(forged.prevHash, [forged])[0]!.hash };
    expect(verifyAuditChain(entries).breaks).toEqual([expect.objectContaining({ index: 3, reason: 'broken-link' })]);
  });

  it('finds a removed entry at the entry after it', () => {
    const entries = chain();
    entries.splice(3, 1);
    expect(verifyAuditChain(entries).breaks).toEqual([expect.objectContaining({ index: 3, reason: 'broken-link' })]);
  });

  it('finds reordered entries', () => {
    const entries = chain();
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyAuditChain(entries).valid).toBe(false);
  });

  it('finds a removed tail only against the recorded head', () => {
    const entries = chain();
    const head = entries[6]!.hash;
    const truncated = entries.slice(0, 5);
    expect(verifyAuditChain(truncated).valid).toBe(true);
    expect(verifyAuditChain(truncated, { expectedLastHash: head }).breaks).toEqual([expect.objectContaining({ index: 5, reason: 'truncated' })]);
  });

  it('checks from a checkpoint when given the hash before the first entry', () => {
    const entries = chain();
    expect(verifyAuditChain(entries.slice(3), { startHash: entries[2]!.hash }).valid).toBe(true);
    expect(verifyAuditChain(entries.slice(3)).breaks).toEqual([expect.objectContaining({ index: 0, reason: 'broken-link' })]);
  });
});
