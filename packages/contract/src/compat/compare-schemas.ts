// Does a new version of a schema accept every instance the old one accepted? Walks both schemas
// together and reports each change that could reject an old-valid event, by JSON pointer into the
// schema. Sound, not complete: a change it cannot prove safe (a new pattern, a changed anyOf) is
// reported, because the cost of a false alarm is a `.v2` file and the cost of a miss is lost data.

export type IncompatibilityKind =
  | 'schema-id-changed'
  | 'schema-rejects-everything'
  | 'narrowed-type'
  | 'narrowed-enum'
  | 'const-changed'
  | 'newly-required'
  | 'removed-property'
  | 'closed-additional-properties'
  | 'tighter-bound'
  | 'pattern-changed'
  | 'format-added'
  | 'unverifiable-change';

export interface Incompatibility {
  kind: IncompatibilityKind;
  /** JSON pointer into the schema, e.g. `/properties/areaM2/exclusiveMinimum`. */
  pointer: string;
  message: string;
}

type Schema = boolean | Record<string, unknown>;
type SchemaObject = Record<string, unknown>;

// Keywords that describe and never constrain.
const ANNOTATIONS = new Set(['$schema', '$comment', 'title', 'description', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', '$anchor', 'contentMediaType', 'contentEncoding']);
// Keywords this checker understands; a change in any other keyword is reported as unverifiable.
const HANDLED = new Set([
  '$id', 'type', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'items', 'pattern', 'format', 'uniqueItems',
  'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'multipleOf',
]);
// Upper bounds on a count: a smaller value is tighter. Lower bounds: a larger value is tighter.
const COUNT_MAXIMUMS = ['maxLength', 'maxItems', 'maxProperties'] as const;
const COUNT_MINIMUMS = ['minLength', 'minItems', 'minProperties'] as const;

function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as SchemaObject)[key])]));
  }
  return value;
}

function asObject(schema: Schema): SchemaObject | undefined {
  if (schema === true) return {};
  if (schema === false) return undefined;
  return schema;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function declaredTypes(schema: SchemaObject): Set<string> | undefined {
  const type = schema.type;
  return type === undefined ? undefined : new Set(Array.isArray(type) ? (type as string[]) : [type as string]);
}

/** The types a schema allows: its `type`, or else those of its const/enum values, or else any. */
function typesOf(schema: SchemaObject): Set<string> | undefined {
  const declared = declaredTypes(schema);
  if (declared) return declared;
  if (schema.const !== undefined) return new Set([jsonTypeOf(schema.const)]);
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map(jsonTypeOf));
  return undefined;
}

/** Every type the old schema allows is still allowed (an old integer is a new number). */
function typeNarrowed(oldTypes: Set<string> | undefined, newTypes: Set<string> | undefined): string[] {
  if (newTypes === undefined) return [];
  const everything = ['null', 'boolean', 'object', 'array', 'number', 'string'];
  const before = oldTypes ?? new Set(everything);
  return [...before].filter((type) => !newTypes.has(type) && !(type === 'integer' && newTypes.has('number')));
}

interface Bound {
  value: number;
  exclusive: boolean;
}

function lowerBound(schema: SchemaObject): Bound | undefined {
  const inclusive = typeof schema.minimum === 'number' ? { value: schema.minimum, exclusive: false } : undefined;
  const exclusive = typeof schema.exclusiveMinimum === 'number' ? { value: schema.exclusiveMinimum, exclusive: true } : undefined;
  if (!inclusive || !exclusive) return inclusive ?? exclusive;
  return exclusive.value >= inclusive.value ? exclusive : inclusive;
}

function upperBound(schema: SchemaObject): Bound | undefined {
  const inclusive = typeof schema.maximum === 'number' ? { value: schema.maximum, exclusive: false } : undefined;
  const exclusive = typeof schema.exclusiveMaximum === 'number' ? { value: schema.exclusiveMaximum, exclusive: true } : undefined;
  if (!inclusive || !exclusive) return inclusive ?? exclusive;
  return exclusive.value <= inclusive.value ? exclusive : inclusive;
}

function describeBound(bound: Bound | undefined, side: 'lower' | 'upper'): string {
  if (!bound) return 'none';
  const sign = side === 'lower' ? (bound.exclusive ? '>' : '≥') : bound.exclusive ? '<' : '≤';
  return `${sign} ${bound.value}`;
}

function lowerTightened(before: Bound | undefined, after: Bound | undefined): boolean {
  if (!after) return false;
  if (!before) return true;
  return after.value > before.value || (after.value === before.value && after.exclusive && !before.exclusive);
}

function upperTightened(before: Bound | undefined, after: Bound | undefined): boolean {
  if (!after) return false;
  if (!before) return true;
  return after.value < before.value || (after.value === before.value && after.exclusive && !before.exclusive);
}

/** The problems that would make `next` reject something `previous` accepted. */
export function compareSchemas(previous: Schema, next: Schema, pointer = ''): Incompatibility[] {
  const problems: Incompatibility[] = [];
  const report = (kind: IncompatibilityKind, at: string, message: string): void => {
    problems.push({ kind, pointer: at, message });
  };
  if (deepEqual(previous, next)) return problems;
  const before = asObject(previous);
  if (!before) return problems; // the old schema accepted nothing, so nothing can be lost
  const after = asObject(next);
  if (!after) {
    report('schema-rejects-everything', pointer, 'the schema became false and rejects every value');
    return problems;
  }
  if (pointer === '' && before.$id !== undefined && before.$id !== after.$id) {
    report('schema-id-changed', '/$id', `$id changed from ${String(before.$id)} to ${String(after.$id)}: events naming the old URI would no longer match`);
  }

  // Only a declared type narrows here; a new enum or const is reported as such.
  const lostTypes = typeNarrowed(typesOf(before), declaredTypes(after));
  if (lostTypes.length > 0) report('narrowed-type', `${pointer}/type`, `no longer allows type ${lostTypes.join(', ')}`);

  compareValueSets(before, after, pointer, report);
  compareObjectKeywords(before, after, pointer, report, problems);

  const lowerBefore = lowerBound(before);
  const lowerAfter = lowerBound(after);
  if (lowerTightened(lowerBefore, lowerAfter)) {
    const keyword = after.exclusiveMinimum !== undefined && lowerAfter?.exclusive ? 'exclusiveMinimum' : 'minimum';
    report('tighter-bound', `${pointer}/${keyword}`, `lower bound went from ${describeBound(lowerBefore, 'lower')} to ${describeBound(lowerAfter, 'lower')}`);
  }
  const upperBefore = upperBound(before);
  const upperAfter = upperBound(after);
  if (upperTightened(upperBefore, upperAfter)) {
    const keyword = after.exclusiveMaximum !== undefined && upperAfter?.exclusive ? 'exclusiveMaximum' : 'maximum';
    report('tighter-bound', `${pointer}/${keyword}`, `upper bound went from ${describeBound(upperBefore, 'upper')} to ${describeBound(upperAfter, 'upper')}`);
  }
  for (const keyword of COUNT_MINIMUMS) {
    const was = before[keyword] as number | undefined;
    const now = after[keyword] as number | undefined;
    if (now !== undefined && (was === undefined || now > was)) report('tighter-bound', `${pointer}/${keyword}`, `${keyword} went from ${was ?? 'none'} to ${now}`);
  }
  for (const keyword of COUNT_MAXIMUMS) {
    const was = before[keyword] as number | undefined;
    const now = after[keyword] as number | undefined;
    if (now !== undefined && (was === undefined || now < was)) report('tighter-bound', `${pointer}/${keyword}`, `${keyword} went from ${was ?? 'none'} to ${now}`);
  }
  if (after.multipleOf !== undefined && !(typeof before.multipleOf === 'number' && typeof after.multipleOf === 'number' && Number.isInteger(before.multipleOf / after.multipleOf))) {
    report('tighter-bound', `${pointer}/multipleOf`, `multipleOf went from ${String(before.multipleOf ?? 'none')} to ${String(after.multipleOf)}`);
  }

  if (after.pattern !== undefined && after.pattern !== before.pattern) {
    report('pattern-changed', `${pointer}/pattern`, `pattern went from ${before.pattern === undefined ? 'none' : JSON.stringify(before.pattern)} to ${JSON.stringify(after.pattern)}`);
  }
  if (after.format !== undefined && after.format !== before.format) {
    report('format-added', `${pointer}/format`, `format went from ${before.format === undefined ? 'none' : JSON.stringify(before.format)} to ${JSON.stringify(after.format)}`);
  }
  if (after.uniqueItems === true && before.uniqueItems !== true) report('tighter-bound', `${pointer}/uniqueItems`, 'items must now be unique');

  if (before.items !== undefined || after.items !== undefined) {
    problems.push(...compareSchemas((before.items as Schema | undefined) ?? true, (after.items as Schema | undefined) ?? true, `${pointer}/items`));
  }

  for (const keyword of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (HANDLED.has(keyword) || ANNOTATIONS.has(keyword)) continue;
    if (!deepEqual(before[keyword], after[keyword])) {
      report('unverifiable-change', `${pointer}/${escapeToken(keyword)}`, `${keyword} changed, and this checker cannot prove the new one accepts what the old one did`);
    }
  }
  return problems;
}

type Report = (kind: IncompatibilityKind, at: string, message: string) => void;

/** enum and const: the new set of allowed values must contain the old one. */
function compareValueSets(before: SchemaObject, after: SchemaObject, pointer: string, report: Report): void {
  const allowedBefore: unknown[] | undefined = before.const !== undefined ? [before.const] : (before.enum as unknown[] | undefined);
  if (after.const !== undefined) {
    const lost = allowedBefore === undefined || allowedBefore.some((value) => !deepEqual(value, after.const));
    if (lost) report('const-changed', `${pointer}/const`, `const went from ${before.const === undefined ? 'none' : JSON.stringify(before.const)} to ${JSON.stringify(after.const)}`);
  }
  if (after.enum !== undefined) {
    const allowedAfter = after.enum as unknown[];
    if (allowedBefore === undefined) {
      report('narrowed-enum', `${pointer}/enum`, `an enum was added: only ${JSON.stringify(allowedAfter)} are allowed now`);
    } else {
      const lost = allowedBefore.filter((value) => !allowedAfter.some((allowed) => deepEqual(allowed, value)));
      if (lost.length > 0) report('narrowed-enum', `${pointer}/enum`, `no longer allows ${lost.map((value) => JSON.stringify(value)).join(', ')}`);
    }
  }
}

/** required, properties and additionalProperties, recursing into each property both versions know. */
function compareObjectKeywords(before: SchemaObject, after: SchemaObject, pointer: string, report: Report, problems: Incompatibility[]): void {
  const requiredBefore = new Set((before.required as string[] | undefined) ?? []);
  for (const name of (after.required as string[] | undefined) ?? []) {
    if (!requiredBefore.has(name)) report('newly-required', `${pointer}/required`, `${name} is now required`);
  }

  const propertiesBefore = (before.properties as Record<string, Schema> | undefined) ?? {};
  const propertiesAfter = (after.properties as Record<string, Schema> | undefined) ?? {};
  // What an unnamed member may be: true when additionalProperties is absent.
  const additionalBefore = (before.additionalProperties as Schema | undefined) ?? true;
  const additionalAfter = (after.additionalProperties as Schema | undefined) ?? true;

  for (const [name, schemaBefore] of Object.entries(propertiesBefore)) {
    const at = `${pointer}/properties/${escapeToken(name)}`;
    const schemaAfter = propertiesAfter[name];
    if (schemaAfter !== undefined) {
      problems.push(...compareSchemas(schemaBefore, schemaAfter, at));
    } else if (additionalAfter === false) {
      if (schemaBefore !== false) report('removed-property', at, `${name} was removed and additional properties are not allowed`);
    } else {
      problems.push(...compareSchemas(schemaBefore, additionalAfter, at));
    }
  }
  // A property the old schema did not name was governed by its additionalProperties.
  for (const [name, schemaAfter] of Object.entries(propertiesAfter)) {
    if (name in propertiesBefore) continue;
    problems.push(...compareSchemas(additionalBefore, schemaAfter, `${pointer}/properties/${escapeToken(name)}`));
  }
  if (additionalAfter === false && additionalBefore !== false) {
    report('closed-additional-properties', `${pointer}/additionalProperties`, 'additional properties were allowed and no longer are');
  } else if (additionalAfter !== false && additionalBefore !== false && additionalAfter !== true) {
    // Only a schema can narrow what unnamed members may be; `true` (or absent) allows anything.
    problems.push(...compareSchemas(additionalBefore, additionalAfter, `${pointer}/additionalProperties`));
  }
}
