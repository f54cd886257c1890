// The console's own error codes; the runtime's handler turns them into problem+json.
import { defineError } from '@lgsp/runtime';

export const ConsoleErrors = {
  NotLoggedIn: defineError('NOT_LOGGED_IN', 'Log in with the operator key', 401),
  NotAnOperator: defineError('NOT_AN_OPERATOR', 'Only an operator key opens the console', 403),
  ConsoleHeaderMissing: defineError('CONSOLE_HEADER_MISSING', 'A state-changing request must come from the console', 403),
  TooManyLogins: defineError('TOO_MANY_LOGINS', 'Too many failed logins', 429, { retriable: true }),
  PersonalIdInvalid: defineError('PERSONAL_ID_INVALID', 'The personal ID is not valid', 400),
  FiguresUnavailable: defineError('FIGURES_UNAVAILABLE', 'The figures cannot be read now', 503, { retriable: true }),
  CitizenApiUnavailable: defineError('CITIZEN_API_UNAVAILABLE', 'The citizen API cannot be reached', 503, { retriable: true }),
  CitizenApiRefused: defineError('CITIZEN_API_REFUSED', 'The citizen API refused the read', 502),
} as const;
