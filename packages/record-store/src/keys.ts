// Redis key layout of the record projection. Every key of one person (or one enterprise) carries its ID
// as the hash tag, so in a Redis Cluster each lives in one slot and single-key atomic writes suffice.
// The generation lets a replay build a fresh keyspace beside the live one and switch readers over; the
// control keys that steer that (pointer, replay lease, live instances) share one hash tag, so one script
// can read and change them together.

export interface Keyspace {
  /** Prefix for everything (tests use their own), e.g. `` or `t-3fa9:`. */
  prefix: string;
  generation: string;
}

export type ControlKeyName = 'generation' | 'generation-counter' | 'generations' | 'replay' | 'instances';

export function controlKey(prefix: string, name: ControlKeyName): string {
  return `${prefix}lgsp:{control}:${name}`;
}

/** The generation readers and the live consolidator use. */
export function generationPointerKey(prefix: string): string {
  return controlKey(prefix, 'generation');
}

export function personKey({ prefix, generation }: Keyspace, personalId: string): string {
  return `${prefix}lgsp:${generation}:person:{${personalId}}`;
}

export function enterpriseKey({ prefix, generation }: Keyspace, enterpriseCode: string): string {
  return `${prefix}lgsp:${generation}:enterprise:{${enterpriseCode}}`;
}

export function enterpriseHoldersKey({ prefix, generation }: Keyspace, enterpriseCode: string): string {
  return `${prefix}lgsp:${generation}:enterprise-holders:{${enterpriseCode}}`;
}

/** Where each consumed partition's next offset is kept; a floor for resuming (person watermarks are exact). */
export function offsetsKey({ prefix, generation }: Keyspace, group: string): string {
  return `${prefix}lgsp:${generation}:offsets:{${group}}`;
}

/**
 * The record figures' counters (record.md §3). On a single Redis one hash; on a Redis Cluster one hash per
 * slot, tagged to live in that slot, so the script that writes a person can count in the same slot.
 */
export function figuresKey({ prefix, generation }: Keyspace, slotTag?: string): string {
  return slotTag === undefined ? `${prefix}lgsp:${generation}:figures` : `${prefix}lgsp:${generation}:figures:{${slotTag}}`;
}

const escapeGlob = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&');

export function personKeyPattern({ prefix, generation }: Keyspace): string {
  return `${escapeGlob(prefix)}lgsp:${generation}:person:*`;
}

export function enterpriseKeyPattern({ prefix, generation }: Keyspace): string {
  return `${escapeGlob(prefix)}lgsp:${generation}:enterprise:*`;
}

export function enterpriseHoldersKeyPattern({ prefix, generation }: Keyspace): string {
  return `${escapeGlob(prefix)}lgsp:${generation}:enterprise-holders:*`;
}

/** Every key of one generation (persons, enterprises, holders, offsets, figures). */
export function generationKeyPattern({ prefix, generation }: Keyspace): string {
  return `${escapeGlob(prefix)}lgsp:${generation}:*`;
}
