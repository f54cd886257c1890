// The record figures (record.md §3) kept as counters beside the records: every compare-and-set write of a
// person carries the change its new state makes to them (`figureDelta` of the record package), and the
// same script that stores the person applies it only if the person was stored. So the counters stay exact
// through crashes, redeliveries and lost races without a scan; reading them sums one hash (or one per slot
// on a Redis Cluster).
import type { RedisClient } from '@lgsp/redis';
import { CLUSTER_SLOTS, hashSlot, tagOfSlot } from './cluster-slots.ts';
import { figuresKey, type Keyspace } from './keys.ts';

/** Where the figures counted for the entity stored under `entityKey` are kept: in its slot on a Cluster. */
export function figuresKeyFor(redis: RedisClient, keyspace: Keyspace, entityKey: string): string {
  return redis.isCluster ? figuresKey(keyspace, tagOfSlot(hashSlot(entityKey))) : figuresKey(keyspace);
}

/** `field=delta field=delta`, as the compare-and-set script reads it; empty when nothing changes. */
export function encodeFigureDelta(delta: Readonly<Record<string, number>> | undefined): string {
  if (!delta) return '';
  return Object.entries(delta)
    .filter(([field, change]) => change !== 0 && /^[\w:-]+$/.test(field) && Number.isInteger(change))
    .map(([field, change]) => `${field}=${change}`)
    .join(' ');
}

/** Every counter of the generation above zero, summed over its hashes. */
export async function readRecordCounters(redis: RedisClient, keyspace: Keyspace): Promise<Record<string, number>> {
  const keys = redis.isCluster ? Array.from({ length: CLUSTER_SLOTS }, (_, slot) => figuresKey(keyspace, tagOfSlot(slot))) : [figuresKey(keyspace)];
  const totals: Record<string, number> = {};
  // A Cluster client auto-pipelines these per node: 16,384 small reads in a few round trips.
  for (let start = 0; start < keys.length; start += 2_048) {
    const hashes = await Promise.all(keys.slice(start, start + 2_048).map((key) => redis.hgetall(key)));
    for (const hash of hashes) for (const [field, value] of Object.entries(hash)) totals[field] = (totals[field] ?? 0) + Number(value);
  }
  // A counter that went up and down again stays in its hash at 0; a figure of nothing is no figure.
  for (const field of Object.keys(totals)) if (totals[field] === 0) delete totals[field];
  return totals;
}
