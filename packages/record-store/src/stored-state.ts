// What is stored per person and per enterprise: the merge state plus, for each Kafka partition that
// carried its events, the offset of the last one applied (the watermark that makes re-delivery harmless).
import type { EnterpriseState, PersonState } from '@lgsp/record';
import { decodeState, encodeState } from './codec.ts';

/** `topic:partition` → offset of the last applied message. */
export type Watermarks = Record<string, string>;

export interface StoredPerson {
  state: PersonState;
  watermarks: Watermarks;
}

export interface StoredEnterprise {
  state: EnterpriseState;
  watermarks: Watermarks;
}

export function watermarkKey(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}

/** True when the message at `offset` of that partition has already been applied to this entity. */
export function alreadyApplied(watermarks: Watermarks, topic: string, partition: number, offset: string): boolean {
  const applied = watermarks[watermarkKey(topic, partition)];
  return applied !== undefined && BigInt(applied) >= BigInt(offset);
}

export function encodeStored(stored: StoredPerson | StoredEnterprise): Buffer {
  return encodeState(stored);
}

export function decodeStored<T extends StoredPerson | StoredEnterprise>(bytes: Buffer): T {
  return decodeState<T>(bytes);
}
