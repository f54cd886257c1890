// The push API's size limits (api.md §1), in one place so routes, tests and docs agree.

export const MAX_EVENTS_PER_BATCH = 1_000;
/** Bytes of a POST /v1/events body, single event or batch. */
export const MAX_EVENTS_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_NDJSON_LINES = 10_000;
/**
 * Bytes of a POST /v1/records body. The spec bounds NDJSON by lines; bytes are bounded too so that one
 * request cannot hold the process's memory: 10,000 lines of up to ~2 KiB each.
 */
export const MAX_RECORDS_BODY_BYTES = 20 * 1024 * 1024;
