// A drop folder of `.ndjson` export files (events.md §4), read in name order. How far each file has
// been published (the next line, or `done`) is kept in one Redis hash per folder and moved only after
// the lines' events are in Kafka. Exporters write a file under another name and rename it to `.ndjson`
// when complete: only complete files are read, and a file, once done, is never read again.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Registry } from '@lgsp/contract';
import type { RedisClient } from '@lgsp/redis';
import { adapterKey } from '../state/keys.ts';
import { SourceUnavailableError, type PulledItem, type PulledPage, type PullSource } from './pull-source.ts';

export interface DropFolderSourceOptions {
  dir: string;
  limit: number;
  redis: RedisClient;
  keyPrefix: string;
  registry: Registry;
  service: string;
}

const DONE = 'done';

export function dropFolderProgressKey(keyPrefix: string, registry: Registry, dir: string): string {
  return adapterKey(keyPrefix, registry, 'pull', 'drop', createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16));
}

async function listExports(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.ndjson')).sort();
  } catch (error) {
    throw new SourceUnavailableError(`the drop folder cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

function itemOf(service: string, file: string, line: string, index: number): PulledItem {
  const ref = `${service}:drop:${file}:${index + 1}`;
  try {
    return { ref, value: JSON.parse(line) };
  } catch (error) {
    return { ref, unreadable: { text: line, reason: `line ${index + 1} of ${file} is not valid JSON: ${(error as Error).message}` } };
  }
}

/** One source per run: it reads each file once and serves it in pages of `limit` lines. */
export function createDropFolderSource({ dir, limit, redis, keyPrefix, registry, service }: DropFolderSourceOptions): PullSource {
  const progressKey = dropFolderProgressKey(keyPrefix, registry, dir);
  const contents = new Map<string, string[]>();

  const linesOf = async (file: string): Promise<string[]> => {
    let lines = contents.get(file);
    if (!lines) {
      lines = (await readFile(path.join(dir, file), 'utf8')).split('\n');
      contents.set(file, lines);
    }
    return lines;
  };

  return {
    nextPage: async (): Promise<PulledPage | undefined> => {
      const progress = await redis.hgetall(progressKey);
      for (const file of await listExports(dir)) {
        if (progress[file] === DONE) continue;
        const lines = await linesOf(file);
        const items: PulledItem[] = [];
        let index = Number(progress[file] ?? 0);
        for (; index < lines.length && items.length < limit; index += 1) {
          if (lines[index]!.trim() !== '') items.push(itemOf(service, file, lines[index]!, index));
        }
        const rest = lines.slice(index);
        const finished = rest.every((line) => line.trim() === '');
        const position = finished ? DONE : String(index);
        if (items.length === 0) {
          await redis.hset(progressKey, file, DONE);
          continue;
        }
        return { origin: path.join(dir, file), items, advance: async () => void (await redis.hset(progressKey, file, position)) };
      }
      return undefined;
    },
  };
}
