// The order of changes: by the registry's clock (`time`), ties broken by `sequence`, then by `id`
// (record.md §2). Times are normalised to UTC with nanosecond digits so that plain string comparison
// orders them exactly, whatever offset or fraction the registry wrote.

/** `[normalised time, sequence or '', id]`, compared element by element. */
export type Stamp = readonly [time: string, sequence: string, id: string];

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** `2025-07-01T08:00:00.5+07:00` → `2025-07-01T01:00:00.500000000Z`. */
export function normaliseTime(time: string): string {
  const match = RFC3339.exec(time);
  if (!match) throw new RangeError(`not an RFC 3339 time with offset: ${time}`);
  const [, year, month, day, hour, minute, second, fraction = '', zulu, sign, offsetHours, offsetMinutes] = match;
  let epochMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (!zulu) {
    const offsetMs = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
    epochMs += sign === '+' ? -offsetMs : offsetMs;
  }
  const whole = new Date(epochMs).toISOString().slice(0, 19);
  return `${whole}.${fraction.padEnd(9, '0')}Z`;
}

export function stampOf(event: { time: string; sequence?: string; id: string }): Stamp {
  return [normaliseTime(event.time), event.sequence ?? '', event.id];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareStamps(a: Stamp, b: Stamp): number {
  return compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]) || compareStrings(a[2], b[2]);
}

/** True when `candidate` is newer than `current` (or there is no current). */
export function isNewer(candidate: Stamp, current: Stamp | undefined): boolean {
  return current === undefined || compareStamps(candidate, current) > 0;
}
