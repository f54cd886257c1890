// What a native mapping produces: canonical events that are not validated yet, each with the native
// fields it was built from, so the contract's problems can be told in the registry's own terms
// (`/data/areaM2` of a land grant is `/thuaDat/dienTich` of the record the registry sent).
import { validateEvent, type CloudEvent, type HubEvent } from '@lgsp/contract';
import type { ProblemField } from '@lgsp/runtime';

export interface MappedEvent {
  event: CloudEvent;
  /** Canonical pointer (or a prefix of one, e.g. `/data/parcel`) → pointer into the native record. */
  origins: Readonly<Record<string, string>>;
}

/** A pure mapping's answer for one native record. */
export type MappingResult = { ok: true; events: MappedEvent[] } | { ok: false; errors: ProblemField[] };

/** The same after validation: what the kit publishes, or every problem in native terms. */
export type RecordOutcome = { ok: true; events: HubEvent[] } | { ok: false; errors: ProblemField[] };

export function mappedEvent(event: CloudEvent, origins: Readonly<Record<string, string>>): MappedEvent {
  return { event, origins };
}

/** Maps a problem's canonical pointer to the native field it came from, by the longest matching origin. */
export function nativeProblem(problem: ProblemField, mapped: MappedEvent): ProblemField {
  let best: string | undefined;
  for (const canonical of Object.keys(mapped.origins)) {
    const matches = problem.pointer === canonical || problem.pointer.startsWith(`${canonical}/`);
    if (matches && (best === undefined || canonical.length > best.length)) best = canonical;
  }
  if (best !== undefined) return { pointer: mapped.origins[best]! + problem.pointer.slice(best.length), message: problem.message };
  // Nothing in the record maps there (a value the mapping chose): say which event it is about.
  return { pointer: problem.pointer, message: `${problem.message} (in the mapped ${mapped.event.type} event)` };
}

/** Validates every mapped event; problems come back in native terms, one per pointer. */
export function validateMapped(mapped: readonly MappedEvent[]): RecordOutcome {
  const events: HubEvent[] = [];
  const problems = new Map<string, ProblemField>();
  for (const candidate of mapped) {
    const result = validateEvent(candidate.event);
    if (result.ok) {
      events.push(result.event);
      continue;
    }
    for (const problem of result.errors) {
      const native = nativeProblem(problem, candidate);
      if (!problems.has(native.pointer)) problems.set(native.pointer, native);
    }
  }
  return problems.size === 0 ? { ok: true, events } : { ok: false, errors: [...problems.values()] };
}
