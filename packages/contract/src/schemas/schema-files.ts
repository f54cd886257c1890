// The JSON files under `schemas/` are rendered from the schema modules, never edited by hand: they
// exist so the catalogue's history lives in git, where the compatibility check reads it, and so
// people and other tools can read the contract without TypeScript. A unit test fails when a file
// and its module disagree.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudEventSchema } from './envelope.ts';
import { EVENT_SCHEMAS, EVENT_TYPES, schemaFileOf } from './catalogue.ts';

export const ENVELOPE_SCHEMA_FILE = 'cloudevent.json';

/** The repository's `schemas/` folder. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../../../schemas/', import.meta.url));

export function renderSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Every schema file's path under `schemas/` and its exact content. */
export function renderSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>([[ENVELOPE_SCHEMA_FILE, renderSchema(cloudEventSchema)]]);
  for (const type of EVENT_TYPES) files.set(schemaFileOf(type), renderSchema(EVENT_SCHEMAS[type]));
  return files;
}

export async function writeSchemaFiles(schemasDir = SCHEMAS_DIR): Promise<string[]> {
  const written: string[] = [];
  for (const [path, content] of renderSchemaFiles()) {
    const target = join(schemasDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    written.push(path);
  }
  return written;
}
