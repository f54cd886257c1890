// The enterprise mapping is a pure diff of (previous export, next export) → events, over fixtures of
// one enterprise's exports in registry order.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateEvent } from '@lgsp/contract';
import { readJson, type UnmappableFixture } from '@lgsp/adapter-kit/testing';
import { diffEnterpriseSnapshots } from '../src/mapping.ts';
import { parseEnterpriseSnapshot, type EnterpriseSnapshot } from '../src/snapshot.ts';

interface ExportFixture {
  description: string;
  record: unknown;
  events: Array<Record<string, unknown>>;
  firstOfItsEnterprise?: boolean;
}

const fixtures = path.dirname(fileURLToPath(import.meta.url));
const { exports } = readJson<{ exports: ExportFixture[] }>(path.join(fixtures, 'fixtures', 'snapshots.json'));
const unmappable = readJson<UnmappableFixture[]>(path.join(fixtures, 'fixtures', 'unmappable.json'));

function parsed(record: unknown): { snapshot: EnterpriseSnapshot; time: string } {
  const result = parseEnterpriseSnapshot(structuredClone(record));
  if (!result.ok) throw new Error(`not parsed: ${JSON.stringify(result.errors)}`);
  return result;
}

describe('enterprise exports in registry order', () => {
  exports.forEach((fixture, index) => {
    const previous = index === 0 || fixture.firstOfItsEnterprise ? undefined : parsed(exports[index - 1]!.record).snapshot;

    it(`given the export before, ${fixture.description}`, () => {
      const { snapshot, time } = parsed(fixture.record);
      const events = diffEnterpriseSnapshots(previous, snapshot, time).map((mapped) => mapped.event);
      expect(events).toEqual(fixture.events);
      for (const event of events) expect(validateEvent(event)).toEqual({ ok: true, event });
    });

    it(`the same export twice yields no events (${fixture.description.slice(0, 40)}…)`, () => {
      const { snapshot, time } = parsed(fixture.record);
      expect(diffEnterpriseSnapshots(snapshot, snapshot, time)).toEqual([]);
    });
  });

  it('an export equal but for its change id and time yields no events', () => {
    const first = parsed(exports[0]!.record);
    const again = structuredClone(exports[0]!.record) as Record<string, unknown>;
    again.maThayDoi = 'DN-2025-009999';
    again.thoiDiem = '2026-01-01T00:00:00+07:00';
    // Listed in another order, with other capital shares and titles: still the same people in the same roles.
    (again.thanhVien as Array<Record<string, unknown>>)[0]!.tyLeVon = 55;
    const next = parsed(again);
    expect(diffEnterpriseSnapshots(first.snapshot, next.snapshot, next.time)).toEqual([]);
  });

  it('a person listed twice in one role holds it once', () => {
    const record = structuredClone(exports[0]!.record) as Record<string, unknown>;
    record.thanhVien = [...(record.thanhVien as unknown[]), ...(record.thanhVien as unknown[])];
    expect(parsed(record).snapshot.roles.filter((holder) => holder.role === 'owner')).toHaveLength(1);
  });

  it('the event ids derive from maThayDoi and what changed', () => {
    const { snapshot, time } = parsed(exports[0]!.record);
    const ids = diffEnterpriseSnapshots(undefined, snapshot, time).map((mapped) => mapped.event.id);
    expect(ids).toEqual(['DN-2025-000987/status', 'DN-2025-000987/role-assigned/legal-representative/001203012345', 'DN-2025-000987/role-assigned/owner/001203012345']);
  });
});

describe.each(unmappable)('an unmappable export: $description', (fixture) => {
  it(`is refused naming ${fixture.pointers.join(', ')}`, () => {
    const result = parseEnterpriseSnapshot(structuredClone(fixture.record));
    expect(result.ok).toBe(false);
    const pointers = result.ok ? [] : result.errors.map((error) => error.pointer);
    for (const pointer of fixture.pointers) expect(pointers).toContain(pointer);
  });
});
