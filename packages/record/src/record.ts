// The once-only citizen record as served (record.md §1). Key order here is the order on the wire.
import type { Address, EnterpriseStatus, Parcel, SectionName, Sex } from './state.ts';

export interface ResidenceView {
  address: Address;
  householdId: string;
  relationToHead: string;
  since: string;
  validUntil?: string | null;
}

export interface LandRightView {
  certificateNo: string;
  parcel: Parcel;
  areaM2: number;
  landUse: string;
  grantedOn: string;
}

export interface EnterpriseRoleView {
  enterpriseCode: string;
  enterpriseName: string;
  role: string;
  since: string;
  enterpriseStatus: EnterpriseStatus | null;
}

export interface ConvictionView {
  judgmentNo: string;
  court: string;
  judgmentDate: string;
  offence: string;
  sentence: string;
  expunged: boolean;
  expungedOn: string | null;
}

export interface BanView {
  judgmentNo: string;
  ban: string;
  from: string;
  until: string | null;
}

export type QualityCode = 'ID_BIRTH_MISMATCH' | 'ACTIVITY_AFTER_DEATH' | 'ROLE_WHILE_BANNED' | 'NO_CIVIL_RECORD';

export interface QualityIssue {
  code: QualityCode;
  detail: string;
  sources: string[];
  since: string;
}

export interface CitizenRecord {
  personalId: string;
  identity: { fullName: string | null; dateOfBirth: string | null; sex: Sex | null; nationality: string | null; ethnicity: string | null } | null;
  status: { lifeStatus: 'alive' | 'dead'; dateOfDeath: string | null } | null;
  residence: { permanent: ResidenceView | null; temporary: ResidenceView | null } | null;
  landRights: LandRightView[];
  enterpriseRoles: EnterpriseRoleView[];
  judicial: { convictions: ConvictionView[]; bans: BanView[] } | null;
  quality: { issues: QualityIssue[] };
  provenance: { [S in SectionName]?: { source: string; eventId: string; time: string } };
  version: number;
  updatedAt: string | null;
}
