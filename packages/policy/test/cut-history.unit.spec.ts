import { describe, expect, it } from 'vitest';
import { cutHistory, cutHistoryEntry, developmentPolicyPath, loadPolicy, authenticate, sectionOfEventType, sectionsFor, toSectionGrant } from '@lgsp/policy';

// The 14 types of events.md §2 and the record section each one touches.
const CATALOGUE: [type: string, section: string][] = [
  ['vn.lgsp.household.citizen-registered.v1', 'identity'],
  ['vn.lgsp.household.identity-corrected.v1', 'identity'],
  ['vn.lgsp.household.residence-registered.v1', 'residence'],
  ['vn.lgsp.household.residence-ended.v1', 'residence'],
  ['vn.lgsp.household.death-registered.v1', 'status'],
  ['vn.lgsp.land.right-granted.v1', 'landRights'],
  ['vn.lgsp.land.right-updated.v1', 'landRights'],
  ['vn.lgsp.land.right-revoked.v1', 'landRights'],
  ['vn.lgsp.enterprise.role-assigned.v1', 'enterpriseRoles'],
  ['vn.lgsp.enterprise.role-ended.v1', 'enterpriseRoles'],
  ['vn.lgsp.enterprise.status-changed.v1', 'enterpriseRoles'],
  ['vn.lgsp.judicial.conviction-recorded.v1', 'judicial.convictions'],
  ['vn.lgsp.judicial.conviction-expunged.v1', 'judicial.convictions'],
  ['vn.lgsp.judicial.ban-imposed.v1', 'judicial.bans'],
];

const history = CATALOGUE.map(([type], index) => ({
  eventId: `E-${index}`,
  source: `urn:lgsp:registry:${type.split('.')[2]}`,
  type,
  time: '2025-07-04T14:00:00+07:00',
  receivedAt: '2025-07-04T07:00:01.123Z',
  outcome: 'applied' as const,
}));

describe('the section an event type touches', () => {
  it.each(CATALOGUE)('%s → %s', (type, section) => {
    expect(sectionOfEventType(type)).toBe(section);
  });

  it('is the same for a later version of the same event', () => {
    expect(sectionOfEventType('vn.lgsp.judicial.ban-imposed.v2')).toBe('judicial.bans');
  });

  it.each(['vn.lgsp.judicial.ban-imposed', 'vn.lgsp.judicial.ban-lifted.v1', 'vn.lgsp.land.right-granted.v0', 'constructor', 'toString.v1', ''])(
    'is unknown for %j',
    (type) => {
      expect(sectionOfEventType(type)).toBeUndefined();
    },
  );
});

describe('a history cut to a purpose', () => {
  const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'development' });
  const typesSeen = (key: string, purpose: string) =>
    cutHistory(history, sectionsFor(authenticate(policy, `Bearer ${key}`), purpose)).map(({ type }) => type.split('.').slice(2, 4).join('.'));

  it('shows the land portal household and land events only', () => {
    expect(typesSeen('dev-land-portal-key', 'land-procedure')).toEqual([
      'household.citizen-registered',
      'household.identity-corrected',
      'household.residence-registered',
      'household.residence-ended',
      'household.death-registered',
      'land.right-granted',
      'land.right-updated',
      'land.right-revoked',
    ]);
  });

  it('shows the business portal bans but no convictions', () => {
    const seen = typesSeen('dev-business-portal-key', 'enterprise-registration');
    expect(seen).toContain('judicial.ban-imposed');
    expect(seen).not.toContain('judicial.conviction-recorded');
    expect(seen).not.toContain('judicial.conviction-expunged');
    expect(seen).not.toContain('land.right-granted');
  });

  it('shows the judicial office every judicial event', () => {
    expect(typesSeen('dev-judicial-office-key', 'criminal-record-certificate').filter((type) => type.startsWith('judicial.'))).toHaveLength(3);
  });

  it('shows the citizen and the operator everything', () => {
    expect(typesSeen('dev-citizen-portal-key', 'data-subject-access')).toHaveLength(14);
    expect(typesSeen('dev-operator-key', 'operator-console')).toHaveLength(14);
  });

  it('keeps entries as they are and in their order', () => {
    const grant = toSectionGrant(['landRights']);
    expect(cutHistory(history, grant)).toEqual(history.slice(5, 8));
    expect(cutHistoryEntry(history[5]!, grant)).toBe(history[5]);
  });

  it('never shows an event of an unknown type', () => {
    const grant = toSectionGrant(['identity', 'status', 'residence', 'landRights', 'enterpriseRoles', 'judicial', 'quality', 'provenance']);
    expect(cutHistoryEntry({ type: 'vn.lgsp.judicial.pardon-granted.v1' }, grant)).toBeNull();
  });

  it('a grant of one residence part does not see residence events, which do not say their kind by type', () => {
    expect(cutHistory(history, toSectionGrant(['residence.permanent']))).toEqual([]);
  });
});
