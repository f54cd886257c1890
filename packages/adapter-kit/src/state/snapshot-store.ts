// The last accepted snapshot of each entity (an enterprise), kept durably in Redis for registries that
// export whole snapshots instead of changes. Writes are compare-and-set on the snapshot's registry time,
// so an older snapshot never replaces a newer one, whatever order writers finish in; a per-entity lease
// keeps two requests from diffing against the same previous snapshot at once.
import type { Registry } from '@lgsp/contract';
import type { RedisClient } from '@lgsp/redis';
import { AdapterErrors } from '../errors.ts';
import { adapterKey } from './keys.ts';
import { acquireLease, type Lease } from './redis-lock.ts';

export interface StoredSnapshot<S> {
  /** The registry's time of the snapshot (RFC 3339), which orders snapshots. */
  time: string;
  snapshot: S;
}

export interface SnapshotStore<S> {
  /** Holds every entity's lease; a 503 STATE_BUSY when another request keeps one past the wait. */
  lock(entities: readonly string[]): Promise<Lease>;
  load(entities: readonly string[]): Promise<Map<string, StoredSnapshot<S>>>;
  /** Stores unless a newer snapshot is there already; false when it was not stored. */
  save(entity: string, stored: StoredSnapshot<S>): Promise<boolean>;
}

export interface SnapshotStoreOptions {
  redis: RedisClient;
  keyPrefix: string;
  registry: Registry;
  /** Longer than a publish can take (PUBLISH_TIMEOUT_MS), so a lease never runs out under a live request. */
  leaseTtlMs?: number;
  leaseWaitMs?: number;
}

const SAVE_IF_NOT_OLDER = `
local stored = redis.call('HGET', KEYS[1], 'timeMs')
if stored and tonumber(stored) > tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'timeMs', ARGV[1], 'snapshot', ARGV[2])
return 1`;

export function createSnapshotStore<S>({ redis, keyPrefix, registry, leaseTtlMs = 60_000, leaseWaitMs = 5_000 }: SnapshotStoreOptions): SnapshotStore<S> {
  const snapshotKey = (entity: string): string => adapterKey(keyPrefix, registry, 'snapshot', `{${entity}}`);
  const leaseKey = (entity: string): string => adapterKey(keyPrefix, registry, 'snapshot-lease', `{${entity}}`);

  return {
    lock: async (entities) => {
      const lease = await acquireLease(redis, entities.map(leaseKey), { ttlMs: leaseTtlMs, waitMs: leaseWaitMs });
      if (!lease) {
        throw AdapterErrors.StateBusy({
          detail: 'Another request is applying a snapshot of the same enterprise; nothing of this request was accepted. Retry shortly.',
          headers: { 'retry-after': '1' },
        });
      }
      return lease;
    },
    load: async (entities) => {
      const values = await Promise.all(entities.map((entity) => redis.hget(snapshotKey(entity), 'snapshot')));
      const found = new Map<string, StoredSnapshot<S>>();
      entities.forEach((entity, index) => {
        const value = values[index];
        if (value) found.set(entity, JSON.parse(value) as StoredSnapshot<S>);
      });
      return found;
    },
    save: async (entity, stored) => {
      const answer = await redis.eval(SAVE_IF_NOT_OLDER, 1, snapshotKey(entity), String(Date.parse(stored.time)), JSON.stringify(stored));
      return Number(answer) === 1;
    },
  };
}
