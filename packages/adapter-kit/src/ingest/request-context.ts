// Who is asking and under which request: what the ingest core needs from the HTTP layer (or a pull run).
import type { AgencyPrincipal } from '@lgsp/policy';
import type { Logger } from '@lgsp/runtime';

export interface IngestRequest {
  agency: AgencyPrincipal;
  requestId: string;
  /** The caller's `traceparent` header, if any. */
  traceparent: string | string[] | undefined;
  /** Bound to the request id, so every line this request causes names it. */
  log: Logger;
}

/** A JSON pointer prefix for the n-th item of a body: `/3` in a batch, '' for a single item. */
export function itemPointer(batch: boolean, index: number): string {
  return batch ? `/${index}` : '';
}
