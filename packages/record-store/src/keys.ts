// Redis key layout of the record projection. Every key of one person (or one enterprise) carries its ID
// as the hash tag, so in a Redis Cluster each lives in one slot and single-key atomic writes suffice.
// The generation lets a replay build a fresh keyspace beside the live one and switch readers over.

export interface Keyspace {
  /** Prefix for everything (tests use their own), e.g. `` or `t-3fa9:`. */
  prefix: string;
  generation: string;
}

export function generationPointerKey(prefix: string): string {
  return `${prefix}lgsp:generation`;
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

export function personKeyPattern({ prefix, generation }: Keyspace): string {
  return `${prefix}lgsp:${generation}:person:*`;
}
