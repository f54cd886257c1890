// The adapter kit's own error codes (api.md §1); 400, 401, 403, 413 and 415 are the runtime's shared
// Errors. Each code has one status; the runtime's error handler writes them as problem+json, and the
// rejection metric counts them by code.
import { defineError } from '@lgsp/runtime';

export const AdapterErrors = {
  /** One or more events break the contract; `errors` names each by index and pointer. */
  EventsInvalid: defineError('EVENTS_INVALID', 'Events do not satisfy the contract', 422),
  /** One or more native records cannot be mapped; `errors` names each field by pointer into the record. */
  RecordsUnmappable: defineError('RECORDS_UNMAPPABLE', 'Native records cannot be mapped', 422),
  /** Another request holds the state this one needs (an enterprise's last snapshot); retry shortly. */
  StateBusy: defineError('STATE_BUSY', 'Busy with a concurrent change', 503, { retriable: true }),
} as const;
