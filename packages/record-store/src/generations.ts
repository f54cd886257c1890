// The generations of the record projection. Readers and the live consolidator follow one pointer; a replay
// allocates a fresh generation, builds it beside the live one, switches the pointer in one atomic step
// (only if it still names the generation the replay started from), and drops the old generation's keys.
// Every generation a replay created is listed with when and how, so one left behind by an interrupted
// replay is found and dropped by the next.
import { withScripts, type RedisClient } from '@lgsp/redis';
import { scanKeyPages } from './key-scan.ts';
import { controlKey, generationKeyPattern, generationPointerKey, type Keyspace } from './keys.ts';

export const FIRST_GENERATION = '1';

export interface GenerationInfo {
  generation: string;
  createdAt: string;
  /** The registry a `--registry` replay rebuilt, or null for a whole rebuild. */
  registry: string | null;
}

// KEYS: pointer, counter, generations hash. ARGV: the new generation's info without its number.
const ALLOCATE_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '1')
local next = redis.call('INCR', KEYS[2])
if next <= current then
  next = current + 1
  redis.call('SET', KEYS[2], next)
end
redis.call('HSET', KEYS[3], tostring(next), ARGV[1])
return tostring(next)`;

// KEYS: pointer. ARGV: from, to. Returns the pointer afterwards.
const SWITCH_SCRIPT = `
local current = redis.call('GET', KEYS[1]) or '1'
if current ~= ARGV[1] then return current end
redis.call('SET', KEYS[1], ARGV[2])
return ARGV[2]`;

interface GenerationCommands {
  lgspAllocateGeneration(pointer: string, counter: string, generations: string, info: string): Promise<string>;
  lgspSwitchGeneration(pointer: string, from: string, to: string): Promise<string>;
}

function withGenerationCommands(redis: RedisClient): RedisClient & GenerationCommands {
  return withScripts<GenerationCommands>(redis, {
    lgspAllocateGeneration: { lua: ALLOCATE_SCRIPT, numberOfKeys: 3 },
    lgspSwitchGeneration: { lua: SWITCH_SCRIPT, numberOfKeys: 1 },
  });
}

/** The generation readers and the live consolidator use; `1` until a replay switches it. */
export async function currentGeneration(redis: RedisClient, prefix: string): Promise<string> {
  return (await redis.get(generationPointerKey(prefix))) ?? FIRST_GENERATION;
}

/** A generation number never used before, above the current one, listed as created now. */
export function allocateGeneration(redis: RedisClient, prefix: string, info: Omit<GenerationInfo, 'generation'>): Promise<string> {
  return withGenerationCommands(redis).lgspAllocateGeneration(
    generationPointerKey(prefix),
    controlKey(prefix, 'generation-counter'),
    controlKey(prefix, 'generations'),
    JSON.stringify(info),
  );
}

/** Points readers at `to` if they still read `from`; true when it switched. */
export async function switchGeneration(redis: RedisClient, prefix: string, from: string, to: string): Promise<boolean> {
  return (await withGenerationCommands(redis).lgspSwitchGeneration(generationPointerKey(prefix), from, to)) === to;
}

/** Every generation a replay created and that has not been dropped, oldest first. */
export async function listedGenerations(redis: RedisClient, prefix: string): Promise<GenerationInfo[]> {
  const entries = await redis.hgetall(controlKey(prefix, 'generations'));
  return Object.entries(entries)
    .map(([generation, text]) => {
      const info = safeParse(text);
      return { generation, createdAt: String(info?.createdAt ?? ''), registry: typeof info?.registry === 'string' ? info.registry : null };
    })
    .sort((a, b) => Number(a.generation) - Number(b.generation));
}

function safeParse(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Deletes every key of the generation (UNLINK: Redis frees the memory in the background), reporting the
 * count deleted so far after each page, then takes it off the list. Never call it on the current generation.
 */
export async function dropGeneration(redis: RedisClient, keyspace: Keyspace, onProgress: (deleted: number) => void = () => {}): Promise<number> {
  let deleted = 0;
  for await (const keys of scanKeyPages(redis, generationKeyPattern(keyspace), 1_000)) {
    // One key per command: on a Cluster the keys of a page live in many slots (auto-pipelined per node).
    const counts = await Promise.all(keys.map((key) => redis.unlink(key)));
    deleted += counts.reduce((sum, count) => sum + count, 0);
    onProgress(deleted);
  }
  await redis.hdel(controlKey(keyspace.prefix, 'generations'), keyspace.generation);
  return deleted;
}
