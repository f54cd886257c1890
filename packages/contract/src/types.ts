// TypeScript types of the events, derived from the schema objects themselves (json-schema-to-ts),
// so the types cannot drift from what validation accepts.
import type { FromSchema } from 'json-schema-to-ts';
import type { cloudEventSchema } from './schemas/envelope.ts';
import type { EVENT_SCHEMAS, EventType, SchemaIdOf, SourceOf } from './schemas/catalogue.ts';

/** The envelope as the CloudEvents schema describes it, with `data` left open. */
export type CloudEvent = FromSchema<typeof cloudEventSchema>;

// Each type's data is computed once, into an interface: indexing a mapped type with a generic T
// would be rewritten to FromSchema<(typeof EVENT_SCHEMAS)[T]> and re-run over all 14 schemas at
// every use, past the compiler's instantiation depth. An interface's members are fixed types.
type DataByTypeMap = { [T in EventType]: FromSchema<(typeof EVENT_SCHEMAS)[T]> };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- being an interface is its whole job
interface DataByType extends DataByTypeMap {}

/** The `data` of one event type: `DataOf<'vn.lgsp.land.right-granted.v1'>`. */
export type DataOf<T extends EventType> = DataByType[T];

type EnvelopeAttributes = Omit<CloudEvent, 'type' | 'source' | 'dataschema' | 'data'>;

/** A valid event of one type: its source, dataschema and data narrowed to that type. */
export type EventOf<T extends EventType> = EnvelopeAttributes & {
  type: T;
  source: SourceOf<T>;
  dataschema: SchemaIdOf<T>;
  data: DataOf<T>;
};

/** Any valid hub event; `switch (event.type)` narrows `data`. */
export type HubEvent = { [T in EventType]: EventOf<T> }[EventType];
