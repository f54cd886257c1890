// An HTTP change feed (events.md §4): `GET <feed>?since=<cursor>&limit=N` answers
// `{ "records": [ …native… ], "next": "<cursor>" }`. The cursor is kept in Redis per feed URL and
// moved to `next` only when the page's events are in Kafka; the first request carries no `since`.
import { createHash } from 'node:crypto';
import type { Registry } from '@lgsp/contract';
import type { RedisClient } from '@lgsp/redis';
import { adapterKey } from '../state/keys.ts';
import { SourceUnavailableError, type PulledPage, type PullSource } from './pull-source.ts';

export interface FeedSourceOptions {
  url: string;
  limit: number;
  timeoutMs: number;
  redis: RedisClient;
  keyPrefix: string;
  registry: Registry;
  service: string;
}

interface FeedPage {
  records: unknown[];
  next: string;
}

function isFeedPage(value: unknown): value is FeedPage {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  return Array.isArray(page.records) && typeof page.next === 'string';
}

/** The Redis key of a feed's cursor: a new feed URL starts from its beginning. */
export function feedCursorKey(keyPrefix: string, registry: Registry, url: string): string {
  return adapterKey(keyPrefix, registry, 'pull', 'feed', createHash('sha256').update(url).digest('hex').slice(0, 16), 'cursor');
}

export function createFeedSource({ url, limit, timeoutMs, redis, keyPrefix, registry, service }: FeedSourceOptions): PullSource {
  const cursorKey = feedCursorKey(keyPrefix, registry, url);

  const fetchPage = async (cursor: string | null): Promise<FeedPage> => {
    const request = new URL(url);
    if (cursor !== null) request.searchParams.set('since', cursor);
    request.searchParams.set('limit', String(limit));
    let response: Response;
    try {
      response = await fetch(request, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    } catch (error) {
      throw new SourceUnavailableError(`the feed did not answer: ${(error as Error).message}`, { cause: error });
    }
    if (!response.ok) throw new SourceUnavailableError(`the feed answered ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new SourceUnavailableError('the feed answered something that is not JSON', { cause: error });
    }
    if (!isFeedPage(body)) throw new SourceUnavailableError('the feed answered JSON without records[] and next');
    return body;
  };

  return {
    nextPage: async (): Promise<PulledPage | undefined> => {
      const cursor = await redis.get(cursorKey);
      const page = await fetchPage(cursor);
      // An empty page that moves the cursor is still a page: its advance() records the new cursor.
      if (page.records.length === 0 && page.next === (cursor ?? '')) return undefined;
      return {
        origin: url,
        items: page.records.map((value, index) => ({ ref: `${service}:feed:${cursor ?? ''}:${index}`, value })),
        advance: async () => {
          await redis.set(cursorKey, page.next);
        },
      };
    },
  };
}
