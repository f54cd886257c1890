// Checks a policy document against its JSON Schema and describes the first fault in one line, pointing
// at the offending member itself (a missing or unknown key is named in the pointer).
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { PolicyFault } from './errors.ts';
import { pointerOf } from './json-pointer.ts';
import { FAULT_MESSAGES, policySchema, type PolicyDocument } from './schema.ts';

// The first fault is enough: a policy file is fixed and reloaded, and one precise line beats a list.
const validatePolicy = new Ajv2020({ allErrors: false, verbose: true, strict: true, coerceTypes: false, useDefaults: false }).compile<PolicyDocument>(
  policySchema,
);

const MAX_ECHO = 40;

// Which `$defs` entry a failing rule belongs to, by the rule's own schema object (ajv reports schema
// paths relative to whichever function it compiled a $ref into, so the path alone does not say).
const DEFINITION_OF: ReadonlyMap<object, string> = new Map(Object.entries(policySchema.$defs).map(([name, schema]) => [schema, name]));

export function findSchemaFault(document: unknown): PolicyFault | undefined {
  if (validatePolicy(document)) return undefined;
  const [error] = validatePolicy.errors ?? [];
  return error ? describeSchemaError(error) : { pointer: '', message: 'does not match the policy schema' };
}

export function isPolicyDocument(document: unknown): document is PolicyDocument {
  return validatePolicy(document);
}

function describeSchemaError(error: ErrorObject): PolicyFault {
  const params = error.params as Record<string, unknown>;
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  switch (error.keyword) {
    case 'required':
      return { pointer: childPointer(error.instancePath, String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { pointer: childPointer(error.instancePath, String(params.additionalProperty)), message: 'is not an allowed property' };
    default:
      break;
  }
  // A purpose name that breaks its rule is reported at the name itself.
  const pointer = propertyName === undefined ? error.instancePath : childPointer(error.instancePath, propertyName);
  return { pointer, message: faultMessage(error, propertyName) };
}

function faultMessage(error: ErrorObject, propertyName: string | undefined): string {
  const definition = DEFINITION_OF.get(error.parentSchema as object);
  const known = definition === undefined ? undefined : (FAULT_MESSAGES[`${definition}/${error.keyword}`] ?? FAULT_MESSAGES[definition]);
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    return `${known ?? `must be one of ${allowed.join(', ')}`} (got ${echo(error.data)})`;
  }
  if (known !== undefined) return propertyName === undefined ? known : `${known} (got ${echo(propertyName)})`;
  if (error.keyword === 'type' && error.instancePath === '') return 'must be a JSON object with environment, agencies, consumers and operators';
  // Numbers are safe and useful to echo (a rate limit of 0, 1.5); strings might be a pasted key.
  if (typeof error.data === 'number') return `${error.message ?? 'is invalid'} (got ${error.data})`;
  return error.message ?? 'is invalid';
}

function echo(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}

function childPointer(parent: string, key: string): string {
  return parent + pointerOf(key);
}
