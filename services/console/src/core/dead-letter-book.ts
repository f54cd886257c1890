// The dead letters as the console lists and re-drives them (through @lgsp/dead-letters, as the CLI does).
// Reading the topic back takes a throw-away consumer group, so the letters are read again only when the
// topic's end offsets moved; whether each letter was re-driven is asked of Redis on every call.
import { newestById, readDeadLetters, redriveLetters, redrivenIds, type ListedLetter, type RedriveEntry } from '@lgsp/dead-letters';
import { topicOffsets, type Admin, type Kafka, type Registry } from '@lgsp/kafka';
import type { RedisClient } from '@lgsp/redis';

export interface LetterRow {
  id: string;
  registry: Registry | null;
  stage: string;
  reason: string;
  source: string;
  time: string;
  redriven: boolean;
  at: { partition: number; offset: string };
}

export interface LetterList {
  topic: string;
  total: number;
  letters: LetterRow[];
}

export interface DeadLetterBook {
  /** The newest `limit` distinct letters, newest first. */
  list(limit: number): Promise<LetterList>;
  redrive(select: { ids: readonly string[] } | { all: true }): Promise<RedriveEntry[]>;
}

export interface DeadLetterBookOptions {
  kafka: Kafka;
  admin: Admin;
  redis: RedisClient;
  /** REDIS_KEY_PREFIX. */
  prefix: string;
  topic: string;
  adapterUrl(registry: Registry): string;
  agencyKey(registry: Registry): string | undefined;
  missingKey(registry: Registry): string;
  timeoutMs: number;
}

export function createDeadLetterBook(options: DeadLetterBookOptions): DeadLetterBook {
  const { kafka, admin, redis, prefix, topic } = options;
  let cached: { ends: string; letters: Map<string, ListedLetter> } | undefined;
  let reading: Promise<Map<string, ListedLetter>> | undefined;

  const letters = (): Promise<Map<string, ListedLetter>> => {
    reading ??= (async () => {
      try {
        const offsets = (await topicOffsets(admin, [topic])).get(topic) ?? [];
        const ends = offsets.map(({ partition, high }) => `${partition}:${high}`).join(',');
        if (cached?.ends !== ends) cached = { ends, letters: newestById(await readDeadLetters(kafka, admin, topic)) };
        return cached.letters;
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  };

  return {
    async list(limit) {
      const all = [...(await letters()).values()];
      const shown = all.slice(Math.max(0, all.length - limit)).reverse();
      const redriven = await redrivenIds(redis, prefix, shown.map((entry) => entry.letter.id));
      return {
        topic,
        total: all.length,
        letters: shown.map(({ letter, registry, at }) => ({
          id: letter.id,
          registry: registry ?? null,
          stage: letter.stage,
          reason: letter.reason,
          source: letter.source,
          time: letter.time,
          redriven: redriven.has(letter.id),
          at,
        })),
      };
    },
    async redrive(select) {
      return redriveLetters({
        redis,
        prefix,
        letters: await letters(),
        select,
        adapterUrl: options.adapterUrl,
        agencyKey: options.agencyKey,
        missingKey: options.missingKey,
        timeoutMs: options.timeoutMs,
        userAgent: 'lgsp-console (dead-letter re-drive)',
      });
    },
  };
}
