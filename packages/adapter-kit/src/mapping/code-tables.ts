// Code tables: a registry's own codes translated to the contract's before a native record is mapped —
// a land office that still writes `DAT_O_DO_THI` where the contract wants `ODT`. Configured, not coded, so
// an operator can fix a mapping by editing a file and restarting the adapter, then re-drive the records
// dead-lettered meanwhile (`lgsp dlq redrive`): the letters keep the original record, untranslated.
// The file: `{ "<JSON pointer into the native record>": { "<registry code>": "<contract code>" } }`.
import fs from 'node:fs';
import { ConfigError } from '@lgsp/runtime';
import type { NativeMapper } from './native-mapper.ts';

export type CodeTables = ReadonlyMap<string, ReadonlyMap<string, string>>;

const VARIABLE = 'CODE_TABLES_FILE';

function tokensOf(pointer: string): string[] {
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Reads and checks the file; a fault stops start-up with one line naming the variable. */
export function loadCodeTables(file: string): CodeTables {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(VARIABLE, `${VARIABLE} ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(VARIABLE, `${VARIABLE} ${file} must hold an object of JSON pointers to tables`);
  const tables = new Map<string, Map<string, string>>();
  for (const [pointer, table] of Object.entries(parsed as Record<string, unknown>)) {
    if (!/^(\/[^/]+)+$/.test(pointer)) throw new ConfigError(VARIABLE, `${VARIABLE} ${file}: ${JSON.stringify(pointer)} is not a JSON pointer to a field (e.g. /thuaDat/mucDich)`);
    if (table === null || typeof table !== 'object' || Array.isArray(table)) throw new ConfigError(VARIABLE, `${VARIABLE} ${file}: the table at ${pointer} must be an object of codes`);
    const codes = new Map<string, string>();
    for (const [from, to] of Object.entries(table as Record<string, unknown>)) {
      if (typeof to !== 'string' || to === '') throw new ConfigError(VARIABLE, `${VARIABLE} ${file}: ${pointer} maps ${JSON.stringify(from)} to ${JSON.stringify(to)}, not to a code`);
      codes.set(from, to);
    }
    tables.set(pointer, codes);
  }
  return tables;
}

/** The record with every tabled code replaced; the record itself is never modified. */
export function translateCodes(record: unknown, tables: CodeTables): unknown {
  let result = record;
  for (const [pointer, codes] of tables) {
    const tokens = tokensOf(pointer);
    const current = valueAt(result, tokens);
    if (typeof current !== 'string') continue;
    const replacement = codes.get(current);
    if (replacement !== undefined) result = withValueAt(result, tokens, replacement);
  }
  return result;
}

function valueAt(value: unknown, tokens: readonly string[]): unknown {
  let at = value;
  for (const token of tokens) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, token)) return undefined;
    at = (at as Record<string, unknown>)[token];
  }
  return at;
}

function withValueAt(value: unknown, tokens: readonly string[], replacement: string): unknown {
  if (tokens.length === 0) return replacement;
  const [head, ...rest] = tokens as [string, ...string[]];
  const copy = Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[head] = withValueAt((value as Record<string, unknown>)[head], rest, replacement);
  return copy;
}

/** The mapper, fed records with their codes translated. */
export function withCodeTables(mapper: NativeMapper, tables: CodeTables | undefined): NativeMapper {
  if (!tables || tables.size === 0) return mapper;
  return { prepare: (records) => mapper.prepare(records.map((record) => translateCodes(record, tables))) };
}
