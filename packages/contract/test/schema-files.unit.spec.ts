// The JSON files under schemas/ are the schema modules, rendered: same content, one file per type,
// named and identified as the catalogue says. Fix a failure with
// `node packages/contract/src/schemas/write-files-cli.ts`, never by editing the JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import {
  cloudEventSchema,
  createContractAjv,
  EVENT_SCHEMAS,
  EVENT_TYPES,
  eventTypeParts,
  eventTypesOfRegistry,
  REGISTRIES,
  registryOfType,
  renderSchemaFiles,
  SCHEMAS_DIR,
  schemaFileOf,
  schemaIdOf,
  sourceOfType,
} from '@lgsp/contract';

function jsonFilesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.json')).map((file) => file.split('\\').join('/'));
}

describe('the schema files', () => {
  it('are exactly the rendered schema modules, and nothing else', () => {
    const rendered = renderSchemaFiles();
    expect(jsonFilesUnder(SCHEMAS_DIR).sort()).toEqual([...rendered.keys()].sort());
    for (const [path, content] of rendered) expect(readFileSync(join(SCHEMAS_DIR, path), 'utf8'), path).toBe(content);
  });

  it('cover the 14 v1 types of the catalogue, one file per type under its registry', () => {
    expect(EVENT_TYPES).toHaveLength(14);
    expect(schemaFileOf('vn.lgsp.land.right-granted.v1')).toBe('land/right-granted.v1.json');
    for (const registry of REGISTRIES) expect(eventTypesOfRegistry(registry).length).toBeGreaterThan(0);
    expect(eventTypesOfRegistry('household')).toHaveLength(5);
  });

  it.each(EVENT_TYPES)("%s: $id is the type's schema URI, data is closed, draft 2020-12", (type) => {
    const schema = EVENT_SCHEMAS[type];
    expect(schema.$id).toBe(schemaIdOf(type));
    expect(schema.$id).toBe(`urn:lgsp:schema:${type}`);
    expect(schema.title).toBe(type);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(eventTypeParts(type)).toEqual({ registry: registryOfType(type), name: expect.any(String), version: 1 });
    expect(sourceOfType(type)).toBe(`urn:lgsp:registry:${registryOfType(type)}`);
  });

  it('is closed all the way down: every nested object forbids unknown members', () => {
    const openObjects: string[] = [];
    const walk = (node: unknown, pointer: string): void => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      // The envelope's data is the one open object: the type's own schema closes it.
      if (schema.type === 'object' && schema.additionalProperties !== false && pointer !== 'cloudevent/properties/data') openObjects.push(pointer);
      for (const [name, child] of Object.entries((schema.properties as Record<string, unknown>) ?? {})) walk(child, `${pointer}/properties/${name}`);
    };
    for (const type of EVENT_TYPES) walk(EVENT_SCHEMAS[type], type);
    walk(cloudEventSchema, 'cloudevent');
    expect(openObjects).toEqual([]);
  });

  it('compile under a strict ajv 2020 with formats', () => {
    const ajv = createContractAjv();
    expect(() => ajv.compile(cloudEventSchema)).not.toThrow();
    for (const type of EVENT_TYPES) expect(() => ajv.compile(EVENT_SCHEMAS[type])).not.toThrow();
    // And the files stand alone: a plain validator can load them without this package.
    const plain = new Ajv2020({ strict: false, validateFormats: false });
    for (const [path, content] of renderSchemaFiles()) expect(() => plain.compile(JSON.parse(content)), path).not.toThrow();
  });
});
