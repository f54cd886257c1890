// Every type of the catalogue against its fixtures: the valid events pass, and each invalid one
// fails with exactly one problem, at exactly the pointer the fixture names.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, validateEvent } from '@lgsp/contract';

interface Fixture {
  type?: string;
  valid: unknown[];
  invalid: Array<{ rule: string; event: unknown; pointer: string }>;
}

const FIXTURES_DIR = new URL('./fixtures/', import.meta.url);

function loadFixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES_DIR), 'utf8')) as Fixture;
}

describe('event fixtures', () => {
  it('exist for every type of the catalogue and the envelope, and for nothing else', () => {
    const files = readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(['cloudevent', ...EVENT_TYPES].sort());
  });

  for (const name of ['cloudevent', ...EVENT_TYPES]) {
    const fixture = loadFixture(name);

    describe(name, () => {
      it('has at least one valid event and one invalid event per rule', () => {
        expect(fixture.valid.length).toBeGreaterThan(0);
        expect(fixture.invalid.length).toBeGreaterThan(0);
        expect(new Set(fixture.invalid.map((entry) => entry.rule)).size).toBe(fixture.invalid.length);
        if (fixture.type) for (const event of fixture.valid) expect((event as { type: string }).type).toBe(name);
      });

      it.each(fixture.valid.map((event, index) => [index, event] as const))('accepts valid event #%i', (_index, event) => {
        const result = validateEvent(event);
        expect(result.ok ? [] : result.errors).toEqual([]);
        if (result.ok) expect(result.event).toBe(event);
      });

      it.each(fixture.invalid.map((entry) => [entry.rule, entry] as const))('rejects: %s', (_rule, entry) => {
        const result = validateEvent(entry.event);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors.map((error) => error.pointer)).toEqual([entry.pointer]);
        expect(result.errors[0]!.message.length).toBeGreaterThan(3);
      });
    });
  }
});
