// How figures are written: grouped integers, rates with one decimal, shares as percentages, ages in words.
const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const percentage = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

export const DASH = '–';

export function count(value) {
  return value === null || value === undefined ? DASH : integer.format(value);
}

export function rate(value) {
  return value === null || value === undefined ? DASH : decimal.format(value);
}

export function share(value) {
  return value === null || value === undefined ? DASH : percentage.format(value);
}

export function age(seconds) {
  if (seconds === null || seconds === undefined) return DASH;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) return `${decimal.format(seconds / 3600)} h`;
  return `${decimal.format(seconds / 86400)} d`;
}

export function when(iso) {
  if (!iso) return DASH;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function sum(values) {
  return values.reduce((total, value) => total + (value ?? 0), 0);
}

/** `1 record`, `2 records`. */
export function plural(value, noun) {
  return `${count(value)} ${value === 1 ? noun : `${noun}s`}`;
}
