// The one replay that may run at a time holds this lease: a Redis key with an expiry that the replay renews
// every second with its phase and progress (the console shows them). A replay that dies stops renewing,
// the lease expires, and whatever waited on it (a consolidator paused for the handover) goes on as before.
import { withScripts, type RedisClient } from '@lgsp/redis';
import { controlKey } from './keys.ts';

export type ReplayPhase = 'preparing' | 'copying' | 'building' | 'handover' | 'switched' | 'dropping';

export interface ReplayProgress {
  /** Messages of the registry topics the new generation has applied. */
  done: number;
  /** Messages in those topics now (the target moves while events keep arriving). */
  total: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
}

export interface ReplayLease {
  /** Identifies the holder: only it may renew or release the lease. */
  token: string;
  /** The generation being built. */
  generation: string;
  /** The generation it will replace. */
  replaces: string;
  registry: string | null;
  startedAt: string;
  host: string;
  pid: number;
  phase: ReplayPhase;
  progress?: ReplayProgress;
}

export const REPLAY_LEASE_MS = 15_000;

// KEYS: lease. ARGV: token, new value, ttl ms. Renews only the holder's own lease.
const RENEW_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local ok, lease = pcall(cjson.decode, current)
if not ok or lease.token ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

// KEYS: lease. ARGV: token. Deletes only the holder's own lease.
const RELEASE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local ok, lease = pcall(cjson.decode, current)
if not ok or lease.token ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`;

interface LeaseCommands {
  lgspRenewLease(key: string, token: string, value: string, ttlMs: string): Promise<number>;
  lgspReleaseLease(key: string, token: string): Promise<number>;
}

function withLeaseCommands(redis: RedisClient): RedisClient & LeaseCommands {
  return withScripts<LeaseCommands>(redis, { lgspRenewLease: { lua: RENEW_SCRIPT, numberOfKeys: 1 }, lgspReleaseLease: { lua: RELEASE_SCRIPT, numberOfKeys: 1 } });
}

export async function readReplayLease(redis: RedisClient, prefix: string): Promise<ReplayLease | undefined> {
  const text = await redis.get(controlKey(prefix, 'replay'));
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as ReplayLease;
  } catch {
    return undefined;
  }
}

/** Takes the lease if nobody holds it; otherwise says who does. */
export async function acquireReplayLease(redis: RedisClient, prefix: string, lease: ReplayLease, ttlMs = REPLAY_LEASE_MS): Promise<{ ok: true } | { ok: false; holder: ReplayLease | undefined }> {
  const set = await redis.set(controlKey(prefix, 'replay'), JSON.stringify(lease), 'PX', ttlMs, 'NX');
  return set === 'OK' ? { ok: true } : { ok: false, holder: await readReplayLease(redis, prefix) };
}

/** Renews the lease with its new phase and progress; false when it was lost (expired, or taken over). */
export async function renewReplayLease(redis: RedisClient, prefix: string, lease: ReplayLease, ttlMs = REPLAY_LEASE_MS): Promise<boolean> {
  return (await withLeaseCommands(redis).lgspRenewLease(controlKey(prefix, 'replay'), lease.token, JSON.stringify(lease), String(ttlMs))) === 1;
}

/** Ends the lease held under `token` (also used to clear the lease of a holder known to be dead). */
export async function releaseReplayLease(redis: RedisClient, prefix: string, token: string): Promise<boolean> {
  return (await withLeaseCommands(redis).lgspReleaseLease(controlKey(prefix, 'replay'), token)) === 1;
}
