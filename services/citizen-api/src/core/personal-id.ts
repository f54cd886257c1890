// A personal ID from a request, checked by the contract's rules (identifiers.md): 400 naming where it was.
import { checkPersonalId } from '@lgsp/contract';
import { CitizenErrors } from '../errors.ts';

export function requireValidPersonalId(value: string, pointer: string): string {
  const check = checkPersonalId(value);
  if (!check.valid) {
    throw CitizenErrors.PersonalIdInvalid({ detail: `The personal ID ${check.reason}`, errors: [{ pointer, message: check.reason }] });
  }
  return value;
}
