import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authenticate, cutRecord, developmentPolicyPath, loadPolicy, sectionsFor, toSectionGrant, type StoredRecord } from '@lgsp/policy';

const record = JSON.parse(readFileSync(new URL('fixtures/record.json', import.meta.url), 'utf8')) as StoredRecord;
const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'development' });
const grantOf = (key: string, purpose: string) => sectionsFor(authenticate(policy, `Bearer ${key}`), purpose);

describe('a record cut to a purpose', () => {
  it('gives the land portal identity, status, residence and land rights only', () => {
    const view = cutRecord(record, grantOf('dev-land-portal-key', 'land-procedure'));
    expect(Object.keys(view)).toEqual(['personalId', 'identity', 'status', 'residence', 'landRights', 'version', 'updatedAt']);
    expect(view.landRights).toEqual(record.landRights);
  });

  it('gives the business portal the bans and no convictions key at all', () => {
    const view = cutRecord(record, grantOf('dev-business-portal-key', 'enterprise-registration'));
    expect(Object.keys(view)).toEqual(['personalId', 'identity', 'status', 'residence', 'enterpriseRoles', 'judicial', 'version', 'updatedAt']);
    expect(view.judicial).toEqual({ bans: [{ judgmentNo: '77/2025/HS-ST', ban: 'manage-enterprise', from: '2025-06-25', until: '2028-06-25' }] });
    expect(JSON.stringify(view)).not.toContain('123/2025/HS-ST');
  });

  it('gives the judicial office the whole judicial section', () => {
    expect(cutRecord(record, grantOf('dev-judicial-office-key', 'criminal-record-certificate')).judicial).toEqual(record.judicial);
  });

  it('gives the citizen every section, quality and provenance included', () => {
    expect(cutRecord(record, grantOf('dev-citizen-portal-key', 'data-subject-access'))).toEqual(record);
  });

  it('keeps the record’s own key order', () => {
    expect(Object.keys(cutRecord(record, grantOf('dev-operator-key', 'operator-console')))).toEqual(Object.keys(record));
  });
});

describe('cutting narrowed sections', () => {
  it('shows a missing judicial section as empty parts, so bans alone cannot reveal whether convictions exist', () => {
    const grant = toSectionGrant(['judicial.bans']);
    const withConvictionsOnly = { ...record, judicial: { convictions: (record.judicial as { convictions: unknown[] }).convictions, bans: [] } };
    const withNothing = { ...record, judicial: null };
    expect(cutRecord(withConvictionsOnly, grant).judicial).toEqual({ bans: [] });
    expect(cutRecord(withNothing, grant).judicial).toEqual({ bans: [] });
  });

  it('shows a missing residence part as null', () => {
    const view = cutRecord(record, toSectionGrant(['residence.temporary']));
    expect(view.residence).toEqual({ temporary: null });
    expect(cutRecord({ ...record, residence: null }, toSectionGrant(['residence.permanent'])).residence).toEqual({ permanent: null });
  });

  it('ignores unknown members inside a narrowed section', () => {
    const view = cutRecord({ ...record, judicial: { bans: [], convictions: [], pardons: ['x'] } }, toSectionGrant(['judicial.bans', 'judicial.convictions']));
    expect(view.judicial).toEqual({ convictions: [], bans: [] });
  });
});

describe('cutting provenance', () => {
  it('keeps only the entries of granted sections', () => {
    const view = cutRecord(record, toSectionGrant(['identity', 'landRights', 'provenance']));
    expect(Object.keys(view.provenance as object)).toEqual(['identity', 'landRights']);
  });

  it('drops the judicial entry for a grant of bans only, since it may name a conviction event', () => {
    const view = cutRecord(record, toSectionGrant(['judicial.bans', 'provenance']));
    expect(view.provenance).toEqual({});
  });

  it('keeps an entry keyed by a granted part', () => {
    const provenance = { 'judicial.bans': { eventId: 'B' }, 'judicial.convictions': { eventId: 'C' } };
    const view = cutRecord({ ...record, provenance }, toSectionGrant(['judicial.bans', 'provenance']));
    expect(view.provenance).toEqual({ 'judicial.bans': { eventId: 'B' } });
  });

  it('shows nothing of provenance unless provenance itself is granted', () => {
    expect(cutRecord(record, toSectionGrant(['identity']))).not.toHaveProperty('provenance');
  });

  it('shows provenance that is not an object keyed by section as null', () => {
    expect(cutRecord({ ...record, provenance: ['judicial'] }, toSectionGrant(['provenance'])).provenance).toBeNull();
    expect(cutRecord({ ...record, provenance: null }, toSectionGrant(['provenance'])).provenance).toBeNull();
  });
});

describe('what every cut guarantees', () => {
  it('always carries personalId, version and updatedAt, even with nothing granted', () => {
    expect(cutRecord(record, toSectionGrant([]))).toEqual({ personalId: '001203012345', version: 7, updatedAt: '2025-07-04T07:00:01.123Z' });
  });

  it('never passes on a key it does not know', () => {
    // JSON.parse makes `__proto__` an own key, as a record read from Redis would have it.
    const stored = JSON.parse(JSON.stringify(record).replace(/^\{/, '{"__proto__":{"polluted":true},"internalStamps":{"x":1},')) as StoredRecord;
    const view = cutRecord(stored, toSectionGrant(['identity']));
    expect(Object.keys(view)).toEqual(['personalId', 'identity', 'version', 'updatedAt']);
    expect(JSON.stringify(view)).not.toContain('polluted');
  });

  it('does not include sections the record lacks', () => {
    const { landRights: _landRights, ...withoutLand } = record;
    expect(cutRecord(withoutLand as StoredRecord, toSectionGrant(['landRights']))).not.toHaveProperty('landRights');
  });

  it('does not change the record', () => {
    const before = JSON.stringify(record);
    cutRecord(record, toSectionGrant(['judicial.bans', 'provenance', 'identity']));
    expect(JSON.stringify(record)).toBe(before);
  });

  it('access-log is no record key', () => {
    expect(Object.keys(cutRecord(record, toSectionGrant(['access-log'])))).toEqual(['personalId', 'version', 'updatedAt']);
  });
});
