// Reads a person's access log, newest first, a page at a time.
import type { RedisClient } from '@lgsp/redis';
import { accessLogItemOf, type AccessLogItem } from './item.ts';
import { accessLogKey } from './keys.ts';

export interface AccessLogPage {
  items: AccessLogItem[];
  nextCursor: string | null;
}

export async function accessLogPage(redis: RedisClient, keyPrefix: string, personalId: string, { limit, cursor }: { limit: number; cursor?: string | undefined }): Promise<AccessLogPage> {
  const decoded = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0;
  const start = Number.isInteger(decoded) && decoded >= 0 ? decoded : 0;
  // One more than asked tells whether another page follows.
  const members = await redis.zrevrange(accessLogKey(keyPrefix, personalId), start, start + limit);
  const items = members.slice(0, limit).map(accessLogItemOf);
  const nextCursor = members.length > limit ? Buffer.from(String(start + limit), 'utf8').toString('base64url') : null;
  return { items, nextCursor };
}
