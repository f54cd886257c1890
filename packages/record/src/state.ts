// What the consolidator keeps per person: every item with the stamp of the change that set it, and
// removals as tombstone stamps, so that the record is a pure function of the set of events.
import type { Registry } from '@lgsp/contract';
import type { Stamp } from './stamp.ts';

export type Sex = 'male' | 'female';

/** A value and the stamp of the change that set it. */
export interface Field<T> {
  v: T;
  s: Stamp;
}

/**
 * A keyed item (a right, a role, a residence kind, a conviction, a ban). `on` is the newest change that
 * put it in force, `off` the newest that removed it (the tombstone); it is in force when `on` is newer.
 * Each field keeps its own stamp, so a late older change never overwrites a newer one.
 */
export interface Item<F> {
  on?: Stamp;
  off?: Stamp;
  f: { [K in keyof F]?: Field<F[K]> };
}

export interface Address {
  provinceCode: string;
  communeCode: string;
  line: string;
}

export interface ResidenceFields {
  address: Address;
  householdId: string;
  relationToHead: string;
  since: string;
  validUntil: string | null;
}

export interface Parcel {
  communeCode: string;
  mapSheet: number;
  parcelNo: number;
}

export interface LandRightFields {
  parcel: Parcel;
  areaM2: number;
  landUse: string;
  grantedOn: string;
}

export interface RoleFields {
  enterpriseName: string;
  since: string;
}

export interface ConvictionFields {
  court: string;
  judgmentDate: string;
  offence: string;
  sentence: string;
  expungedOn: string;
}

export interface BanFields {
  from: string;
  until: string | null;
}

export interface IdentityFields {
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
  nationality: string;
  ethnicity: string | null;
}

export type SectionName = 'identity' | 'status' | 'residence' | 'landRights' | 'enterpriseRoles' | 'judicial';

export interface ProvenanceEntry {
  source: string;
  eventId: string;
  time: string;
  s: Stamp;
}

export type Outcome = 'applied' | 'superseded';

export interface HistoryEntry {
  eventId: string;
  source: string;
  type: string;
  time: string;
  receivedAt: string | null;
  outcome: Outcome;
  s: Stamp;
}

export interface PersonState {
  personalId: string;
  version: number;
  updatedAt: string | null;
  identity: { [K in keyof IdentityFields]?: Field<IdentityFields[K]> };
  death?: Field<string>;
  residence: { permanent?: Item<ResidenceFields>; temporary?: Item<ResidenceFields> };
  landRights: Record<string, Item<LandRightFields>>;
  /** Keyed by `enterpriseCode|role`. */
  roles: Record<string, Item<RoleFields>>;
  convictions: Record<string, Item<ConvictionFields>>;
  /** Keyed by `judgmentNo|ban`. */
  bans: Record<string, Item<BanFields>>;
  provenance: { [S in SectionName]?: ProvenanceEntry };
  /** Every event that concerned this person once (duplicates excluded), newest first by stamp. */
  history: HistoryEntry[];
  /**
   * How many of `version`'s changes each registry made (they sum to `version`), so a registry's share of
   * the record can be taken out and rebuilt alone (`lgsp replay --registry`).
   */
  changes: Partial<Record<Registry, number>>;
}

export function initialPersonState(personalId: string): PersonState {
  return {
    personalId,
    version: 0,
    updatedAt: null,
    identity: {},
    residence: {},
    landRights: {},
    roles: {},
    convictions: {},
    bans: {},
    provenance: {},
    history: [],
    changes: {},
  };
}

export type EnterpriseStatus = 'active' | 'suspended' | 'dissolved' | 'bankrupt';

/** One enterprise's status, held once and shown in every role holder's record. */
export interface EnterpriseState {
  enterpriseCode: string;
  status?: Field<{ status: EnterpriseStatus; name: string; since: string }>;
  /** `source id` of every status event seen, so a re-sent one is recognised. */
  seen: string[];
}

export function initialEnterpriseState(enterpriseCode: string): EnterpriseState {
  return { enterpriseCode, seen: [] };
}
