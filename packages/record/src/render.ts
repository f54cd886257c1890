// Renders a person's state as the record portals read: only what is in force, lists sorted by their
// key, fields in a fixed order — so equal states serialize to equal bytes.
import { inForce } from './items.ts';
import { qualityIssues } from './quality.ts';
import type { BanView, CitizenRecord, ConvictionView, EnterpriseRoleView, LandRightView, ResidenceView } from './record.ts';
import type { EnterpriseStatus, Item, PersonState, ResidenceFields } from './state.ts';

/** Looks up the current status of an enterprise (held once per enterprise). */
export type EnterpriseStatusLookup = (enterpriseCode: string) => EnterpriseStatus | null;

const noStatus: EnterpriseStatusLookup = () => null;

function sortedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).sort();
}

function residenceView(item: Item<ResidenceFields> | undefined, kind: 'permanent' | 'temporary'): ResidenceView | null {
  if (!inForce(item)) return null;
  const { address, householdId, relationToHead, since, validUntil } = item.f;
  if (!address || !householdId || !relationToHead || !since) return null;
  const view: ResidenceView = { address: address.v, householdId: householdId.v, relationToHead: relationToHead.v, since: since.v };
  if (kind === 'temporary') view.validUntil = validUntil?.v ?? null;
  return view;
}

export function renderRecord(state: PersonState, enterpriseStatusOf: EnterpriseStatusLookup = noStatus): CitizenRecord {
  const { identity } = state;
  const hasIdentity = Object.keys(identity).length > 0;
  const heardOfResidence = state.residence.permanent !== undefined || state.residence.temporary !== undefined;

  const landRights: LandRightView[] = [];
  for (const certificateNo of sortedKeys(state.landRights)) {
    const item = state.landRights[certificateNo];
    if (!inForce(item)) continue;
    const { parcel, areaM2, landUse, grantedOn } = item.f;
    if (!parcel || !areaM2 || !landUse || !grantedOn) continue;
    landRights.push({ certificateNo, parcel: parcel.v, areaM2: areaM2.v, landUse: landUse.v, grantedOn: grantedOn.v });
  }

  const enterpriseRoles: EnterpriseRoleView[] = [];
  for (const key of sortedKeys(state.roles)) {
    const item = state.roles[key];
    if (!inForce(item) || !item.f.enterpriseName || !item.f.since) continue;
    const [enterpriseCode = '', role = ''] = key.split('|');
    enterpriseRoles.push({ enterpriseCode, enterpriseName: item.f.enterpriseName.v, role, since: item.f.since.v, enterpriseStatus: enterpriseStatusOf(enterpriseCode) });
  }

  const convictions: ConvictionView[] = [];
  for (const judgmentNo of sortedKeys(state.convictions)) {
    const item = state.convictions[judgmentNo];
    if (!inForce(item)) continue;
    const { court, judgmentDate, offence, sentence, expungedOn } = item.f;
    if (!court || !judgmentDate || !offence || !sentence) continue;
    convictions.push({
      judgmentNo,
      court: court.v,
      judgmentDate: judgmentDate.v,
      offence: offence.v,
      sentence: sentence.v,
      expunged: expungedOn !== undefined,
      expungedOn: expungedOn?.v ?? null,
    });
  }

  const bans: BanView[] = [];
  for (const key of sortedKeys(state.bans)) {
    const item = state.bans[key];
    if (!inForce(item) || !item.f.from) continue;
    const [judgmentNo = '', ban = ''] = key.split('|');
    bans.push({ judgmentNo, ban, from: item.f.from.v, until: item.f.until?.v ?? null });
  }

  const heardOfJudicial = Object.keys(state.convictions).length > 0 || Object.keys(state.bans).length > 0;
  const sections = {
    personalId: state.personalId,
    identity: hasIdentity
      ? {
          fullName: identity.fullName?.v ?? null,
          dateOfBirth: identity.dateOfBirth?.v ?? null,
          sex: identity.sex?.v ?? null,
          nationality: identity.nationality?.v ?? null,
          ethnicity: identity.ethnicity?.v ?? null,
        }
      : null,
    status: state.death
      ? { lifeStatus: 'dead' as const, dateOfDeath: state.death.v }
      : hasIdentity
        ? { lifeStatus: 'alive' as const, dateOfDeath: null }
        : null,
    residence: heardOfResidence
      ? { permanent: residenceView(state.residence.permanent, 'permanent'), temporary: residenceView(state.residence.temporary, 'temporary') }
      : null,
    landRights,
    enterpriseRoles,
    judicial: heardOfJudicial ? { convictions, bans } : null,
  };

  const provenance: CitizenRecord['provenance'] = {};
  for (const section of ['identity', 'status', 'residence', 'landRights', 'enterpriseRoles', 'judicial'] as const) {
    const entry = state.provenance[section];
    if (entry) provenance[section] = { source: entry.source, eventId: entry.eventId, time: entry.time };
  }

  return {
    ...sections,
    quality: { issues: qualityIssues(sections, state) },
    provenance,
    version: state.version,
    updatedAt: state.updatedAt,
  };
}

/** The record without what may differ between two equal states: enterprise statuses, version, updatedAt. */
export function renderRecordCore(state: PersonState): CitizenRecord {
  return coreRecordOf(state);
}

// States are immutable, so each one's core record is rendered at most once: the merge core compares a
// state before and after a change, and the projection derives its figures from the same two renders.
const coreRecords = new WeakMap<PersonState, CitizenRecord>();

function coreRecordOf(state: PersonState): CitizenRecord {
  let record = coreRecords.get(state);
  if (record === undefined) {
    record = { ...renderRecord(state), version: 0, updatedAt: null };
    coreRecords.set(state, record);
  }
  return record;
}
