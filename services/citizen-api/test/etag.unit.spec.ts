// ETags of a record view: the version, plus the joined enterprise statuses when the view shows roles.
import { describe, expect, it } from 'vitest';
import type { RecordView } from '@lgsp/policy';
import { etagOf, matchesIfNoneMatch } from '../src/core/etag.ts';

const role = (status: string | null) => ({ enterpriseCode: '0101234567', enterpriseName: 'An Phát', role: 'owner', since: '2025-07-02', enterpriseStatus: status });
const view = (extra: Record<string, unknown>): RecordView => ({ personalId: '001203012345', version: 7, updatedAt: '2026-11-24T08:00:00.000Z', ...extra });

describe('etagOf', () => {
  it('is the bare version for a view without enterprise roles', () => {
    expect(etagOf(view({ landRights: [] }))).toBe('"7"');
    expect(etagOf(view({ enterpriseRoles: [] }))).toBe('"7"');
  });

  it('changes with an enterprise status while the version stays', () => {
    const active = etagOf(view({ enterpriseRoles: [role('active')] }));
    const suspended = etagOf(view({ enterpriseRoles: [role('suspended')] }));
    expect(active).toMatch(/^"7-[A-Za-z0-9_-]{12}"$/);
    expect(suspended).not.toBe(active);
    expect(etagOf(view({ enterpriseRoles: [role('active')] }))).toBe(active);
  });
});

describe('matchesIfNoneMatch', () => {
  it('compares weakly, in a list, and honours *', () => {
    expect(matchesIfNoneMatch('"7"', '"7"')).toBe(true);
    expect(matchesIfNoneMatch('W/"7"', '"7"')).toBe(true);
    expect(matchesIfNoneMatch('"6", "7"', '"7"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"7"')).toBe(true);
    expect(matchesIfNoneMatch('"6"', '"7"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"7"')).toBe(false);
  });
});
