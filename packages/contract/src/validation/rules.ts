// The rules a JSON Schema cannot say, all in one place: the envelope agrees with its type (source,
// dataschema), the subject is the identifier in the data, identifiers pass their checks, corrections
// carry something to correct, and validUntil belongs to temporary residence only.
// A rule stays silent about a field the schemas already reported: one problem per thing to fix.
import type { ProblemField } from '@lgsp/runtime';
import { checkEnterpriseCode } from '../identifiers/enterprise-code.ts';
import { checkPersonalId } from '../identifiers/personal-id.ts';
import { schemaIdOf, sourceOfType, type EventType } from '../schemas/catalogue.ts';

type SubjectField = 'personalId' | 'enterpriseCode';

/** Which member of `data` the subject repeats; a new type must decide (the compiler insists). */
const SUBJECT_FIELD: Record<EventType, SubjectField> = {
  'vn.lgsp.household.citizen-registered.v1': 'personalId',
  'vn.lgsp.household.identity-corrected.v1': 'personalId',
  'vn.lgsp.household.residence-registered.v1': 'personalId',
  'vn.lgsp.household.residence-ended.v1': 'personalId',
  'vn.lgsp.household.death-registered.v1': 'personalId',
  'vn.lgsp.land.right-granted.v1': 'personalId',
  'vn.lgsp.land.right-updated.v1': 'personalId',
  'vn.lgsp.land.right-revoked.v1': 'personalId',
  'vn.lgsp.enterprise.role-assigned.v1': 'personalId',
  'vn.lgsp.enterprise.role-ended.v1': 'personalId',
  'vn.lgsp.enterprise.status-changed.v1': 'enterpriseCode',
  'vn.lgsp.judicial.conviction-recorded.v1': 'personalId',
  'vn.lgsp.judicial.conviction-expunged.v1': 'personalId',
  'vn.lgsp.judicial.ban-imposed.v1': 'personalId',
};

/** Changes that name what changed: an event with none of these members changes nothing. */
const AT_LEAST_ONE_OF: Partial<Record<EventType, readonly string[]>> = {
  'vn.lgsp.household.identity-corrected.v1': ['fullName', 'dateOfBirth', 'sex', 'ethnicity'],
  'vn.lgsp.land.right-updated.v1': ['areaM2', 'landUse'],
};

export interface RuleInput {
  event: Record<string, unknown>;
  type: EventType;
  /** Whether a problem is already reported at this pointer. */
  reported: (pointer: string) => boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function crossFieldProblems({ event, type, reported: reportedBefore }: RuleInput): ProblemField[] {
  const problems: ProblemField[] = [];
  const reported = (pointer: string): boolean => reportedBefore(pointer) || problems.some((problem) => problem.pointer === pointer);
  const report = (pointer: string, message: string): void => {
    if (!reported(pointer)) problems.push({ pointer, message });
  };

  const source = sourceOfType(type);
  if (typeof event.source === 'string' && event.source !== source) report('/source', `must be ${source} for ${type}`);
  const schemaId = schemaIdOf(type);
  if (typeof event.dataschema === 'string' && event.dataschema !== schemaId) report('/dataschema', `must be ${schemaId} for ${type}`);

  const data = event.data;
  if (!isRecord(data)) return problems;

  if (typeof data.personalId === 'string' && !reported('/data/personalId')) {
    const check = checkPersonalId(data.personalId);
    if (!check.valid) report('/data/personalId', check.reason);
  }
  if (typeof data.enterpriseCode === 'string' && !reported('/data/enterpriseCode')) {
    const check = checkEnterpriseCode(data.enterpriseCode);
    if (!check.valid) report('/data/enterpriseCode', check.reason);
  }

  // Compared only once the data's identifier has a valid form: otherwise that is the one thing to fix.
  const subjectField = SUBJECT_FIELD[type];
  const subjectValue = data[subjectField];
  if (typeof event.subject === 'string' && typeof subjectValue === 'string' && !reported(`/data/${subjectField}`) && event.subject !== subjectValue) {
    report('/subject', `must equal data.${subjectField}`);
  }

  const changeable = AT_LEAST_ONE_OF[type];
  if (changeable && !changeable.some((member) => data[member] !== undefined)) {
    report('/data', `must contain at least one of ${changeable.join(', ')}`);
  }

  if (type === 'vn.lgsp.household.residence-registered.v1' && data.validUntil !== undefined && data.kind === 'permanent') {
    report('/data/validUntil', 'is allowed only for temporary residence');
  }
  return problems;
}
