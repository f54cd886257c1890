// Turns ajv's errors into the hub's `{ pointer, message }`, pointers relative to the event
// (`/data/areaM2`), messages a registry's developer can act on. Keeps one problem per pointer:
// a value that breaks two keywords (pattern and format) is one thing to fix.
import type { ErrorObject } from 'ajv';
import { validationIssuesToFields, type ProblemField } from '@lgsp/runtime';
import { TIMESTAMP_PATTERN } from '../schemas/envelope.ts';

const TIMESTAMP_MESSAGE = 'must be an RFC 3339 date-time with offset, e.g. 2025-07-01T08:00:00+07:00';

function messageOf(issue: ErrorObject): string | undefined {
  const params = issue.params as Record<string, unknown>;
  switch (issue.keyword) {
    case 'format':
      if (params.format === 'date') return 'must be a calendar date YYYY-MM-DD';
      if (params.format === 'date-time') return TIMESTAMP_MESSAGE;
      return undefined;
    case 'pattern':
      return params.pattern === TIMESTAMP_PATTERN ? TIMESTAMP_MESSAGE : undefined;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((value) => String(value)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return undefined;
  }
}

export function problemFieldsOf(issues: readonly ErrorObject[], prefix = ''): ProblemField[] {
  const fields = validationIssuesToFields(issues, prefix);
  return fields.map((field, index) => ({ pointer: field.pointer, message: messageOf(issues[index]!) ?? field.message }));
}

/** Problems collected across the envelope, the data and the cross-field rules; first per pointer wins. */
export class ProblemCollector {
  readonly #byPointer = new Map<string, ProblemField>();

  add(field: ProblemField): void {
    if (!this.#byPointer.has(field.pointer)) this.#byPointer.set(field.pointer, field);
  }

  addAll(fields: readonly ProblemField[]): void {
    for (const field of fields) this.add(field);
  }

  has(pointer: string): boolean {
    return this.#byPointer.has(pointer);
  }

  get isEmpty(): boolean {
    return this.#byPointer.size === 0;
  }

  list(): ProblemField[] {
    return [...this.#byPointer.values()];
  }
}
