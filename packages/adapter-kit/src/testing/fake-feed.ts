// A registry change feed served by a test (events.md §4) on 127.0.0.1: `GET /?since=<n>&limit=N`
// answers the records from position n, and `next` = the position after them. It can answer slowly, so
// a test can kill the adapter in the middle of a run, and can be made unreachable.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFeed {
  url: string;
  /** Every `since` the adapter asked for, in order. */
  requests: string[];
  /** While true, every request is answered 503. */
  down: boolean;
  close(): Promise<void>;
}

export async function startFakeFeed(records: readonly unknown[], { delayMs = 0 } = {}): Promise<FakeFeed> {
  const feed: FakeFeed = { url: '', requests: [], down: false, close: async () => {} };
  const server: Server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://feed').searchParams;
    const since = query.get('since') ?? '';
    feed.requests.push(since);
    const from = since === '' ? 0 : Number(since);
    const limit = Number(query.get('limit') ?? '100');
    setTimeout(() => {
      if (feed.down) {
        response.writeHead(503).end();
        return;
      }
      const page = records.slice(from, from + limit);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ records: page, next: String(from + page.length) }));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/changes`;
  feed.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return feed;
}
