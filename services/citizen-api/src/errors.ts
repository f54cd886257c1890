// The citizen API's own error codes; the runtime's handler turns them into problem+json.
import { defineError } from '@lgsp/runtime';

export const CitizenErrors = {
  PersonalIdInvalid: defineError('PERSONAL_ID_INVALID', 'The personal ID is not valid', 400),
  PurposeMissing: defineError('PURPOSE_MISSING', 'No purpose named', 400),
  CitizenNotFound: defineError('CITIZEN_NOT_FOUND', 'The hub holds no record for this personal ID', 404),
  AuditUnavailable: defineError('AUDIT_UNAVAILABLE', 'The read cannot be audited now', 503, { retriable: true }),
} as const;
