import { describe, expect, it } from 'vitest';
import {
  applyEnterpriseEvent,
  applyPersonEvent,
  comparableRecordBytes,
  historyPage,
  initialEnterpriseState,
  initialPersonState,
  normaliseTime,
  renderRecord,
  type EnterpriseStatusEvent,
  type PersonEvent,
  type PersonState,
} from '@lgsp/record';
import { build, PID } from './events.fixture.ts';

const APPLIED_AT = '2026-01-01T00:00:00.000Z';

function fold(events: PersonEvent[], state: PersonState = initialPersonState(PID)): PersonState {
  return events.reduce((current, event) => applyPersonEvent(current, event, { appliedAt: APPLIED_AT }).state, state);
}

describe('stamps', () => {
  it('orders times by instant, whatever the offset', () => {
    expect(normaliseTime('2025-07-01T08:00:00+07:00')).toBe('2025-07-01T01:00:00.000000000Z');
    expect(normaliseTime('2025-07-01T01:00:00.123456789Z')).toBe('2025-07-01T01:00:00.123456789Z');
    expect(normaliseTime('2025-07-01T00:30:00-01:00')).toBe('2025-07-01T01:30:00.000000000Z');
  });

  it('breaks a tie of time by sequence, then by id', () => {
    const older = { ...build.corrected('2025-07-01T08:00:00+07:00', { fullName: 'A' }, 'b'), sequence: '0001' } as PersonEvent;
    const newer = { ...build.corrected('2025-07-01T01:00:00Z', { fullName: 'B' }, 'a'), sequence: '0002' } as PersonEvent;
    expect(renderRecord(fold([newer, older])).identity?.fullName).toBe('B');
    const byId = [build.corrected('2025-07-01T01:00:00Z', { fullName: 'A' }, 'id-1'), build.corrected('2025-07-01T01:00:00Z', { fullName: 'B' }, 'id-2')];
    expect(renderRecord(fold([...byId].reverse())).identity?.fullName).toBe('B');
  });
});

describe('the once-only record', () => {
  it('given a registration, the person has an identity, is alive, and the record is at version 1', () => {
    const record = renderRecord(fold([build.registered('2025-07-03T10:00:00+07:00')]));
    expect(record.identity).toEqual({ fullName: 'Nguyễn Văn An', dateOfBirth: '2003-04-05', sex: 'male', nationality: 'VN', ethnicity: 'Kinh' });
    expect(record.status).toEqual({ lifeStatus: 'alive', dateOfDeath: null });
    expect(record.version).toBe(1);
    expect(record.updatedAt).toBe(APPLIED_AT);
    expect(record.landRights).toEqual([]);
    expect(record.residence).toBeNull();
    expect(record.judicial).toBeNull();
    expect(record.provenance.identity?.source).toBe('urn:lgsp:registry:household');
  });

  it('a late older correction does not override a newer name', () => {
    const state = fold([
      build.corrected('2025-07-05T10:00:00+07:00', { fullName: 'Nguyễn Văn Ân' }),
      build.registered('2025-07-03T10:00:00+07:00', 'Nguyễn Văn An'),
    ]);
    const record = renderRecord(state);
    expect(record.identity?.fullName).toBe('Nguyễn Văn Ân');
    expect(record.identity?.dateOfBirth).toBe('2003-04-05'); // the older registration still fills what it alone set
  });

  it('a late older grant does not resurrect a revoked right', () => {
    const grant = build.granted('2025-07-01T08:00:00+07:00', 'CS123456');
    const revoke = build.revoked('2025-07-02T08:00:00+07:00', 'CS123456');
    const arrivedInOrder = fold([grant, revoke]);
    const revokeFirst = applyPersonEvent(fold([revoke]), grant, { appliedAt: APPLIED_AT });
    expect(renderRecord(arrivedInOrder).landRights).toEqual([]);
    expect(renderRecord(revokeFirst.state).landRights).toEqual([]);
    expect(revokeFirst.changed).toBe(false);
  });

  it('a newer grant after a revocation puts the right back in force', () => {
    const state = fold([
      build.granted('2025-07-01T08:00:00+07:00', 'CS123456'),
      build.revoked('2025-07-02T08:00:00+07:00', 'CS123456'),
      build.granted('2025-07-03T08:00:00+07:00', 'CS123456', 99),
    ]);
    expect(renderRecord(state).landRights).toMatchObject([{ certificateNo: 'CS123456', areaM2: 99 }]);
  });

  it('an update that arrives before its grant is kept and shows once the right is granted', () => {
    const update = build.updated('2025-07-05T08:00:00+07:00', 'CS123456', 80);
    const grant = build.granted('2025-07-01T08:00:00+07:00', 'CS123456', 120.5);
    const afterUpdate = fold([update]);
    expect(renderRecord(afterUpdate).landRights).toEqual([]);
    expect(renderRecord(fold([grant], afterUpdate)).landRights).toMatchObject([{ certificateNo: 'CS123456', areaM2: 80, landUse: 'ODT' }]);
  });

  it('sending the same event again changes nothing: not the record, not the version, not the history', () => {
    const registered = build.registered('2025-07-03T10:00:00+07:00');
    const once = fold([registered]);
    const again = applyPersonEvent(once, registered, { appliedAt: '2027-01-01T00:00:00.000Z' });
    expect(again.outcome).toBe('duplicate');
    expect(again.changed).toBe(false);
    expect(again.state).toBe(once);
  });

  it('a superseded change is kept in history, marked, and moves no version', () => {
    const newer = build.corrected('2025-07-05T10:00:00+07:00', { fullName: 'B' });
    const older = build.corrected('2025-07-04T10:00:00+07:00', { fullName: 'A' });
    const result = applyPersonEvent(fold([newer]), older, { appliedAt: APPLIED_AT });
    expect(result.outcome).toBe('superseded');
    expect(result.state.version).toBe(1);
    expect(historyPage(result.state, { limit: 10 }).items.map((item) => [item.eventId, item.outcome])).toEqual([
      [newer.id, 'applied'],
      [older.id, 'superseded'],
    ]);
  });

  it('keeps residences by kind, ends them, and shows validUntil only for temporary ones', () => {
    const state = fold([build.residence('2025-07-03T10:00:00+07:00', 'permanent'), build.residence('2025-07-04T10:00:00+07:00', 'temporary')]);
    const record = renderRecord(state);
    expect(record.residence?.permanent).toEqual({
      address: { provinceCode: '01', communeCode: '00004', line: 'Số 1 phố Huế' },
      householdId: 'HGD-01-000777',
      relationToHead: 'head',
      since: '2025-07-03',
    });
    expect(record.residence?.temporary?.validUntil).toBe('2026-12-31');
    const ended = renderRecord(fold([build.residenceEnded('2025-07-05T10:00:00+07:00', 'temporary')], state));
    expect(ended.residence?.temporary).toBeNull();
    expect(ended.residence?.permanent).not.toBeNull();
  });

  it('marks an expunged conviction, even when the expungement arrived first', () => {
    const expunged = build.expunged('2025-08-01T10:00:00+07:00', '123/2025/HS-ST');
    const recorded = build.convicted('2025-07-04T14:00:00+07:00', '123/2025/HS-ST');
    const record = renderRecord(fold([expunged, recorded]));
    expect(record.judicial?.convictions).toMatchObject([{ judgmentNo: '123/2025/HS-ST', expunged: true, expungedOn: '2025-08-01' }]);
  });

  it('shows the enterprise status held once per enterprise in the role', () => {
    const state = fold([build.roleAssigned('2025-07-02T09:30:00+07:00', '0101248141', 'legal-representative')]);
    let enterprise = initialEnterpriseState('0101248141');
    const status = {
      specversion: '1.0',
      id: 'DN-1',
      source: 'urn:lgsp:registry:enterprise',
      type: 'vn.lgsp.enterprise.status-changed.v1',
      subject: '0101248141',
      time: '2025-07-02T09:30:00+07:00',
      dataschema: 'urn:lgsp:schema:vn.lgsp.enterprise.status-changed.v1',
      datacontenttype: 'application/json',
      data: { enterpriseCode: '0101248141', enterpriseName: 'Công ty TNHH An Phát', status: 'suspended', since: '2025-07-02' },
    } as unknown as EnterpriseStatusEvent;
    const applied = applyEnterpriseEvent(enterprise, status);
    expect(applied.changed).toBe(true);
    enterprise = applied.state;
    expect(applyEnterpriseEvent(enterprise, status).outcome).toBe('duplicate');
    const record = renderRecord(state, (code) => (code === enterprise.enterpriseCode ? (enterprise.status?.v.status ?? null) : null));
    expect(record.enterpriseRoles).toMatchObject([{ enterpriseCode: '0101248141', role: 'legal-representative', enterpriseStatus: 'suspended' }]);
  });
});

describe('quality rules', () => {
  const codes = (state: PersonState) => renderRecord(state).quality.issues.map((issue) => issue.code);

  it('raises ID_BIRTH_MISMATCH when the number disagrees with the registered birth, and clears it on correction', () => {
    const mismatch = fold([build.registered('2025-07-03T10:00:00+07:00', 'Nguyễn Văn An', { dateOfBirth: '1999-04-05' })]);
    expect(codes(mismatch)).toEqual(['ID_BIRTH_MISMATCH']);
    expect(codes(fold([build.corrected('2025-07-04T10:00:00+07:00', { dateOfBirth: '2003-04-05' })], mismatch))).toEqual([]);
  });

  it('raises ACTIVITY_AFTER_DEATH for a grant dated after death', () => {
    const state = fold([
      build.registered('2025-07-01T10:00:00+07:00'),
      build.death('2025-07-02T10:00:00+07:00', '2025-07-01'),
      build.granted('2025-07-06T10:00:00+07:00', 'CS123456', 100, '2025-07-05'),
    ]);
    expect(codes(state)).toEqual(['ACTIVITY_AFTER_DEATH']);
    expect(renderRecord(state).status).toEqual({ lifeStatus: 'dead', dateOfDeath: '2025-07-01' });
  });

  it('raises ROLE_WHILE_BANNED for a managing role under a management ban, and not for a member', () => {
    const banned = fold([build.registered('2025-07-01T10:00:00+07:00'), build.banned('2025-07-01T11:00:00+07:00', '77/2024/HS-PT')]);
    expect(codes(fold([build.roleAssigned('2025-07-02T10:00:00+07:00', '0101248141', 'owner')], banned))).toEqual(['ROLE_WHILE_BANNED']);
    expect(codes(fold([build.roleAssigned('2025-07-02T10:00:00+07:00', '0101248141', 'member')], banned))).toEqual([]);
    const ended = fold(
      [build.roleAssigned('2025-07-02T10:00:00+07:00', '0101248141', 'owner'), build.roleEnded('2025-07-03T10:00:00+07:00', '0101248141', 'owner')],
      banned,
    );
    expect(codes(ended)).toEqual([]);
  });

  it('raises NO_CIVIL_RECORD while only other registries speak of the person', () => {
    const landOnly = fold([build.granted('2025-07-01T10:00:00+07:00', 'CS123456')]);
    expect(codes(landOnly)).toEqual(['NO_CIVIL_RECORD']);
    expect(renderRecord(landOnly).identity).toBeNull();
    expect(codes(fold([build.registered('2025-07-02T10:00:00+07:00')], landOnly))).toEqual([]);
  });
});

describe('serialization', () => {
  it('gives equal bytes for equal states built in different orders', () => {
    const events = [build.granted('2025-07-01T10:00:00+07:00', 'CS654321'), build.granted('2025-07-01T11:00:00+07:00', 'CS123456'), build.registered('2025-07-02T10:00:00+07:00')];
    const a = renderRecord(fold(events));
    const b = renderRecord(fold([...events].reverse()));
    expect(comparableRecordBytes(a)).toBe(comparableRecordBytes(b));
    expect(a.landRights.map((right) => right.certificateNo)).toEqual(['CS123456', 'CS654321']);
  });
});

describe('version in a replay', () => {
  it("stays the same when a re-sent grant moves only a quality issue's since, whichever registry spoke first", () => {
    // Given a death on 2 July and a right granted after it on 5 July (ACTIVITY_AFTER_DEATH), a newer grant of
    // another right, and the first grant sent again, newer, with the same values: it moves the issue's since.
    const death = build.death('2025-07-01T08:00:00+07:00', '2025-07-02', 'death');
    const grant = build.granted('2025-07-02T08:00:00+07:00', 'CS123456', 120.5, '2025-07-05', 'grant');
    const other = build.granted('2025-07-04T08:00:00+07:00', 'CS654321', 99.5, '2025-06-30', 'other');
    const again = build.granted('2025-07-03T08:00:00+07:00', 'CS123456', 120.5, '2025-07-05', 'again');
    // When the land events arrive in their own order, after the death (live) or before it (a replay)
    const live = fold([death, grant, other, again]);
    const replayed = fold([grant, other, again, death]);
    // Then both records are the same bytes, version included, and the since is the re-sent grant's
    expect(comparableRecordBytes(renderRecord(replayed))).toBe(comparableRecordBytes(renderRecord(live)));
    expect(live.version).toBe(3);
    expect(renderRecord(live).quality.issues.find((issue) => issue.code === 'ACTIVITY_AFTER_DEATH')?.since).toBe('2025-07-03T01:00:00.000000000Z');
  });
});
