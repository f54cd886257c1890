// Sizes of requests and pages the citizen API accepts.
export const MAX_BATCH_IDS = 100;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
