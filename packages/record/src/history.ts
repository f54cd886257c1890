// History as portals read it (record.md §4): newest first, paginated by an opaque cursor.
import type { HistoryEntry, PersonState } from './state.ts';

export interface HistoryItem {
  eventId: string;
  source: string;
  type: string;
  time: string;
  receivedAt: string | null;
  outcome: HistoryEntry['outcome'];
}

export interface HistoryPage {
  items: HistoryItem[];
  nextCursor: string | null;
}

export function historyPage(
  state: PersonState,
  { limit, cursor, include = () => true }: { limit: number; cursor?: string | null; include?: (entry: HistoryItem) => boolean },
): HistoryPage {
  const visible = state.history.filter((entry) => include(entry));
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0;
  const offset = Number.isInteger(start) && start >= 0 ? start : 0;
  const slice = visible.slice(offset, offset + limit);
  const next = offset + limit < visible.length ? Buffer.from(String(offset + limit), 'utf8').toString('base64url') : null;
  return {
    items: slice.map(({ eventId, source, type, time, receivedAt, outcome }) => ({ eventId, source, type, time, receivedAt, outcome })),
    nextCursor: next,
  };
}
