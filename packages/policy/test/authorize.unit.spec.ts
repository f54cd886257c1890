import { describe, expect, it } from 'vitest';
import { HubError } from '@lgsp/runtime';
import {
  REGISTRIES,
  authenticate,
  developmentPolicyPath,
  loadPolicy,
  rateLimitOf,
  requireAgencyFor,
  requireOperator,
  requirePurpose,
  requireSection,
  sectionsFor,
  type Principal,
} from '@lgsp/policy';

const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'development' });
const principalOf = (key: string): Principal => authenticate(policy, `Bearer ${key}`);

function forbidden(action: () => unknown): HubError {
  try {
    action();
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected a 403');
}

describe('an agency publishes its own registry and nothing else', () => {
  const AGENCY_KEYS = { land: 'dev-land-key', enterprise: 'dev-enterprise-key', household: 'dev-household-key', judicial: 'dev-judicial-key' };
  const matrix = REGISTRIES.flatMap((own) => REGISTRIES.map((target) => [own, target] as const));

  it.each(matrix)('the %s agency publishing %s', (own, target) => {
    const agency = principalOf(AGENCY_KEYS[own]);
    if (own === target) {
      expect(requireAgencyFor(agency, target)).toBe(agency);
      return;
    }
    const error = forbidden(() => requireAgencyFor(agency, target));
    expect(error.status).toBe(403);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(`${agency.name} may publish ${own} events only, not ${target}`);
    expect(error.extensions).toEqual({ allowedRegistry: own });
  });

  it.each(['dev-land-portal-key', 'dev-citizen-portal-key', 'dev-operator-key'])('%s may not publish at all', (key) => {
    const error = forbidden(() => requireAgencyFor(principalOf(key), 'land'));
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/^Only an agency key may publish events; this key is a (consumer|operator) key/);
  });
});

describe('a consumer reads only for the purposes it holds', () => {
  const CONSUMER_KEYS = ['dev-land-portal-key', 'dev-business-portal-key', 'dev-judicial-office-key', 'dev-citizen-portal-key', 'dev-operator-key'];
  const HELD: Record<string, string> = {
    'dev-land-portal-key': 'land-procedure',
    'dev-business-portal-key': 'enterprise-registration',
    'dev-judicial-office-key': 'criminal-record-certificate',
    'dev-citizen-portal-key': 'data-subject-access',
    'dev-operator-key': 'operator-console',
  };
  const purposes = [...new Set(policy.consumers.flatMap((consumer) => Object.keys(consumer.purposes)))];
  const matrix = CONSUMER_KEYS.flatMap((key) => purposes.map((purpose) => [key, purpose] as const));

  it('covers every purpose of the development policy', () => {
    expect(purposes.sort()).toEqual(Object.values(HELD).sort());
  });

  it.each(matrix)('%s asking for %s', (key, purpose) => {
    const principal = principalOf(key);
    if (HELD[key] === purpose) {
      expect(requirePurpose(principal, purpose).purposes[purpose]).toBe(sectionsFor(principal, purpose));
      return;
    }
    for (const attempt of [() => requirePurpose(principal, purpose), () => sectionsFor(principal, purpose)]) {
      const error = forbidden(attempt);
      expect(error.status).toBe(403);
      expect(error.message).toMatch(new RegExp(`does not hold the purpose "${purpose}"$`));
      expect(error.extensions).toEqual({ heldPurposes: [HELD[key]] });
    }
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'LAND-PROCEDURE', 'land-procedure '])(
    'the name %j is never a purpose',
    (purpose) => {
      expect(forbidden(() => sectionsFor(principalOf('dev-land-portal-key'), purpose)).status).toBe(403);
    },
  );

  it('does not echo a huge purpose name at length', () => {
    expect(forbidden(() => requirePurpose(principalOf('dev-land-portal-key'), 'x'.repeat(10_000))).message.length).toBeLessThan(200);
  });

  it.each(['dev-land-key', 'dev-judicial-key'])('an agency key (%s) holds no purpose', (key) => {
    const error = forbidden(() => requirePurpose(principalOf(key), 'land-procedure'));
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/^This agency key \(.+\) holds no purpose to read records$/);
  });

  it('the operator reads as its own consumer entry', () => {
    const consumer = requirePurpose(principalOf('dev-operator-key'), 'operator-console');
    expect(consumer.kind).toBe('consumer');
    expect(consumer.name).toBe('hub operators');
  });
});

describe('sections beyond the record and operator rights', () => {
  it('only a purpose that grants access-log reads the access log', () => {
    expect(requireSection(principalOf('dev-citizen-portal-key'), 'data-subject-access', 'access-log').paths).toContain('access-log');
    const error = forbidden(() => requireSection(principalOf('dev-operator-key'), 'operator-console', 'access-log'));
    expect(error.status).toBe(403);
    expect(error.message).toBe('The purpose "operator-console" does not grant "access-log"');
  });

  it('a narrowed grant covers only its part', () => {
    const business = principalOf('dev-business-portal-key');
    expect(requireSection(business, 'enterprise-registration', 'judicial.bans').paths).toContain('judicial.bans');
    expect(forbidden(() => requireSection(business, 'enterprise-registration', 'judicial.convictions')).status).toBe(403);
    expect(forbidden(() => requireSection(business, 'enterprise-registration', 'judicial')).status).toBe(403);
  });

  it('only the operator key passes requireOperator', () => {
    expect(requireOperator(principalOf('dev-operator-key')).name).toBe('hub operators');
    for (const key of ['dev-land-key', 'dev-citizen-portal-key']) expect(forbidden(() => requireOperator(principalOf(key))).status).toBe(403);
  });

  it('exposes rate limits for keys that read records only', () => {
    expect(rateLimitOf(principalOf('dev-land-portal-key'))).toEqual({ requestsPerMinute: 6000, burst: 600 });
    expect(rateLimitOf(principalOf('dev-operator-key'))).toEqual({ requestsPerMinute: 6000, burst: 600 });
    expect(rateLimitOf(principalOf('dev-land-key'))).toBeNull();
  });
});
