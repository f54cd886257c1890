// The snapshot store on a real Redis: an older snapshot never replaces a newer one, and an entity's
// lease is held by one request at a time (the other waits, then gets a retriable 503).
import { afterAll, describe, expect, it } from 'vitest';
import { closeRedis } from '@lgsp/redis';
import { isHubError } from '@lgsp/runtime';
import { testRedis, uniqueKeyPrefix } from '@lgsp/testkit';
import { createSnapshotStore } from '../src/state/snapshot-store.ts';

const redis = testRedis();
afterAll(() => closeRedis(redis));

describe('the snapshot store', () => {
  it('keeps the newer snapshot whatever order the writes come in', async () => {
    const store = createSnapshotStore<string>({ redis, keyPrefix: uniqueKeyPrefix(), registry: 'enterprise' });
    expect(await store.save('0101248141', { time: '2025-07-02T00:00:00+07:00', snapshot: 'newer' })).toBe(true);
    expect(await store.save('0101248141', { time: '2025-07-02T05:00:00+14:00', snapshot: 'older by the clock, later by the text' })).toBe(false);
    expect(await store.save('0101248141', { time: '2025-07-01T17:00:00Z', snapshot: 'same instant' })).toBe(true);
    expect((await store.load(['0101248141', '0300588569'])).get('0101248141')).toEqual({ time: '2025-07-01T17:00:00Z', snapshot: 'same instant' });
  });

  it('lets one request at a time hold an enterprise, and tells the other to retry', async () => {
    const store = createSnapshotStore<string>({ redis, keyPrefix: uniqueKeyPrefix(), registry: 'enterprise', leaseWaitMs: 200 });
    const lease = await store.lock(['0101248141', '0300588569']);
    const refused = await store.lock(['0300588569']).catch((error: unknown) => error);
    expect(isHubError(refused) && refused.status === 503 && refused.retriable).toBe(true);
    const waiting = store.lock(['0300588569']);
    await lease.release();
    await (await waiting).release();
  });
});
