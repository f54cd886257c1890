// Lua scripts as commands of a client, kept out of auto-pipelining. ioredis copies a client's scripts into
// a pipeline when the pipeline is made, and an auto-pipeline stays open while an earlier one for the same
// node is in flight, for as long as that takes: a script defined meanwhile and sent lands in a pipeline that
// lacks it, and ioredis throws where nobody can catch it (a consolidator crashed so). Sent on their own,
// scripts never meet a pipeline made before them; every other command is auto-pipelined as before, and
// concurrent scripts still share the connection without waiting for each other.
import type { RedisClient } from './client.ts';

export interface ScriptDefinition {
  lua: string;
  /** Declared keys, so a Cluster client routes the script by them; omitted: the first argument says. */
  numberOfKeys?: number;
}

const defined = new WeakMap<RedisClient, Set<string>>();

/** The client with the scripts defined as commands (once per client). */
export function withScripts<C>(redis: RedisClient, scripts: Record<string, ScriptDefinition>): RedisClient & C {
  let known = defined.get(redis);
  if (!known) {
    known = new Set();
    defined.set(redis, known);
  }
  for (const [name, definition] of Object.entries(scripts)) {
    if (known.has(name)) continue;
    const ignored = (redis.options.autoPipeliningIgnoredCommands ??= []);
    ignored.push(name, `${name}Buffer`);
    redis.defineCommand(name, definition.numberOfKeys === undefined ? { lua: definition.lua } : { lua: definition.lua, numberOfKeys: definition.numberOfKeys });
    known.add(name);
  }
  return redis as RedisClient & C;
}
