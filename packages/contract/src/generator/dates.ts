// Calendar arithmetic for generated data, in whole days and seconds from fixed starting points:
// generated data never depends on the wall clock.

const MS_PER_DAY = 86_400_000;

export function epochDayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

export function dateOfEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfEpochDay(epochDayOf(date) + days);
}

/** RFC 3339 at a fixed offset, to the second: `2025-07-01T08:00:00+07:00`. */
export function formatTime(epochMs: number, offsetMinutes = 7 * 60): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/** The calendar date of an RFC 3339 time in its own offset. */
export function dateOfTime(time: string): string {
  return time.slice(0, 10);
}
