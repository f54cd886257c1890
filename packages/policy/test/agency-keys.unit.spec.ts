import { describe, expect, it } from 'vitest';
import { agencyKeyFor, agencyKeyVariable, developmentAgencyKey } from '@lgsp/policy';

describe('the agency key a re-drive sends', () => {
  it('names the variable after the registry', () => {
    expect(agencyKeyVariable('land')).toBe('AGENCY_KEY_LAND');
  });

  it('is the configured key when AGENCY_KEY_<REGISTRY> is set, in any environment', () => {
    expect(agencyKeyFor({ NODE_ENV: 'production', AGENCY_KEY_LAND: 'real-land-key' }, 'land')).toBe('real-land-key');
    expect(agencyKeyFor({ NODE_ENV: 'development', AGENCY_KEY_JUDICIAL: 'k' }, 'judicial')).toBe('k');
  });

  it('falls back to the development key outside production only', () => {
    expect(agencyKeyFor({ NODE_ENV: 'test' }, 'enterprise')).toBe('dev-enterprise-key');
    expect(agencyKeyFor({}, 'household')).toBe('dev-household-key');
    expect(agencyKeyFor({ NODE_ENV: 'production' }, 'land')).toBeUndefined();
  });

  it('knows no development key for a registry that does not exist', () => {
    expect(developmentAgencyKey('weather')).toBeUndefined();
    expect(agencyKeyFor({ NODE_ENV: 'test' }, 'weather')).toBeUndefined();
  });
});
