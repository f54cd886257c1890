// Reads fields out of a native registry record by JSON pointer, checking each one's JSON type and
// collecting every problem at once as `{ pointer, message }` into the native record. Mappings use it so
// that an unmappable record is answered with every field that is wrong, named in the registry's terms.
// Forms (dates, identifiers, codes) are left to the contract's validation of the mapped event, whose
// problems are translated back to these same pointers (mapped-event.ts).
import type { ProblemField } from '@lgsp/runtime';

/** RFC 3339 with an offset: a registry's `thoiDiem` becomes the event's `time` and its dates. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface NativeReader {
  /** A required non-empty string. */
  string(pointer: string): string;
  optionalString(pointer: string): string | undefined;
  /** A required number. */
  number(pointer: string): number;
  optionalNumber(pointer: string): number | undefined;
  /** A required RFC 3339 time with offset that Date.parse understands. */
  timestamp(pointer: string): string;
  /** A required code, translated through `codes`; the message lists the codes it knows. */
  code<T>(pointer: string, codes: Readonly<Record<string, T>>): T;
  optionalCode<T>(pointer: string, codes: Readonly<Record<string, T>>): T | undefined;
  /** An array (possibly empty) when present; [] when absent. */
  array(pointer: string): unknown[];
  /** Whether anything is at the pointer (null counts as absent). */
  has(pointer: string): boolean;
  /** Reports a problem a mapping found itself. */
  report(pointer: string, message: string): void;
  readonly problems: readonly ProblemField[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unescape(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

type Found = { present: true; value: unknown } | { present: false; blockedAt?: string };

export function readNative(record: unknown): NativeReader {
  const problems: ProblemField[] = [];
  const reportedPointers = new Set<string>();
  const report = (pointer: string, message: string): void => {
    if (reportedPointers.has(pointer)) return;
    reportedPointers.add(pointer);
    problems.push({ pointer, message });
  };

  const find = (pointer: string): Found => {
    let current: unknown = record;
    let at = '';
    for (const token of pointer.split('/').slice(1)) {
      if (Array.isArray(current) && /^\d+$/.test(token)) {
        current = current[Number(token)];
      } else if (isRecord(current)) {
        current = Object.hasOwn(current, unescape(token)) ? current[unescape(token)] : undefined;
      } else {
        // A parent that is there but is not an object or array: that parent is what is wrong.
        return current === undefined || current === null ? { present: false } : { present: false, blockedAt: at };
      }
      at += `/${token}`;
    }
    return current === undefined || current === null ? { present: false } : { present: true, value: current };
  };

  const absent = (pointer: string, found: Found & { present: false }): undefined => {
    if (found.blockedAt !== undefined) report(found.blockedAt === '' ? '' : found.blockedAt, 'must be an object');
    else report(pointer, 'is required');
    return undefined;
  };

  const optionalString = (pointer: string): string | undefined => {
    const found = find(pointer);
    if (!found.present) {
      if (found.blockedAt !== undefined) report(found.blockedAt, 'must be an object');
      return undefined;
    }
    if (typeof found.value !== 'string' || found.value.trim() === '') {
      report(pointer, 'must be a non-empty string');
      return undefined;
    }
    return found.value;
  };

  const optionalNumber = (pointer: string): number | undefined => {
    const found = find(pointer);
    if (!found.present) {
      if (found.blockedAt !== undefined) report(found.blockedAt, 'must be an object');
      return undefined;
    }
    if (typeof found.value !== 'number' || !Number.isFinite(found.value)) {
      report(pointer, 'must be a number');
      return undefined;
    }
    return found.value;
  };

  const optionalCode = <T>(pointer: string, codes: Readonly<Record<string, T>>): T | undefined => {
    const value = optionalString(pointer);
    if (value === undefined) return undefined;
    if (!Object.hasOwn(codes, value)) {
      report(pointer, `must be one of: ${Object.keys(codes).join(', ')}`);
      return undefined;
    }
    return codes[value];
  };

  // A required value that is missing or wrong still yields a placeholder of its type, so a mapping can
  // go on reading the rest and report every problem; it never builds events once `problems` is not empty.
  const required = <T>(pointer: string, read: (pointer: string) => T | undefined, placeholder: T): T => {
    const found = find(pointer);
    if (!found.present) {
      absent(pointer, found);
      return placeholder;
    }
    return read(pointer) ?? placeholder;
  };

  if (!isRecord(record)) report('', 'must be a JSON object (one native record)');

  return {
    string: (pointer) => required(pointer, optionalString, ''),
    optionalString,
    number: (pointer) => required(pointer, optionalNumber, 0),
    optionalNumber,
    timestamp: (pointer) => {
      const value = required(pointer, optionalString, '');
      if (value !== '' && (!TIMESTAMP.test(value) || Number.isNaN(Date.parse(value)))) {
        report(pointer, 'must be an RFC 3339 date-time with offset, e.g. 2025-07-01T08:00:00+07:00');
      }
      return value;
    },
    code: <T>(pointer: string, codes: Readonly<Record<string, T>>): T =>
      required(pointer, (p) => optionalCode(p, codes), undefined as T) as T,
    optionalCode,
    array: (pointer) => {
      const found = find(pointer);
      if (!found.present) {
        if (found.blockedAt !== undefined) report(found.blockedAt, 'must be an object');
        return [];
      }
      if (!Array.isArray(found.value)) {
        report(pointer, 'must be an array');
        return [];
      }
      return found.value;
    },
    has: (pointer) => find(pointer).present,
    report,
    get problems() {
      return problems;
    },
  };
}

/** The calendar date of an RFC 3339 time as the registry wrote it (its own offset), e.g. `2025-07-01`. */
export function dateOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}
