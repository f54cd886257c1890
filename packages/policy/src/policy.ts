// Turns a checked policy document into the immutable Policy the services use: principals with their
// grants, and a private index from key digest to principal for authentication.
import type { AgencyPrincipal, ConsumerPrincipal, OperatorPrincipal, Principal, RateLimit } from './principal.ts';
import type { PolicyDocument } from './schema.ts';
import { toSectionGrant, type SectionGrant, type SectionPath } from './sections.ts';

export interface Policy {
  /** Where the policy came from (the file path), for messages. */
  readonly source: string;
  readonly environment: 'development' | 'production';
  readonly agencies: readonly AgencyPrincipal[];
  readonly consumers: readonly ConsumerPrincipal[];
  readonly operators: readonly OperatorPrincipal[];
}

/** A key's holder, with the digest kept for the final constant-time comparison. */
export interface KeyHolder {
  readonly digest: Buffer;
  readonly principal: Principal;
}

// Kept outside the Policy so that nothing handed a Policy can read or alter the key index.
const keyIndexes = new WeakMap<Policy, ReadonlyMap<string, KeyHolder>>();

/** The key index of a policy built here; an object merely shaped like a Policy has none. */
export function keyIndexOf(policy: Policy): ReadonlyMap<string, KeyHolder> | undefined {
  return keyIndexes.get(policy);
}

/** Builds the Policy; the document must already be free of faults (schema, holders, grants). */
export function buildPolicy(document: PolicyDocument, source: string): Policy {
  const index = new Map<string, KeyHolder>();
  const hold = (keyHash: string, principal: Principal) => index.set(keyHash, Object.freeze({ digest: Buffer.from(keyHash, 'hex'), principal }));

  const agencies = document.agencies.map(({ name, keyHash, registry }) => {
    const agency: AgencyPrincipal = Object.freeze({ kind: 'agency', name, registry });
    hold(keyHash, agency);
    return agency;
  });
  const consumersByKeyHash = new Map<string, ConsumerPrincipal>();
  const consumers = document.consumers.map(({ name, keyHash, rateLimit, purposes }) => {
    const consumer: ConsumerPrincipal = Object.freeze({
      kind: 'consumer',
      name,
      rateLimit: toRateLimit(rateLimit),
      purposes: toPurposeGrants(purposes as Record<string, readonly SectionPath[]>),
    });
    consumersByKeyHash.set(keyHash, consumer);
    hold(keyHash, consumer);
    return consumer;
  });
  // An operator who also reads records has a consumer entry with the same key; the key then
  // authenticates as the operator, who carries that consumer entry.
  const operators = document.operators.map(({ name, keyHash }) => {
    const operator: OperatorPrincipal = Object.freeze({ kind: 'operator', name, consumer: consumersByKeyHash.get(keyHash) ?? null });
    hold(keyHash, operator);
    return operator;
  });

  const policy: Policy = Object.freeze({
    source,
    environment: document.environment,
    agencies: Object.freeze(agencies),
    consumers: Object.freeze(consumers),
    operators: Object.freeze(operators),
  });
  keyIndexes.set(policy, index);
  return policy;
}

function toRateLimit(rateLimit: { requestsPerMinute: number; burst?: number }): RateLimit {
  return Object.freeze({ requestsPerMinute: rateLimit.requestsPerMinute, burst: rateLimit.burst ?? rateLimit.requestsPerMinute });
}

function toPurposeGrants(purposes: Record<string, readonly SectionPath[]>): Readonly<Record<string, SectionGrant>> {
  const grants: Record<string, SectionGrant> = Object.create(null);
  for (const [purpose, sections] of Object.entries(purposes)) grants[purpose] = toSectionGrant(sections);
  return Object.freeze(grants);
}
