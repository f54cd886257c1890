// Turns request text into what the ingest core takes: CloudEvents (one, or a batch) and native records
// (one JSON object, or NDJSON). Malformed JSON is a 400 naming where; too many items a 413.
import { Errors } from '@lgsp/runtime';
import { AdapterErrors } from '../errors.ts';
import type { EventsBody } from '../ingest/accept-events.ts';
import type { NativeRecord } from '../ingest/accept-records.ts';
import { MAX_EVENTS_PER_BATCH, MAX_NDJSON_LINES } from '../limits.ts';

function jsonProblem(error: unknown): string {
  return error instanceof Error ? error.message : 'is not JSON';
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw Errors.MalformedJson({ detail: `The body is not valid JSON: ${jsonProblem(error)}`, errors: [{ pointer: '', message: jsonProblem(error) }] });
  }
}

export function parseEventsBody(text: string, batch: boolean): EventsBody {
  const parsed = parseJson(text);
  if (!batch) return { events: [parsed], batch: false };
  if (!Array.isArray(parsed)) {
    throw AdapterErrors.EventsInvalid({ detail: 'A batch is a JSON array of events', errors: [{ pointer: '', message: 'must be a JSON array of CloudEvents' }] });
  }
  if (parsed.length > MAX_EVENTS_PER_BATCH) {
    throw Errors.PayloadTooLarge({ detail: `A batch holds at most ${MAX_EVENTS_PER_BATCH} events; this one holds ${parsed.length}` });
  }
  return { events: parsed, batch: true };
}

/** One record per non-blank line; a record's pointer is its 0-based line index, so `/7` is line 8. */
export function parseNdjson(text: string): NativeRecord[] {
  const lines = text.split('\n');
  let filled = 0;
  for (const line of lines) if (line.trim() !== '') filled += 1;
  if (filled > MAX_NDJSON_LINES) {
    throw Errors.PayloadTooLarge({ detail: `An NDJSON body holds at most ${MAX_NDJSON_LINES} records; this one holds ${filled}` });
  }
  const records: NativeRecord[] = [];
  const malformed: Array<{ pointer: string; message: string }> = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push({ value: JSON.parse(line), pointer: `/${index}` });
    } catch (error) {
      malformed.push({ pointer: `/${index}`, message: `line ${index + 1} is not valid JSON: ${jsonProblem(error)}` });
    }
  });
  if (malformed.length > 0) {
    const where = malformed.length === 1 ? `line ${Number(malformed[0]!.pointer.slice(1)) + 1}` : `${malformed.length} lines`;
    throw Errors.MalformedJson({ detail: `NDJSON ${where} ${malformed.length === 1 ? 'is' : 'are'} not valid JSON; nothing was published`, errors: malformed });
  }
  return records;
}

export function parseSingleRecord(text: string): NativeRecord[] {
  return [{ value: parseJson(text), pointer: '' }];
}
