import { describe, expect, it } from 'vitest';
import { HubError } from '@lgsp/runtime';
import { DEV_KEYS, MAX_KEY_LENGTH, authenticate, developmentPolicyPath, loadPolicy, type Policy } from '@lgsp/policy';

const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'development' });

function rejection(authorization: string | undefined): HubError {
  try {
    authenticate(policy, authorization);
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected a 401');
}

describe('authenticating a bearer key', () => {
  const expected: Record<string, { kind: string; name: string; registry?: string; consumer?: string | null }> = {
    'dev-land-key': { kind: 'agency', name: 'land registration office', registry: 'land' },
    'dev-enterprise-key': { kind: 'agency', name: 'business registration office', registry: 'enterprise' },
    'dev-household-key': { kind: 'agency', name: 'civil status and residence', registry: 'household' },
    'dev-judicial-key': { kind: 'agency', name: 'judicial records centre', registry: 'judicial' },
    'dev-land-portal-key': { kind: 'consumer', name: 'land services portal' },
    'dev-business-portal-key': { kind: 'consumer', name: 'business portal' },
    'dev-judicial-office-key': { kind: 'consumer', name: 'judicial records office' },
    'dev-citizen-portal-key': { kind: 'consumer', name: 'citizen portal' },
    'dev-operator-key': { kind: 'operator', name: 'hub operators', consumer: 'hub operators' },
  };

  it.each(DEV_KEYS.map(({ key, holder, kind }) => [key, holder, kind]))('%s authenticates as %s (%s)', (key, holder, kind) => {
    const principal = authenticate(policy, `Bearer ${key}`);
    const want = expected[key];
    expect(principal.kind).toBe(want?.kind);
    expect(principal.kind).toBe(kind);
    expect(principal.name).toBe(holder);
    expect(principal.name).toBe(want?.name);
    if (principal.kind === 'agency') expect(principal.registry).toBe(want?.registry);
    if (principal.kind === 'operator') expect(principal.consumer?.name).toBe(want?.consumer);
  });

  it('accepts the scheme in any case and surrounding whitespace', () => {
    for (const header of ['bearer dev-land-key', 'BEARER dev-land-key', '  Bearer   dev-land-key  ', 'Bearer\tdev-land-key']) {
      expect(authenticate(policy, header).name).toBe('land registration office');
    }
  });

  it('returns a principal that carries no key or hash', () => {
    const serialized = JSON.stringify(authenticate(policy, 'Bearer dev-operator-key'));
    expect(serialized).not.toContain('dev-operator-key');
    expect(serialized).not.toMatch(/[0-9a-f]{64}/);
  });
});

describe('a missing, malformed or unknown key is a 401 with a Bearer challenge', () => {
  const cases: [label: string, header: string | undefined, detail: string][] = [
    ['no header', undefined, 'This endpoint needs an Authorization: Bearer <key> header'],
    ['an empty header', '', 'This endpoint needs an Authorization: Bearer <key> header'],
    ['spaces only', '   ', 'This endpoint needs an Authorization: Bearer <key> header'],
    ['the Basic scheme', 'Basic x', 'The Authorization header must use the Bearer scheme'],
    ['a key without a scheme', 'dev-land-key', 'The Authorization header must use the Bearer scheme'],
    ['a scheme glued to the key', 'Bearerdev-land-key', 'The Authorization header must use the Bearer scheme'],
    ['Bearer alone', 'Bearer', 'The Authorization header names no key after Bearer'],
    ['Bearer and spaces', 'Bearer  ', 'The Authorization header names no key after Bearer'],
    ['a key one character too long', `Bearer ${'k'.repeat(MAX_KEY_LENGTH + 1)}`, 'The key is malformed: it must be 1 to 256 visible ASCII characters'],
    ['a very long header', `Bearer ${'k'.repeat(100_000)}`, 'The key is malformed: it must be 1 to 256 visible ASCII characters'],
    ['a control character', 'Bearer dev-land\u0000-key', 'The key is malformed: it must be 1 to 256 visible ASCII characters'],
    ['a trailing escape character', 'Bearer dev-land-key\u001b', 'The key is malformed: it must be 1 to 256 visible ASCII characters'],
    ['a space inside the key', 'Bearer dev-land key', 'The key is malformed: it must be 1 to 256 visible ASCII characters'],
    ['non-ASCII characters', 'Bearer dev-lànd-key', 'The key is malformed: it must be 1 to 256 visible ASCII characters'],
    ['a key differing in its last character', 'Bearer dev-land-kez', 'The key is not known'],
    ['a key differing in its first character', 'Bearer Dev-land-key', 'The key is not known'],
    ['a key with one character more', 'Bearer dev-land-key1', 'The key is not known'],
    ['a key of the longest allowed length', `Bearer ${'k'.repeat(MAX_KEY_LENGTH)}`, 'The key is not known'],
    ['a plaintext key’s hash offered as the key', 'Bearer 1ab4f11559988b320c21ef40a3f93622d589b730a817abe6b954004b81299f36', 'The key is not known'],
  ];

  it.each(cases)('%s', (_label, header, detail) => {
    const error = rejection(header);
    expect(error.status).toBe(401);
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe(detail);
    expect(error.headers?.['www-authenticate']).toMatch(/^Bearer\b/);
  });

  it('marks a presented but invalid key as invalid_token (RFC 6750)', () => {
    expect(rejection('Bearer dev-land-kez').headers).toEqual({ 'www-authenticate': 'Bearer error="invalid_token"' });
    expect(rejection(undefined).headers).toEqual({ 'www-authenticate': 'Bearer' });
  });

  it('never echoes the key it was given', () => {
    for (const header of ['Bearer my-secret-key-123', 'Bearer my-secret\u0001key', `Bearer my-secret${'x'.repeat(300)}`, 'Basic my-secret']) {
      const error = rejection(header);
      expect(JSON.stringify({ message: error.message, headers: error.headers, extensions: error.extensions })).not.toContain('my-secret');
    }
  });

  it('refuses an object that only looks like a policy', () => {
    const lookalike: Policy = { source: 'x', environment: 'production', agencies: [], consumers: [], operators: [] };
    expect(() => authenticate(lookalike, 'Bearer dev-land-key')).toThrow(TypeError);
  });
});
