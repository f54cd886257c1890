// The answer of every identifier check: valid, or why not in words fit for a problem+json message.
export type IdentifierCheck = { valid: true } | { valid: false; reason: string };

export const VALID: IdentifierCheck = Object.freeze({ valid: true });

export function invalid(reason: string): IdentifierCheck {
  return { valid: false, reason };
}
