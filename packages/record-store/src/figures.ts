// The record figures (record.md §3) kept as counters beside the records: every compare-and-set write of a
// person carries the change its new state makes to them (`figureDelta` of the record package), and the
// same script that stores the person applies it only if the person was stored. So the counters stay exact
// through crashes, redeliveries and lost races without a scan; reading them sums one hash (or one per slot
// on a Redis Cluster).
import type { RedisClient } from '@lgsp/redis';
import { CLUSTER_SLOTS, hashSlot, tagOfSlot } from './cluster-slots.ts';
import { QUALITY_CODES, type QualityCode } from '@lgsp/record';
import { figuresKey, type Keyspace } from './keys.ts';

// The quality issue codes whose records are indexed, in the order the compare-and-set script takes them.
export const ISSUE_CODES = QUALITY_CODES;

/** Where the figures counted for the entity stored under `entityKey` are kept: in its slot on a Cluster. */
export function figuresKeyFor(redis: RedisClient, keyspace: Keyspace, entityKey?: string): string {
  return redis.isCluster ? figuresKey(keyspace, tagOfSlot(hashSlot(entityKey!))) : figuresKey(keyspace);
}

/** The figures hash and, in ISSUE_CODES order, the issue indexes beside it (same slot). */
export function figureKeysFor(redis: RedisClient, keyspace: Keyspace, entityKey?: string): string[] {
  const figures = figuresKeyFor(redis, keyspace, entityKey);
  return [figures, ...ISSUE_CODES.map((code) => issueIndexKey(figures, code))];
}

/** The set of IDs of the records with an issue of this code, beside a figures hash (its hash tag, its slot). */
function issueIndexKey(figures: string, code: QualityCode): string {
  return `${figures}:issue:${code}`;
}

export interface IssueMembersPage {
  personalIds: string[];
  /** Where the next page starts; null after the last. */
  cursor: string | null;
}

/**
 * A page of the records with an issue of `code` (record.md §3, clean): the index the compare-and-set script
 * keeps, read with SSCAN — so a page may hold a few more or fewer than `limit`, and a record whose issue
 * comes or goes meanwhile may be missed or seen twice, as SCAN promises. On a Cluster the cursor walks the slots.
 */
export async function issueMembers(redis: RedisClient, keyspace: Keyspace, code: QualityCode, { cursor = null, limit = 50 }: { cursor?: string | null; limit?: number } = {}): Promise<IssueMembersPage> {
  const personalIds: string[] = [];
  if (!redis.isCluster) {
    let at = cursor ?? '0';
    do {
      const [next, members] = await redis.sscan(issueIndexKey(figuresKey(keyspace), code), at, 'COUNT', limit);
      personalIds.push(...members);
      at = next;
    } while (at !== '0' && personalIds.length < limit);
    return { personalIds, cursor: at === '0' ? null : at };
  }
  // `<slot>:<SSCAN cursor within that slot's index>`.
  const [slotText = '0', within = '0'] = (cursor ?? '0:0').split(':');
  let slot = Number(slotText);
  let at = within;
  while (slot < CLUSTER_SLOTS && personalIds.length < limit) {
    const [next, members] = await redis.sscan(issueIndexKey(figuresKey(keyspace, tagOfSlot(slot)), code), at, 'COUNT', limit);
    personalIds.push(...members);
    if (next === '0') {
      slot += 1;
      at = '0';
    } else at = next;
  }
  return { personalIds, cursor: slot >= CLUSTER_SLOTS ? null : `${slot}:${at}` };
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
