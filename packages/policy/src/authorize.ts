// What an authenticated principal may do: an agency publishes its own registry only; a consumer reads
// only for the purposes it holds, and each purpose decides the sections. 401 is for a missing or
// unknown key; everything here is a known key asking for too much, so 403.
import { Errors } from '@lgsp/runtime';
import { consumerOf, type AgencyPrincipal, type ConsumerPrincipal, type OperatorPrincipal, type Principal, type RateLimit, type Registry } from './principal.ts';
import { grantsPath, type SectionGrant, type SectionPath } from './sections.ts';

/** The agency, when it may publish `registry`'s events; 403 otherwise. */
export function requireAgencyFor(principal: Principal, registry: Registry): AgencyPrincipal {
  if (principal.kind !== 'agency') {
    throw Errors.Forbidden({ detail: `Only an agency key may publish events; this key is a ${principal.kind} key (${principal.name})` });
  }
  if (principal.registry !== registry) {
    throw Errors.Forbidden({
      detail: `${principal.name} may publish ${principal.registry} events only, not ${registry}`,
      extensions: { allowedRegistry: principal.registry },
    });
  }
  return principal;
}

/** The operator, for the operator API and console; 403 otherwise. */
export function requireOperator(principal: Principal): OperatorPrincipal {
  if (principal.kind !== 'operator') throw Errors.Forbidden({ detail: `Only an operator key may do this; this key is a ${principal.kind} key (${principal.name})` });
  return principal;
}

/** The consumer reading for `purpose`, when its key holds that purpose; 403 otherwise. */
export function requirePurpose(principal: Principal, purpose: string): ConsumerPrincipal {
  const consumer = consumerOf(principal);
  if (consumer === null) {
    throw Errors.Forbidden({ detail: `This ${principal.kind} key (${principal.name}) holds no purpose to read records` });
  }
  // Own keys only: `constructor` or `toString` must not pass for a purpose.
  if (!Object.hasOwn(consumer.purposes, purpose)) {
    throw Errors.Forbidden({
      detail: `${consumer.name} does not hold the purpose ${quoted(purpose)}`,
      extensions: { heldPurposes: Object.keys(consumer.purposes) },
    });
  }
  return consumer;
}

/** The sections `purpose` grants, normalized; 403 when the key does not hold the purpose. */
export function sectionsFor(principal: Principal, purpose: string): SectionGrant {
  const consumer = requirePurpose(principal, purpose);
  return consumer.purposes[purpose] as SectionGrant;
}

/** For an endpoint that needs one section beyond the record, such as `/access-log`; 403 when not granted. */
export function requireSection(principal: Principal, purpose: string, section: SectionPath): SectionGrant {
  const grant = sectionsFor(principal, purpose);
  if (!grantsPath(grant, section)) {
    throw Errors.Forbidden({ detail: `The purpose ${quoted(purpose)} does not grant ${JSON.stringify(section)}` });
  }
  return grant;
}

/** The consumer's rate limit, for the limiter; null for keys that do not read records. */
export function rateLimitOf(principal: Principal): RateLimit | null {
  return consumerOf(principal)?.rateLimit ?? null;
}

// The purpose comes from the request; echo it, but not at any length.
function quoted(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}
