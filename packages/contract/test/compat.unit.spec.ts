// The compatibility rule on schema objects: a new version must accept every event the old one did.
import { describe, expect, it } from 'vitest';
import { compareSchemas, EVENT_SCHEMAS, EVENT_TYPES, cloudEventSchema, type IncompatibilityKind } from '@lgsp/contract';

type Schema = Record<string, unknown>;

const released: Schema = {
  $id: 'urn:lgsp:schema:vn.lgsp.test.thing-happened.v1',
  type: 'object',
  required: ['personalId', 'areaM2'],
  properties: {
    personalId: { type: 'string', pattern: '^[0-9]{12}$' },
    areaM2: { type: 'number', exclusiveMinimum: 0, maximum: 1_000_000 },
    count: { type: 'integer', minimum: 0, maximum: 100 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    kind: { type: 'string', enum: ['permanent', 'temporary'] },
    version: { const: '1.0' },
    on: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' }, minItems: 0, maxItems: 10 },
    parcel: {
      type: 'object',
      required: ['mapSheet'],
      properties: { mapSheet: { type: 'integer', minimum: 1 }, note: { type: 'string' } },
      additionalProperties: false,
    },
    extra: { type: ['string', 'null'] },
    anything: {},
    step: { type: 'number', multipleOf: 10 },
  },
  additionalProperties: false,
};

function changed(edit: (schema: Schema & { properties: Record<string, Schema> }) => void): Schema {
  const copy = structuredClone(released) as Schema & { properties: Record<string, Schema> };
  edit(copy);
  return copy;
}

function findings(next: Schema): Array<{ kind: IncompatibilityKind; pointer: string }> {
  return compareSchemas(released, next).map(({ kind, pointer }) => ({ kind, pointer }));
}

describe('compareSchemas: breaking changes', () => {
  const cases: Array<[string, (schema: Schema & { properties: Record<string, Schema> }) => void, IncompatibilityKind, string]> = [
    ['a removed property, additional properties not allowed', (s) => delete s.properties.name, 'removed-property', '/properties/name'],
    ['a removed nested property', (s) => delete (s.properties.parcel!.properties as Schema).note, 'removed-property', '/properties/parcel/properties/note'],
    ['a newly required property', (s) => (s.required as string[]).push('name'), 'newly-required', '/required'],
    ['a newly required nested property', (s) => (s.properties.parcel!.required as string[]).push('note'), 'newly-required', '/properties/parcel/required'],
    ['a number narrowed to integer', (s) => (s.properties.areaM2!.type = 'integer'), 'narrowed-type', '/properties/areaM2/type'],
    ['null no longer allowed', (s) => (s.properties.extra!.type = 'string'), 'narrowed-type', '/properties/extra/type'],
    ['a type on what had none', (s) => (s.properties.anything = { type: 'string' }), 'narrowed-type', '/properties/anything/type'],
    ['an enum value removed', (s) => (s.properties.kind!.enum = ['permanent']), 'narrowed-enum', '/properties/kind/enum'],
    ['an enum added', (s) => (s.properties.name!.enum = ['a', 'b']), 'narrowed-enum', '/properties/name/enum'],
    ['a minimum raised', (s) => (s.properties.count!.minimum = 1), 'tighter-bound', '/properties/count/minimum'],
    ['a minimum added', (s) => (s.properties.on = { type: 'string', minLength: 3 }), 'tighter-bound', '/properties/on/minLength'],
    ['an inclusive minimum made exclusive', (s) => (s.properties.count = { type: 'integer', exclusiveMinimum: 0, maximum: 100 }), 'tighter-bound', '/properties/count/exclusiveMinimum'],
    ['an exclusive minimum raised', (s) => (s.properties.areaM2!.exclusiveMinimum = 1), 'tighter-bound', '/properties/areaM2/exclusiveMinimum'],
    ['a maximum lowered', (s) => (s.properties.count!.maximum = 99), 'tighter-bound', '/properties/count/maximum'],
    ['an exclusive maximum added', (s) => (s.properties.areaM2!.exclusiveMaximum = 500), 'tighter-bound', '/properties/areaM2/exclusiveMaximum'],
    ['a minLength raised', (s) => (s.properties.name!.minLength = 2), 'tighter-bound', '/properties/name/minLength'],
    ['a maxLength lowered', (s) => (s.properties.name!.maxLength = 100), 'tighter-bound', '/properties/name/maxLength'],
    ['a minItems raised', (s) => (s.properties.tags!.minItems = 1), 'tighter-bound', '/properties/tags/minItems'],
    ['a maxItems lowered', (s) => (s.properties.tags!.maxItems = 5), 'tighter-bound', '/properties/tags/maxItems'],
    ['items made unique', (s) => (s.properties.tags!.uniqueItems = true), 'tighter-bound', '/properties/tags/uniqueItems'],
    ['a multipleOf added', (s) => (s.properties.count!.multipleOf = 5), 'tighter-bound', '/properties/count/multipleOf'],
    ['a multipleOf made coarser', (s) => (s.properties.step!.multipleOf = 20), 'tighter-bound', '/properties/step/multipleOf'],
    ['an item schema narrowed', (s) => ((s.properties.tags!.items as Schema).maxLength = 20), 'tighter-bound', '/properties/tags/items/maxLength'],
    ['a pattern changed', (s) => (s.properties.personalId!.pattern = '^[0-9]{11,12}$'), 'pattern-changed', '/properties/personalId/pattern'],
    ['a pattern added', (s) => (s.properties.on = { type: 'string', pattern: '^x' }), 'pattern-changed', '/properties/on/pattern'],
    ['a const changed', (s) => (s.properties.version!.const = '1.1'), 'const-changed', '/properties/version/const'],
    ['a const added', (s) => (s.properties.on = { type: 'string', const: 'x' }), 'const-changed', '/properties/on/const'],
    ['a format added', (s) => (s.properties.on = { type: 'string', format: 'date' }), 'format-added', '/properties/on/format'],
    ['a format changed', (s) => (s.properties.on = { type: 'string', format: 'date-time' }), 'format-added', '/properties/on/format'],
    ['a combinator changed, which the checker cannot prove safe', (s) => (s.properties.on = { type: 'string', anyOf: [{ minLength: 1 }] }), 'unverifiable-change', '/properties/on/anyOf'],
    ['the $id changed', (s) => (s.$id = 'urn:lgsp:schema:vn.lgsp.test.thing-happened.v2'), 'schema-id-changed', '/$id'],
    ['a property made impossible', (s) => (s.properties.on = false as unknown as Schema), 'schema-rejects-everything', '/properties/on'],
  ];

  it.each(cases)('reports %s', (_name, edit, kind, pointer) => {
    expect(findings(changed(edit))).toContainEqual({ kind, pointer });
  });

  it('reports closing an object that allowed additional properties', () => {
    const open = { type: 'object', properties: { a: { type: 'string' } } };
    const closed = { ...open, additionalProperties: false };
    expect(compareSchemas(open, closed).map((problem) => problem.kind)).toEqual(['closed-additional-properties']);
  });

  it('reports a new property constrained where additional properties were allowed', () => {
    const open = { type: 'object', properties: {} };
    expect(compareSchemas(open, { type: 'object', properties: { a: { type: 'string' } } })).toMatchObject([{ kind: 'narrowed-type', pointer: '/properties/a/type' }]);
  });

  it('reports every breaking change in one schema, each at its own pointer', () => {
    const next = changed((s) => {
      delete s.properties.name;
      (s.required as string[]).push('count');
      s.properties.areaM2!.exclusiveMinimum = 10;
    });
    expect(findings(next)).toEqual([
      { kind: 'newly-required', pointer: '/required' },
      { kind: 'tighter-bound', pointer: '/properties/areaM2/exclusiveMinimum' },
      { kind: 'removed-property', pointer: '/properties/name' },
    ]);
  });
});

describe('compareSchemas: compatible changes', () => {
  const cases: Array<[string, (schema: Schema & { properties: Record<string, Schema> }) => void]> = [
    ['nothing changed', () => undefined],
    ['an optional property added to a closed object', (s) => (s.properties.added = { type: 'string', pattern: '^x$' })],
    ['a required property made optional', (s) => (s.required = ['personalId'])],
    ['an enum value added', (s) => (s.properties.kind!.enum = ['permanent', 'temporary', 'visiting'])],
    ['an enum turned into a superset const-free type', (s) => (s.properties.kind = { type: 'string' })],
    ['an integer widened to number', (s) => (s.properties.count!.type = 'number')],
    ['null allowed', (s) => (s.properties.on = { type: ['string', 'null'] })],
    ['a bound loosened', (s) => ((s.properties.count!.maximum = 1000), (s.properties.name!.minLength = 0))],
    ['an exclusive minimum made inclusive at the same value', (s) => (s.properties.areaM2 = { type: 'number', minimum: 0, maximum: 1_000_000 })],
    ['a pattern removed', (s) => delete s.properties.personalId!.pattern],
    ['a format removed', (s) => (s.properties.on = { type: 'string' })],
    ['descriptions, titles and examples edited', (s) => ((s.description = 'now documented'), (s.properties.name!.title = 'Full name'), (s.properties.name!.examples = ['An']))],
    ['additional properties opened', (s) => (s.additionalProperties = true)],
    ['a const widened to an enum containing it', (s) => (s.properties.version = { enum: ['1.0', '1.1'] })],
    ['a type declared on a const that already had it', (s) => (s.properties.version = { type: 'string', const: '1.0' })],
    ['a multipleOf relaxed to a divisor', (s) => (s.properties.step!.multipleOf = 5)],
  ];

  it.each(cases)('accepts %s', (_name, edit) => {
    expect(compareSchemas(released, changed(edit))).toEqual([]);
  });

  it("holds for every schema of the catalogue against itself", () => {
    for (const type of EVENT_TYPES) expect(compareSchemas(EVENT_SCHEMAS[type], EVENT_SCHEMAS[type])).toEqual([]);
    expect(compareSchemas(cloudEventSchema, cloudEventSchema)).toEqual([]);
  });
});
