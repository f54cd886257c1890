import { describe, expect, it } from 'vitest';
import { grantsPath, isSectionPath, toSectionGrant } from '@lgsp/policy';

describe('normalizing a grant', () => {
  it('orders paths canonically and drops repeats', () => {
    expect(toSectionGrant(['judicial.bans', 'identity', 'identity']).paths).toEqual(['identity', 'judicial.bans']);
  });

  it('lets a whole section absorb its parts', () => {
    const grant = toSectionGrant(['judicial.bans', 'judicial', 'residence.temporary']);
    expect(grant.paths).toEqual(['residence.temporary', 'judicial']);
    expect({ ...grant.scopes }).toEqual({ residence: ['temporary'], judicial: 'whole' });
  });

  it('gives equal grants for equal access written differently', () => {
    expect(toSectionGrant(['status', 'identity'])).toEqual(toSectionGrant(['identity', 'status', 'identity']));
  });

  it('ignores anything that is not a section path', () => {
    expect(toSectionGrant(['identity', 'nope' as never, '__proto__' as never]).paths).toEqual(['identity']);
  });
});

describe('whether a grant covers a path', () => {
  const grant = toSectionGrant(['identity', 'judicial.bans', 'access-log']);

  it.each([
    ['identity', true],
    ['judicial.bans', true],
    ['judicial', false],
    ['judicial.convictions', false],
    ['access-log', true],
    ['status', false],
    ['identity.fullName', false],
    ['constructor', false],
    ['__proto__', false],
  ])('%s → %s', (path, covered) => {
    expect(grantsPath(grant, path)).toBe(covered);
  });

  it('a whole section covers its parts', () => {
    const whole = toSectionGrant(['residence']);
    expect(grantsPath(whole, 'residence.permanent')).toBe(true);
    expect(grantsPath(whole, 'residence.temporary')).toBe(true);
  });

  it('knows the section paths', () => {
    expect(isSectionPath('residence.permanent')).toBe(true);
    expect(isSectionPath('landrights')).toBe(false);
    expect(isSectionPath(42)).toBe(false);
  });
});
