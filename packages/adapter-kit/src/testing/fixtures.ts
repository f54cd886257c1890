// Fixture files of native mappings: data next to the tests that use them (style.md).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface MappingFixture {
  description: string;
  record: unknown;
  /** The canonical events the record maps to, without the attributes the hub adds on publishing. */
  events: Array<Record<string, unknown>>;
}

export interface UnmappableFixture {
  description: string;
  record: unknown;
  /** Pointers into the native record that the 422 (or dead letter) must name. */
  pointers: string[];
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Every `*.json` of a folder, by file name, in name order. */
export function readFixtureFolder<T>(dir: string): Array<{ name: string; fixture: T }> {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name: path.basename(name, '.json'), fixture: readJson<T>(path.join(dir, name)) }));
}
