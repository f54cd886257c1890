// What each registry's input came to, counted where it happens and kept in Redis so the figures are the
// province's, not one process's since its start: events accepted (acknowledged by Kafka), requests
// rejected by problem code, and dead letters. Dead letters are a set of their ids, so a letter written
// again after a crash, or by a replay, counts once. Counting never holds up an answer: the writes are
// sent and not waited for, and a lost one costs a figure, never an event.
import type { Registry } from '@lgsp/contract';
import { withScripts, type RedisClient } from '@lgsp/redis';

interface CounterLogger {
  warn(details: object, message: string): void;
}

const ACCEPTED = 'accepted';
const NEWEST_ACCEPTED_MS = 'newest-accepted-ms';
const REJECTED_PREFIX = 'rejected:';

export function registryCountersKey(prefix: string, registry: string): string {
  return `${prefix}lgsp:figures:registry:{${registry}}`;
}

export function deadLettersKey(prefix: string, registry: string): string {
  return `${prefix}lgsp:figures:dead-letters:{${registry}}`;
}

// KEYS: the registry's counters. ARGV: events accepted, when (ms). Keeps the newest time, whatever order
// concurrent requests finish in.
const ACCEPTED_SCRIPT = `
redis.call('HINCRBY', KEYS[1], '${ACCEPTED}', ARGV[1])
local newest = tonumber(redis.call('HGET', KEYS[1], '${NEWEST_ACCEPTED_MS}') or '0')
if tonumber(ARGV[2]) > newest then redis.call('HSET', KEYS[1], '${NEWEST_ACCEPTED_MS}', ARGV[2]) end
return 1`;

interface CounterCommands {
  lgspCountAccepted(key: string, events: string, atMs: string): Promise<number>;
}

function withCounterCommands(redis: RedisClient): RedisClient & CounterCommands {
  return withScripts<CounterCommands>(redis, { lgspCountAccepted: { lua: ACCEPTED_SCRIPT, numberOfKeys: 1 } });
}

export interface RegistryCounters {
  /** Events of one request or pull page acknowledged by Kafka, at `atMs`. */
  accepted(events: number, atMs: number): void;
  /** A request answered with an error, by its problem code. */
  rejected(reason: string): void;
  /** Letters written to the dead-letter topic (after Kafka acknowledged them), by id. */
  deadLettered(ids: readonly string[]): void;
}

export function createRegistryCounters(redis: RedisClient, prefix: string, registry: Registry, logger: CounterLogger): RegistryCounters {
  const key = registryCountersKey(prefix, registry);
  const client = withCounterCommands(redis);
  const lost = (error: unknown): void => logger.warn({ err: error, registry }, 'a registry figure could not be counted');
  return {
    accepted(events, atMs) {
      if (events > 0) client.lgspCountAccepted(key, String(events), String(atMs)).catch(lost);
    },
    rejected(reason) {
      redis.hincrby(key, `${REJECTED_PREFIX}${reason}`, 1).catch(lost);
    },
    deadLettered(ids) {
      if (ids.length > 0) redis.sadd(deadLettersKey(prefix, registry), ...ids).catch(lost);
    },
  };
}

/** One registry's counters, as kept. */
export interface RegistryCounts {
  accepted: number;
  /** Requests rejected, by problem code. */
  rejected: Record<string, number>;
  deadLettered: number;
  newestAcceptedMs: number | null;
}

export async function readRegistryCounts(redis: RedisClient, prefix: string, registry: string): Promise<RegistryCounts> {
  const [hash, letters] = await Promise.all([redis.hgetall(registryCountersKey(prefix, registry)), redis.scard(deadLettersKey(prefix, registry))]);
  const rejected: Record<string, number> = {};
  for (const [field, value] of Object.entries(hash)) if (field.startsWith(REJECTED_PREFIX)) rejected[field.slice(REJECTED_PREFIX.length)] = Number(value);
  const newest = hash[NEWEST_ACCEPTED_MS];
  return { accepted: Number(hash[ACCEPTED] ?? 0), rejected, deadLettered: letters, newestAcceptedMs: newest === undefined ? null : Number(newest) };
}
