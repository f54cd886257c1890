// Builds a canonical event of a type: the attributes that follow from the type (specversion, source,
// dataschema, datacontenttype) are filled in, so a mapping or a test states only what it knows.
// It does not validate; validateEvent does.
import { schemaIdOf, sourceOfType, type EventType } from './schemas/catalogue.ts';
import type { DataOf, EventOf } from './types.ts';

export interface EventFields<T extends EventType> {
  id: string;
  subject: string;
  time: string;
  data: DataOf<T>;
  sequence?: string;
  lgspreceivedat?: string;
  lgspagency?: string;
  traceparent?: string;
}

const OPTIONAL_ATTRIBUTES = ['sequence', 'lgspreceivedat', 'lgspagency', 'traceparent'] as const;

export function buildEvent<T extends EventType>(type: T, fields: EventFields<T>): EventOf<T> {
  const event: Record<string, unknown> = {
    specversion: '1.0',
    id: fields.id,
    source: sourceOfType(type),
    type,
    subject: fields.subject,
    time: fields.time,
    dataschema: schemaIdOf(type),
    datacontenttype: 'application/json',
  };
  // Absent, not undefined: an event must look the same after a trip through JSON or Kafka.
  for (const name of OPTIONAL_ATTRIBUTES) {
    if (fields[name] !== undefined) event[name] = fields[name];
  }
  event.data = fields.data;
  return event as EventOf<T>;
}
