// Who a key belongs to, once authenticated. Principals carry names and grants, never the key or its hash,
// so logging one cannot leak a credential.
import type { SectionGrant } from './sections.ts';

export const REGISTRIES = ['land', 'enterprise', 'household', 'judicial'] as const;
export type Registry = (typeof REGISTRIES)[number];

/** A consumer's rate limit; the limiter itself lives where the requests are counted (citizen API). */
export interface RateLimit {
  readonly requestsPerMinute: number;
  /** Requests that may arrive at once above the steady rate. */
  readonly burst: number;
}

/** An agency system: publishes its own registry's events and nothing else. */
export interface AgencyPrincipal {
  readonly kind: 'agency';
  readonly name: string;
  readonly registry: Registry;
}

/** A public-service portal: reads records for named purposes. */
export interface ConsumerPrincipal {
  readonly kind: 'consumer';
  readonly name: string;
  readonly rateLimit: RateLimit;
  /** Purpose name → granted sections. Null prototype: `constructor` or `__proto__` are never purposes. */
  readonly purposes: Readonly<Record<string, SectionGrant>>;
}

/** A hub operator: the operator API and console. */
export interface OperatorPrincipal {
  readonly kind: 'operator';
  readonly name: string;
  /** The same holder's consumer entry, when the operator also reads records (purpose `operator-console`). */
  readonly consumer: ConsumerPrincipal | null;
}

export type Principal = AgencyPrincipal | ConsumerPrincipal | OperatorPrincipal;

/** The consumer side of a principal: a consumer itself, an operator's consumer entry, or null. */
export function consumerOf(principal: Principal): ConsumerPrincipal | null {
  if (principal.kind === 'consumer') return principal;
  if (principal.kind === 'operator') return principal.consumer;
  return null;
}
