// Every Redis key an adapter writes, in one place: `<REDIS_KEY_PREFIX>lgsp:adapter:<registry>:…`.
// Keys that a script touches alone carry a hash tag, so they work the same on Redis Cluster.
import type { Registry } from '@lgsp/contract';

export function adapterKey(prefix: string, registry: Registry, ...parts: string[]): string {
  return `${prefix}lgsp:adapter:${registry}:${parts.join(':')}`;
}
