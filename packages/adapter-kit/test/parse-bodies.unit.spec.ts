// Request bodies: malformed JSON is a 400 naming where, too many items a 413.
import { describe, expect, it } from 'vitest';
import type { HubError } from '@lgsp/runtime';
import { decodeUtf8, firstInvalidUtf8Byte } from '../src/http/media-types.ts';
import { parseEventsBody, parseNdjson } from '../src/http/parse-bodies.ts';

function thrown(action: () => unknown): HubError {
  try {
    action();
  } catch (error) {
    return error as HubError;
  }
  throw new Error('nothing was thrown');
}

describe('request bodies', () => {
  it('give NDJSON records pointers by 0-based line, skipping blank lines', () => {
    expect(parseNdjson('{"a":1}\n\n{"b":2}\r\n')).toEqual([
      { value: { a: 1 }, pointer: '/0' },
      { value: { b: 2 }, pointer: '/2' },
    ]);
  });

  it('name every NDJSON line that is not JSON', () => {
    const error = thrown(() => parseNdjson('{"a":1}\n{"b":\n{}\nnope'));
    expect(error.status).toBe(400);
    expect(error.errors?.map((problem) => problem.pointer)).toEqual(['/1', '/3']);
    expect(error.errors?.[0]?.message).toContain('line 2 is not valid JSON');
  });

  it('refuse more than 10,000 NDJSON records and more than 1,000 events with 413', () => {
    expect(thrown(() => parseNdjson('{}\n'.repeat(10_001))).status).toBe(413);
    expect(parseNdjson('{}\n'.repeat(10_000))).toHaveLength(10_000);
    expect(thrown(() => parseEventsBody(JSON.stringify(Array.from({ length: 1_001 }, () => ({}))), true)).status).toBe(413);
  });

  it('refuse a batch that is not an array with 422, and malformed JSON with 400', () => {
    expect(thrown(() => parseEventsBody('{}', true)).status).toBe(422);
    expect(thrown(() => parseEventsBody('{', false)).status).toBe(400);
  });

  it('refuse a body that is not UTF-8, naming the byte and the NDJSON line, instead of mangling it', () => {
    // "Nguyễn Văn Ân" with the Â written in Latin-1, as a legacy export would.
    const latin1 = Buffer.concat([Buffer.from('{"hoTen":"Nguyen Van '), Buffer.from([0xc2, 0x6e]), Buffer.from('"}')]);
    const single = thrown(() => decodeUtf8(latin1, false));
    expect(single.status).toBe(400);
    expect(single.code).toBe('MALFORMED_JSON');
    expect(single.errors).toEqual([{ pointer: '', message: 'is not valid UTF-8 at byte 21' }]);
    const ndjson = thrown(() => decodeUtf8(Buffer.concat([Buffer.from('{"a":1}\n{"b":2}\n'), latin1, Buffer.from('\n')]), true));
    expect(ndjson.errors).toEqual([{ pointer: '/2', message: 'is not valid UTF-8 at byte 37' }]);
    expect(ndjson.message).toContain('on line 3');
    expect(decodeUtf8(Buffer.from('{"hoTen":"Nguyễn Văn Ân 👨‍👩‍👧"}'), false)).toBe('{"hoTen":"Nguyễn Văn Ân 👨‍👩‍👧"}');
  });

  it('find the first byte that is not UTF-8: overlong forms, surrogates, truncations, stray continuations', () => {
    expect(firstInvalidUtf8Byte(Buffer.from('ascii, Tiếng Việt, 𝕳'))).toBe(-1);
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(firstInvalidUtf8Byte(Buffer.from([0xe0, 0x80, 0x80]))).toBe(0); // overlong three-byte form
    expect(firstInvalidUtf8Byte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8Byte(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0x62, 0xe1, 0xba]))).toBe(2); // cut short
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0x80]))).toBe(1); // a continuation with no lead
    expect(firstInvalidUtf8Byte(Buffer.from([0xff]))).toBe(0);
  });
});
