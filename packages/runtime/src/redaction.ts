// Personal data and secrets never reach a log line in clear. Declared once here for every service.
// Keys are matched by name at any depth of a logged object; strings are scrubbed of personal IDs
// (12-digit numbers, e.g. in a URL such as /v1/citizens/001203012345).

export const REDACTED = '[redacted]';

/** Field names (canonical and the registries' native Vietnamese names) that hold personal or secret data. */
export const REDACTED_KEYS: ReadonlySet<string> = new Set([
  // identity
  'personalId', 'soDinhDanh', 'fullName', 'hoTen', 'dateOfBirth', 'ngaySinh', 'dateOfDeath', 'ngayMat',
  'address', 'diaChi', 'householdId', 'maHo',
  // judicial
  'judgmentNo', 'soBanAn', 'offence', 'toiDanh', 'sentence', 'hinhPhat', 'court', 'toaAn', 'convictions', 'bans',
  // secrets
  'authorization', 'Authorization', 'apiKey', 'key', 'password', 'secret', 'token', 'cookie',
]);

const PERSONAL_ID_IN_TEXT = /(?<!\d)\d{12}(?!\d)/g;
const MAX_DEPTH = 8;

export function scrubText(text: string): string {
  return text.replace(PERSONAL_ID_IN_TEXT, '************');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Returns a copy of a log object with personal data masked; leaves non-plain objects to their serializers. */
export function redactPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, depth + 1));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = REDACTED_KEYS.has(key) && item !== null && item !== undefined ? REDACTED : redactPersonalData(item, depth + 1);
  }
  return copy;
}
