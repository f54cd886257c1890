// Request bodies: malformed JSON is a 400 naming where, too many items a 413.
import { describe, expect, it } from 'vitest';
import type { HubError } from '@lgsp/runtime';
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
});
