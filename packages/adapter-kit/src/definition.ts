// What makes one adapter different from another: its registry, its port, and its native mapping.
// Everything else — push API, keys, limits, publishing, pull mode — is the kit's.
import type { Registry } from '@lgsp/contract';
import type { RedisClient } from '@lgsp/redis';
import type { NativeMapper } from './mapping/native-mapper.ts';

export interface MapperDeps {
  redis: RedisClient;
  /** REDIS_KEY_PREFIX, for mappers that keep state. */
  keyPrefix: string;
}

export interface AdapterDefinition {
  registry: Registry;
  /** spec/README.md §5: 8101–8104. */
  defaultPort: number;
  /** One line for the OpenAPI document. */
  description: string;
  createMapper(deps: MapperDeps): NativeMapper;
}

export function serviceNameOf(definition: AdapterDefinition): string {
  return `adapter-${definition.registry}`;
}
