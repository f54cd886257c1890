// Reading native records by pointer: every problem at once, each at the field that is wrong.
import { describe, expect, it } from 'vitest';
import { dateOf, readNative } from '../src/mapping/native-reader.ts';

describe('readNative', () => {
  it('reads present fields of the right JSON type and reports nothing', () => {
    const read = readNative({ a: { b: 'x', n: 2.5 }, list: [{ c: 'CODE' }] });
    expect(read.string('/a/b')).toBe('x');
    expect(read.number('/a/n')).toBe(2.5);
    expect(read.code('/list/0/c', { CODE: 'mapped' })).toBe('mapped');
    expect(read.problems).toEqual([]);
  });

  it('names every missing, mistyped or unknown field at once', () => {
    const read = readNative({ a: { b: 7 }, kind: 'NOPE', s: '' });
    read.string('/a/b');
    read.string('/missing');
    read.number('/a/c');
    read.code('/kind', { YES: 1 });
    read.string('/s');
    expect(read.problems).toEqual([
      { pointer: '/a/b', message: 'must be a non-empty string' },
      { pointer: '/missing', message: 'is required' },
      { pointer: '/a/c', message: 'is required' },
      { pointer: '/kind', message: 'must be one of: YES' },
      { pointer: '/s', message: 'must be a non-empty string' },
    ]);
  });

  it('blames a parent that is not an object, once', () => {
    const read = readNative({ person: '001203012345' });
    read.string('/person/id');
    read.string('/person/name');
    expect(read.problems).toEqual([{ pointer: '/person', message: 'must be an object' }]);
  });

  it('treats optional fields as absent when missing or null, and checks them when present', () => {
    const read = readNative({ a: null, b: 3 });
    expect(read.optionalString('/a')).toBeUndefined();
    expect(read.optionalString('/b')).toBeUndefined();
    expect(read.problems).toEqual([{ pointer: '/b', message: 'must be a non-empty string' }]);
  });

  it('requires RFC 3339 times with an offset', () => {
    const read = readNative({ good: '2025-07-01T08:00:00+07:00', local: '2025-07-01T08:00:00', nonsense: '2025-13-45T99:00:00Z' });
    read.timestamp('/good');
    read.timestamp('/local');
    read.timestamp('/nonsense');
    expect(read.problems.map((problem) => problem.pointer)).toEqual(['/local', '/nonsense']);
  });

  it('refuses a record that is not an object', () => {
    expect(readNative([1]).problems).toEqual([{ pointer: '', message: 'must be a JSON object (one native record)' }]);
    expect(readNative('text').problems).toHaveLength(1);
  });

  it('takes the date of a time as the registry wrote it, in its own offset', () => {
    expect(dateOf('2025-07-01T23:30:00+07:00')).toBe('2025-07-01');
  });
});
