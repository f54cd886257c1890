import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEV_KEYS, PolicyError, developmentPolicyPath, loadPolicy, parsePolicy } from '@lgsp/policy';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}.json`, import.meta.url));

function loadError(path: string, nodeEnv = 'test'): PolicyError {
  try {
    loadPolicy(path, { nodeEnv });
  } catch (error) {
    if (error instanceof PolicyError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe('the development policy', () => {
  it('loads, with every holder of api.md §3', () => {
    const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'development' });
    expect(policy.environment).toBe('development');
    expect(policy.agencies.map(({ name, registry }) => [name, registry])).toEqual([
      ['land registration office', 'land'],
      ['business registration office', 'enterprise'],
      ['civil status and residence', 'household'],
      ['judicial records centre', 'judicial'],
    ]);
    expect(policy.consumers.map(({ name, purposes }) => [name, Object.keys(purposes)])).toEqual([
      ['land services portal', ['land-procedure']],
      ['business portal', ['enterprise-registration']],
      ['judicial records office', ['criminal-record-certificate']],
      ['citizen portal', ['data-subject-access']],
      ['hub operators', ['operator-console']],
    ]);
    expect(policy.operators.map(({ name, consumer }) => [name, consumer?.name])).toEqual([['hub operators', 'hub operators']]);
  });

  it('loads under NODE_ENV=test and with no NODE_ENV at all', () => {
    expect(loadPolicy(developmentPolicyPath, { nodeEnv: 'test' }).environment).toBe('development');
    expect(loadPolicy(developmentPolicyPath, { nodeEnv: undefined }).environment).toBe('development');
  });

  it('is immutable', () => {
    const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'development' });
    const [landPortal] = policy.consumers;
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.consumers)).toBe(true);
    expect(Object.isFrozen(landPortal)).toBe(true);
    expect(Object.isFrozen(landPortal?.purposes)).toBe(true);
    expect(Object.isFrozen(landPortal?.purposes['land-procedure']?.paths)).toBe(true);
    expect(() => (policy.consumers as unknown[]).push({})).toThrow(TypeError);
  });

  it('gives consumers without a burst a burst of one minute’s allowance', () => {
    const policy = loadPolicy(fixture('production-policy'), { nodeEnv: 'production' });
    expect(policy.consumers.map(({ rateLimit }) => rateLimit)).toEqual([
      { requestsPerMinute: 600, burst: 600 },
      { requestsPerMinute: 600, burst: 50 },
      { requestsPerMinute: 120, burst: 120 },
      { requestsPerMinute: 1200, burst: 1200 },
    ]);
  });

  it('never holds a plaintext key in any principal', () => {
    const policy = loadPolicy(developmentPolicyPath, { nodeEnv: 'development' });
    const serialized = JSON.stringify(policy);
    for (const { key } of DEV_KEYS) expect(serialized).not.toContain(key);
  });
});

describe('a bad policy file stops start-up with one line naming the file and the fault', () => {
  const cases: [fixture: string, fault: string][] = [
    ['bad-unknown-top-level-key', '/version is not an allowed property'],
    ['bad-unknown-agency-key', '/agencies/1/scope is not an allowed property'],
    ['bad-unknown-rate-limit-key', '/consumers/0/rateLimit/perSecond is not an allowed property'],
    ['bad-operator-with-purposes', '/operators/0/purposes is not an allowed property'],
    ['bad-missing-operators', '/operators is required'],
    ['bad-missing-key-hash', '/consumers/0/keyHash is required'],
    ['bad-missing-rate-limit', '/consumers/1/rateLimit is required'],
    ['bad-uppercase-key-hash', '/agencies/0/keyHash must be the SHA-256 of the key as 64 lowercase hex digits (printf %s "$KEY" | sha256sum)'],
    ['bad-plaintext-key-as-hash', '/agencies/0/keyHash must be the SHA-256 of the key as 64 lowercase hex digits (printf %s "$KEY" | sha256sum)'],
    ['bad-unknown-registry', '/agencies/0/registry must be one of land, enterprise, household, judicial (got "lands")'],
    ['bad-environment', '/environment must be one of development, production (got "staging")'],
    ['bad-unknown-section', '/consumers/2/purposes/land-procedure/1 must be a known section (got "landrights")'],
    ['bad-unknown-sub-path', '/consumers/1/purposes/enterprise-registration/2 must be a known section (got "judicial.fines")'],
    ['bad-sub-path-of-undivided-section', '/consumers/0/purposes/land-procedure/4 must be a known section (got "identity.fullName")'],
    ['bad-purpose-without-sections', '/consumers/0/purposes/land-survey must grant at least one section'],
    ['bad-consumer-without-purposes', '/consumers/3/purposes must hold at least one purpose'],
    [
      'bad-purpose-name-not-kebab-case',
      '/consumers/0/purposes/Land_Procedure must be a purpose name in kebab-case, at most 64 characters (got "Land_Procedure")',
    ],
    ['bad-zero-rate-limit', '/consumers/0/rateLimit/requestsPerMinute must be >= 1 (got 0)'],
    ['bad-fractional-rate-limit', '/consumers/0/rateLimit/requestsPerMinute must be integer (got 1.5)'],
    ['bad-name-with-control-character', '/agencies/0/name must be 1 to 100 characters, without control characters or surrounding spaces'],
    ['bad-duplicate-key-hash', '/agencies/1/keyHash is also the key of "land registration office" at /agencies/0; each holder needs its own key'],
    ['bad-agency-key-reused-by-consumer', '/consumers/1/keyHash is also the key of "judicial records centre" at /agencies/1; each holder needs its own key'],
    ['bad-operator-key-of-another-consumer', '/operators/0/keyHash is also the key of "tax portal" at /consumers/2; each holder needs its own key'],
    ['bad-two-operators-one-key', '/operators/1/keyHash is also the key of "hub operators" at /operators/0; each holder needs its own key'],
    ['bad-duplicate-name', '/consumers/1/name must be unique ("land services portal" is also at /consumers/0)'],
    ['bad-name-shared-across-lists', '/consumers/0/name must be unique ("land registration office" is also at /agencies/0)'],
    ['bad-repeated-section', '/consumers/2/purposes/tax-residence/2 repeats "identity" (already at index 0)'],
    ['bad-sub-path-beside-its-section', '/consumers/1/purposes/enterprise-registration/3 is already granted by "judicial" at index 1'],
    ['bad-not-an-object', 'must be a JSON object with environment, agencies, consumers and operators'],
    ['bad-not-json', 'is not valid JSON (unexpected ",")'],
    ['bad-missing-comma', "is not valid JSON (expected ',' or '}' after property value at line 1 column 31)"],
    ['bad-truncated-json', 'is not valid JSON (it ends too early)'],
  ];

  it.each(cases)('%s', (name, fault) => {
    const path = fixture(name);
    const error = loadError(path);
    expect(error.message).toBe(`policy file ${path}: ${fault}`);
    expect(error.source).toBe(path);
    expect(error.message).not.toContain('\n');
  });

  it('points at the fault with a JSON pointer', () => {
    expect(loadError(fixture('bad-unknown-section')).pointer).toBe('/consumers/2/purposes/land-procedure/1');
    expect(loadError(fixture('bad-not-json')).pointer).toBe('');
  });

  it('does not repeat a plaintext key pasted where its hash belongs', () => {
    expect(loadError(fixture('bad-plaintext-key-as-hash')).message).not.toContain('s3cret');
  });

  it('does not repeat the file’s text when the JSON is broken', () => {
    expect(loadError(fixture('bad-not-json')).message).not.toContain('agencies');
  });

  it('names a file that cannot be read', () => {
    const path = fixture('no-such-policy');
    expect(loadError(path).message).toBe(`policy file ${path}: cannot be read (ENOENT)`);
  });

  it('checks a document given in memory the same way', () => {
    expect(() => parsePolicy({ environment: 'production', agencies: [], consumers: [] }, 'inline', { nodeEnv: 'test' })).toThrow(
      'policy file inline: /operators is required',
    );
  });
});

describe('development keys are refused when NODE_ENV=production', () => {
  it('refuses the development policy', () => {
    expect(loadError(developmentPolicyPath, 'production').message).toBe(
      `policy file ${developmentPolicyPath}: development keys are refused when NODE_ENV=production: /environment is "development"`,
    );
  });

  it('refuses any policy marked development, even without development keys', () => {
    const path = fixture('development-marked');
    expect(loadError(path, 'production').message).toBe(
      `policy file ${path}: development keys are refused when NODE_ENV=production: /environment is "development"`,
    );
  });

  it('refuses a production policy that holds the hash of a development key', () => {
    const path = fixture('production-with-dev-key');
    expect(loadError(path, 'production').message).toBe(
      `policy file ${path}: development keys are refused when NODE_ENV=production: /agencies/1/keyHash is the hash of the development key dev-judicial-key`,
    );
  });

  it('refuses the development operator key wherever it appears', () => {
    const path = fixture('production-with-dev-operator-key');
    expect(loadError(path, 'production').message).toBe(
      `policy file ${path}: development keys are refused when NODE_ENV=production: /consumers/3/keyHash is the hash of the development key dev-operator-key`,
    );
  });

  it('accepts those files outside production', () => {
    for (const name of ['development-marked', 'production-with-dev-key', 'production-with-dev-operator-key']) {
      expect(() => loadPolicy(fixture(name), { nodeEnv: 'development' })).not.toThrow();
    }
  });

  it('accepts a production policy with production keys', () => {
    expect(loadPolicy(fixture('production-policy'), { nodeEnv: 'production' }).environment).toBe('production');
  });
});
