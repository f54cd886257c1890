// Validates one CloudEvent against the contract: envelope schema, the type's data schema, then the
// cross-field rules. Pure: never throws, never alters its input, and names every problem at once
// by a JSON pointer into the event.
import type { ProblemField } from '@lgsp/runtime';
import { isEventType } from '../schemas/catalogue.ts';
import type { HubEvent } from '../types.ts';
import { compiledContract } from './compile.ts';
import { ProblemCollector, problemFieldsOf } from './problem-fields.ts';
import { crossFieldProblems } from './rules.ts';

export type EventValidation = { ok: true; event: HubEvent } | { ok: false; errors: ProblemField[] };

const NOTHING_REPORTED = (): boolean => false;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateEvent(input: unknown): EventValidation {
  const { envelope, dataOf } = compiledContract();
  const envelopeValid = envelope(input);
  const envelopeErrors = envelope.errors;
  if (!isRecord(input)) return { ok: false, errors: problemFieldsOf(envelopeErrors ?? []) };

  const type = input.type;
  if (!isEventType(type)) {
    // An unknown type is one problem: its data has no schema to be wrong against.
    const problems = new ProblemCollector();
    problems.addAll(problemFieldsOf(envelopeErrors ?? []));
    problems.add({ pointer: '/type', message: 'is not an event type of the catalogue' });
    return { ok: false, errors: problems.list() };
  }

  const validateData = dataOf.get(type)!;
  // Data that is not an object is already the envelope's problem at /data.
  const dataChecked = isRecord(input.data);
  const dataValid = dataChecked && validateData(input.data);
  // The common case, a valid event, allocates nothing to collect problems it does not have.
  if (envelopeValid && dataValid) {
    const ruleProblems = crossFieldProblems({ event: input, type, reported: NOTHING_REPORTED });
    return ruleProblems.length === 0 ? { ok: true, event: input as HubEvent } : { ok: false, errors: ruleProblems };
  }

  const problems = new ProblemCollector();
  if (!envelopeValid) problems.addAll(problemFieldsOf(envelopeErrors ?? []));
  if (dataChecked && !dataValid) problems.addAll(problemFieldsOf(validateData.errors ?? [], '/data'));
  problems.addAll(crossFieldProblems({ event: input, type, reported: (pointer) => problems.has(pointer) }));
  return { ok: false, errors: problems.list() };
}
