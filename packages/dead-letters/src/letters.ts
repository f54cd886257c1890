// The dead-letter topic as operators see it: every letter read back with where it sits, the registry it
// belongs to, and whether `lgsp dlq redrive` already sent it back (the Redis set lgsp:dlq:redriven).
import { parseDeadLetter, readRanges, REGISTRIES, topicOffsets, type Admin, type DeadLetter, type Kafka, type OffsetRange, type ReadMessage, type Registry } from '@lgsp/kafka';
import type { RedisClient } from '@lgsp/redis';

export interface ListedLetter {
  letter: DeadLetter;
  /** Where the letter sits in the dead-letter topic. */
  at: { partition: number; offset: string };
  registry: Registry | undefined;
}

export function redrivenSetKey(prefix: string): string {
  return `${prefix}lgsp:dlq:redriven`;
}

const isRegistry = (name: string | undefined): name is Registry => (REGISTRIES as readonly string[]).includes(name ?? '');

/**
 * The registry a letter belongs to: its source topic (`…lgsp.registry.<name>.v1`, what the consolidator
 * writes), else its stage (`adapter-<name>`, what an adapter writes), else a CloudEvent source URN.
 */
export function registryOfLetter(letter: Pick<DeadLetter, 'source' | 'stage' | 'origin' | 'original'>): Registry | undefined {
  for (const text of [letter.origin?.topic, letter.source]) {
    const name = /lgsp\.registry\.([a-z]+)\.v1$/.exec(text ?? '')?.[1];
    if (isRegistry(name)) return name;
  }
  const byStage = /^adapter-([a-z]+)$/.exec(letter.stage ?? '')?.[1];
  if (isRegistry(byStage)) return byStage;
  const bySource = /^urn:lgsp:registry:([a-z]+)$/.exec(letter.original?.headers?.ce_source ?? letter.source ?? '')?.[1];
  return isRegistry(bySource) ? bySource : undefined;
}

/** Oldest first by the time the hub gave up on them; ties keep topic order. */
export function sortByTime(letters: ListedLetter[]): ListedLetter[] {
  return letters
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.letter.time < b.entry.letter.time ? -1 : a.entry.letter.time > b.entry.letter.time ? 1 : a.index - b.index))
    .map(({ entry }) => entry);
}

/** The whole dead-letter topic, as ranges to read. */
export async function deadLetterRanges(admin: Admin, topic: string): Promise<OffsetRange[]> {
  const offsets = (await topicOffsets(admin, [topic])).get(topic) ?? [];
  return offsets.map(({ partition, low, high }) => ({ topic, partition, from: BigInt(low), to: BigInt(high) }));
}

/** Letters of read dead-letter messages, oldest first; a message that is not a letter is passed over. */
export function lettersOf(messages: readonly ReadMessage[]): ListedLetter[] {
  const letters: ListedLetter[] = [];
  for (const message of messages) {
    const letter = parseDeadLetter(message.value);
    if (!letter || typeof letter.id !== 'string') continue;
    letters.push({ letter, at: { partition: message.partition, offset: message.offset }, registry: registryOfLetter(letter) });
  }
  return sortByTime(letters);
}

/** Every letter of the dead-letter topic, oldest first. Reads the whole topic: letters are few, by design. */
export async function readDeadLetters(kafka: Kafka, admin: Admin, topic: string): Promise<ListedLetter[]> {
  return lettersOf(await readRanges(kafka, admin, await deadLetterRanges(admin, topic)));
}

export async function redrivenIds(redis: RedisClient, prefix: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += 1_000) {
    const chunk = ids.slice(start, start + 1_000);
    const flags = await redis.smismember(redrivenSetKey(prefix), ...chunk);
    chunk.forEach((id, index) => {
      if (flags[index] === 1) found.add(id);
    });
  }
  return found;
}
/** The newest letter of each id (a letter written twice after a crash is one letter), in topic time order. */
export function newestById(letters: readonly ListedLetter[]): Map<string, ListedLetter> {
  const byId = new Map<string, ListedLetter>();
  for (const entry of letters) byId.set(entry.letter.id, entry);
  return byId;
}

