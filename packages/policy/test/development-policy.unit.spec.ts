import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS, DEV_KEY_HASHES, developmentPolicyPath, hashKey, loadPolicy, sectionsFor, authenticate } from '@lgsp/policy';

const policyText = readFileSync(developmentPolicyPath, 'utf8');
const EVERY_RECORD_SECTION = ['identity', 'status', 'residence', 'landRights', 'enterpriseRoles', 'judicial', 'quality', 'provenance'];

describe('the development policy file', () => {
  it('holds only hashes of the development keys, never the keys', () => {
    for (const { key } of DEV_KEYS) {
      expect(policyText).not.toContain(key);
      expect(policyText).toContain(hashKey(key));
    }
  });

  it('hashes keys as `printf %s "$KEY" | sha256sum` does', () => {
    expect(hashKey('dev-land-key')).toBe('1ab4f11559988b320c21ef40a3f93622d589b730a817abe6b954004b81299f36');
  });

  it('knows every development key’s hash, to refuse it in production', () => {
    expect([...DEV_KEY_HASHES.values()]).toEqual(DEV_KEYS.map(({ key }) => key));
  });

  it('grants what the table of api.md §3 says', () => {
    const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'development' });
    const grant = (key: string, purpose: string) => sectionsFor(authenticate(policy, `Bearer ${key}`), purpose).paths;
    expect(grant('dev-land-portal-key', 'land-procedure')).toEqual(['identity', 'status', 'residence', 'landRights']);
    expect(grant('dev-business-portal-key', 'enterprise-registration')).toEqual([
      'identity',
      'status',
      'residence',
      'enterpriseRoles',
      'judicial.bans',
    ]);
    expect(grant('dev-judicial-office-key', 'criminal-record-certificate')).toEqual(['identity', 'status', 'residence', 'judicial']);
    expect(grant('dev-citizen-portal-key', 'data-subject-access')).toEqual([...EVERY_RECORD_SECTION, 'access-log']);
    expect(grant('dev-operator-key', 'operator-console')).toEqual(EVERY_RECORD_SECTION);
  });

  it('gives every consumer a development rate limit', () => {
    const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'development' });
    for (const consumer of policy.consumers) expect(consumer.rateLimit).toEqual({ requestsPerMinute: 6000, burst: 600 });
  });
});
