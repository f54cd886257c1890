// Quality rules ("đúng, đủ, sạch, sống", record.md §3), evaluated from the record's sections alone so
// that an issue appears and disappears with its cause, the same whatever order events arrived in.
import { checkIdBirthConsistency } from '@lgsp/contract';
import type { CitizenRecord, QualityIssue } from './record.ts';
import type { PersonState } from './state.ts';

type Sections = Omit<CitizenRecord, 'quality' | 'provenance' | 'version' | 'updatedAt'>;

const MANAGING_ROLES = new Set(['owner', 'legal-representative']);

export function qualityIssues(sections: Sections, state: PersonState): QualityIssue[] {
  const issues: QualityIssue[] = [];
  const { identity, status } = sections;

  if (identity && (identity.dateOfBirth !== null || identity.sex !== null)) {
    const consistency = checkIdBirthConsistency(sections.personalId, {
      ...(identity.dateOfBirth !== null ? { dateOfBirth: identity.dateOfBirth } : {}),
      ...(identity.sex !== null ? { sex: identity.sex } : {}),
    });
    if (!consistency.consistent) {
      const since = latest([state.identity.dateOfBirth?.s[0], state.identity.sex?.s[0]]);
      issues.push({ code: 'ID_BIRTH_MISMATCH', detail: consistency.reason, sources: ['household'], since });
    }
  }

  const dateOfDeath = status?.dateOfDeath ?? null;
  if (dateOfDeath !== null) {
    const deathTime = state.death?.s[0] ?? '';
    for (const right of sections.landRights) {
      if (right.grantedOn > dateOfDeath) {
        issues.push({
          code: 'ACTIVITY_AFTER_DEATH',
          detail: `land right ${right.certificateNo} granted on ${right.grantedOn}, after death on ${dateOfDeath}`,
          sources: ['household', 'land'],
          since: latest([deathTime, state.landRights[right.certificateNo]?.on?.[0]]),
        });
      }
    }
    for (const role of sections.enterpriseRoles) {
      if (role.since > dateOfDeath) {
        issues.push({
          code: 'ACTIVITY_AFTER_DEATH',
          detail: `${role.role} of ${role.enterpriseCode} since ${role.since}, after death on ${dateOfDeath}`,
          sources: ['enterprise', 'household'],
          since: latest([deathTime, state.roles[`${role.enterpriseCode}|${role.role}`]?.on?.[0]]),
        });
      }
    }
  }

  const managementBans = (sections.judicial?.bans ?? []).filter((ban) => ban.ban === 'manage-enterprise');
  for (const role of sections.enterpriseRoles.filter((candidate) => MANAGING_ROLES.has(candidate.role))) {
    // A role in force since `since` overlaps a ban unless the ban ended before the role began.
    const overlapping = managementBans.find((ban) => ban.until === null || ban.until >= role.since);
    if (overlapping) {
      issues.push({
        code: 'ROLE_WHILE_BANNED',
        detail: `${role.role} of ${role.enterpriseCode} while banned from managing enterprises by ${overlapping.judgmentNo}`,
        sources: ['enterprise', 'judicial'],
        since: latest([
          state.roles[`${role.enterpriseCode}|${role.role}`]?.on?.[0],
          state.bans[`${overlapping.judgmentNo}|${overlapping.ban}`]?.on?.[0],
        ]),
      });
    }
  }

  if (identity === null) {
    const others = (['landRights', 'enterpriseRoles', 'judicial'] as const).filter((section) => state.provenance[section]);
    if (others.length > 0) {
      issues.push({
        code: 'NO_CIVIL_RECORD',
        detail: 'other registries hold data on this person, the civil status registry none',
        sources: others.map((section) => SECTION_REGISTRY[section]).sort(),
        since: latest(others.map((section) => state.provenance[section]?.s[0])),
      });
    }
  }
  return issues.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0));
}

const SECTION_REGISTRY = { landRights: 'land', enterpriseRoles: 'enterprise', judicial: 'judicial' } as const;

function latest(times: ReadonlyArray<string | undefined>): string {
  return times.reduce<string>((max, time) => (time !== undefined && time > max ? time : max), '');
}
