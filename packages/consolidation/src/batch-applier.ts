// Applies one chunk of one partition's messages to the record projection, exactly once in effect:
// every person (and enterprise) remembers the offset of the last message of each partition applied to
// it, so a chunk delivered again after a crash changes nothing twice; writes are compare-and-set, so a
// concurrent writer makes us reload and redo rather than overwrite, and each write carries what it changes
// in the record figures, counted by the same script only if it was stored. Changed records are published
// before they are stored, so a crash between the two repeats the publication and never loses it. A replay
// building a new generation publishes nothing: the records it rebuilds are those subscribers already have.
import type { KafkaMessage, Message } from 'kafkajs';
import { deadLetterMessage, headersAsStrings, originalPayload } from '@lgsp/kafka';
import {
  applyEnterpriseEvent,
  applyPersonEvent,
  figureDelta,
  initialEnterpriseState,
  initialPersonState,
  isEnterpriseStatusEvent,
  recordFigureFields,
  renderRecord,
  renderRecordCore,
  serializeRecord,
  type CitizenRecord,
  type EnterpriseStatus,
  type EnterpriseStatusEvent,
  type PersonEvent,
  type PersonState,
} from '@lgsp/record';
import {
  addEnterpriseHolders,
  alreadyApplied,
  compareAndSetMany,
  enterpriseHolders,
  enterpriseKey,
  loadEnterprises,
  loadPeople,
  personKey,
  watermarkKey,
  type CasWrite,
  type Keyspace,
  type StoredEnterprise,
  type StoredPerson,
} from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import type { Logger } from '@lgsp/runtime';
import { decodeConsumed } from './decode.ts';
import type { ConsolidatorMetrics } from './metrics.ts';

const MAX_ATTEMPTS = 20;

export interface BatchApplierDeps {
  redis: RedisClient;
  /** Where changed records go; absent when building a generation that replaces a live one. */
  publishRecords?: (messages: Message[]) => Promise<void>;
  /**
   * Where messages that cannot be used go, with the topic they came from; absent when building a generation
   * that replaces a live one (the live consolidator wrote those letters already).
   */
  publishDeadLetters?: (topic: string, messages: Message[]) => Promise<void>;
  /** When the hub applies a change (the record's updatedAt). */
  now(): string;
  logger: Logger;
  metrics?: ConsolidatorMetrics;
}

export interface ChunkSummary {
  applied: number;
  superseded: number;
  duplicate: number;
  redelivered: number;
  deadLettered: number;
  recordsPublished: number;
  /** Where the chunk's time went, in milliseconds: decode, load, fold, publish, write. */
  timings: Record<'decode' | 'load' | 'fold' | 'publish' | 'write', number>;
}

interface Positioned<E> {
  offset: string;
  event: E;
}

/** What a person's new state changes in the record figures; nothing when no event changed the record. */
function figuresChange(before: PersonState | undefined, after: PersonState, changed: boolean): Record<string, number> | undefined {
  if (before !== undefined && !changed) return undefined;
  return figureDelta(before === undefined ? undefined : recordFigureFields(renderRecordCore(before)), recordFigureFields(renderRecordCore(after)));
}

export function createBatchApplier(deps: BatchApplierDeps) {
  const { redis } = deps;

  async function statusesFor(keyspace: Keyspace, records: PersonState[]): Promise<(code: string) => EnterpriseStatus | null> {
    const codes = [...new Set(records.flatMap((state) => Object.keys(state.roles).map((key) => key.split('|')[0]!)))];
    if (codes.length === 0) return () => null;
    const loaded = await loadEnterprises(redis, keyspace, codes);
    const statuses = new Map(codes.map((code, index) => [code, loaded[index]?.value?.state.status?.v.status ?? null]));
    return (code) => statuses.get(code) ?? null;
  }

  function recordMessage(record: CitizenRecord): Message {
    return { key: record.personalId, value: serializeRecord(record), headers: { 'content-type': 'application/json', 'lgsp-version': String(record.version) } };
  }

  async function publishPeople(keyspace: Keyspace, states: PersonState[]): Promise<number> {
    if (states.length === 0 || !deps.publishRecords) return 0;
    const statusOf = await statusesFor(keyspace, states);
    await deps.publishRecords(states.map((state) => recordMessage(renderRecord(state, statusOf))));
    deps.metrics?.recordsPublished.inc(states.length);
    return states.length;
  }

  /** Folds each person's messages into their state, reloading and redoing those another writer got to first. */
  async function applyToPeople(keyspace: Keyspace, topic: string, partition: number, byPerson: Map<string, Array<Positioned<PersonEvent>>>, summary: ChunkSummary): Promise<void> {
    let pending = [...byPerson.keys()];
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`gave up after ${MAX_ATTEMPTS} conflicting writes on ${pending.length} records`);
      let mark = performance.now();
      const loaded = await loadPeople(redis, keyspace, pending);
      summary.timings.load += performance.now() - mark;
      mark = performance.now();
      const writes: CasWrite[] = [];
      const changedStates: PersonState[] = [];
      const holders = new Map<string, Set<string>>();
      const countsOf = new Map<string, { applied: number; superseded: number; duplicate: number; redelivered: number }>();
      pending.forEach((personalId, index) => {
        const counts = { applied: 0, superseded: 0, duplicate: 0, redelivered: 0 };
        countsOf.set(personalId, counts);
        const { value, revision } = loaded[index]!;
        const stored: StoredPerson = value ?? { state: initialPersonState(personalId), watermarks: {} };
        let state = stored.state;
        let changed = false;
        let lastOffset: string | undefined;
        for (const { offset, event } of byPerson.get(personalId)!) {
          if (alreadyApplied(stored.watermarks, topic, partition, offset)) {
            counts.redelivered += 1;
            continue;
          }
          const result = applyPersonEvent(state, event, { appliedAt: deps.now() });
          counts[result.outcome] += 1;
          state = result.state;
          changed ||= result.changed;
          lastOffset = offset;
          if (event.type === 'vn.lgsp.enterprise.role-assigned.v1') {
            const set = holders.get(event.data.enterpriseCode) ?? new Set<string>();
            holders.set(event.data.enterpriseCode, set.add(personalId));
          }
        }
        if (lastOffset === undefined || state === stored.state) return; // nothing new, or only duplicates
        const figures = figuresChange(value?.state, state, changed);
        writes.push({
          key: personKey(keyspace, personalId),
          expectedRevision: revision,
          value: { state, watermarks: { ...stored.watermarks, [watermarkKey(topic, partition)]: lastOffset } },
          ...(figures ? { figures } : {}),
        });
        if (changed) changedStates.push(state);
      });
      summary.timings.fold += performance.now() - mark;
      mark = performance.now();
      await addEnterpriseHolders(redis, keyspace, holders);
      const published = await publishPeople(keyspace, changedStates);
      summary.timings.publish += performance.now() - mark;
      mark = performance.now();
      const conflicted = new Set(await compareAndSetMany(redis, keyspace, writes));
      summary.timings.write += performance.now() - mark;
      if (conflicted.size > 0) deps.metrics?.conflicts.inc(conflicted.size);
      // A person whose write lost the race is redone; only the attempt that was stored counts.
      const conflictedPeople = pending.filter((personalId) => conflicted.has(personKey(keyspace, personalId)));
      for (const [personalId, counts] of countsOf) {
        if (conflicted.has(personKey(keyspace, personalId))) continue;
        summary.applied += counts.applied;
        summary.superseded += counts.superseded;
        summary.duplicate += counts.duplicate;
        summary.redelivered += counts.redelivered;
      }
      summary.recordsPublished += published;
      pending = conflictedPeople;
    }
  }

  async function applyToEnterprises(keyspace: Keyspace, topic: string, partition: number, byEnterprise: Map<string, Array<Positioned<EnterpriseStatusEvent>>>, summary: ChunkSummary): Promise<void> {
    let pending = [...byEnterprise.keys()];
    const statusChanged = new Set<string>();
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`gave up after ${MAX_ATTEMPTS} conflicting writes on ${pending.length} enterprises`);
      const loaded = await loadEnterprises(redis, keyspace, pending);
      const writes: CasWrite[] = [];
      const changedHere = new Set<string>();
      pending.forEach((code, index) => {
        const { value, revision } = loaded[index]!;
        const stored: StoredEnterprise = value ?? { state: initialEnterpriseState(code), watermarks: {} };
        let state = stored.state;
        let lastOffset: string | undefined;
        for (const { offset, event } of byEnterprise.get(code)!) {
          if (alreadyApplied(stored.watermarks, topic, partition, offset)) {
            summary.redelivered += 1;
            continue;
          }
          const result = applyEnterpriseEvent(state, event);
          summary[result.outcome] += 1;
          state = result.state;
          if (result.changed) changedHere.add(code);
          lastOffset = offset;
        }
        if (lastOffset === undefined || state === stored.state) return;
        writes.push({ key: enterpriseKey(keyspace, code), expectedRevision: revision, value: { state, watermarks: { ...stored.watermarks, [watermarkKey(topic, partition)]: lastOffset } } });
      });
      const conflicted = new Set(await compareAndSetMany(redis, keyspace, writes));
      for (const code of changedHere) if (!conflicted.has(enterpriseKey(keyspace, code))) statusChanged.add(code);
      pending = pending.filter((code) => conflicted.has(enterpriseKey(keyspace, code)));
    }
    if (!deps.publishRecords) return;
    for (const code of statusChanged) await republishHolders(keyspace, code, summary);
  }

  /**
   * Every holder's record shows the enterprise's status, so subscribers must hear of a change. The
   * holders' records are published inside the same compare-and-set protocol as their own events (the
   * state is written back unchanged, moving its revision): a concurrent writer of the same person then
   * loses the race and redoes its publication with the new status, so the last record published for a
   * person is always the stored one with the current statuses, whichever side ran first.
   */
  async function republishHolders(keyspace: Keyspace, code: string, summary: ChunkSummary): Promise<void> {
    let pending = await enterpriseHolders(redis, keyspace, code);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`gave up after ${MAX_ATTEMPTS} conflicting writes republishing holders of ${code}`);
      const loaded = await loadPeople(redis, keyspace, pending);
      const holding = pending.flatMap((personalId, index) => {
        const entry = loaded[index]!;
        const holdsRole = entry.value && Object.keys(entry.value.state.roles).some((key) => key.startsWith(`${code}|`));
        return holdsRole ? [{ personalId, revision: entry.revision, stored: entry.value! }] : [];
      });
      summary.recordsPublished += await publishPeople(keyspace, holding.map((holder) => holder.stored.state));
      const conflicted = new Set(
        await compareAndSetMany(
          redis,
          keyspace,
          holding.map((holder) => ({ key: personKey(keyspace, holder.personalId), expectedRevision: holder.revision, value: holder.stored })),
        ),
      );
      if (conflicted.size > 0) deps.metrics?.conflicts.inc(conflicted.size);
      pending = holding.filter((holder) => conflicted.has(personKey(keyspace, holder.personalId))).map((holder) => holder.personalId);
    }
  }

  return {
    /** Applies the messages of one topic partition, in order, to the keyspace's generation. */
    async applyChunk(keyspace: Keyspace, topic: string, partition: number, messages: KafkaMessage[]): Promise<ChunkSummary> {
      const summary: ChunkSummary = {
        applied: 0,
        superseded: 0,
        duplicate: 0,
        redelivered: 0,
        deadLettered: 0,
        recordsPublished: 0,
        timings: { decode: 0, load: 0, fold: 0, publish: 0, write: 0 },
      };
      const decodeStarted = performance.now();
      const byPerson = new Map<string, Array<Positioned<PersonEvent>>>();
      const byEnterprise = new Map<string, Array<Positioned<EnterpriseStatusEvent>>>();
      const letters: Message[] = [];
      for (const message of messages) {
        const decoded = decodeConsumed(message);
        if (!decoded.ok) {
          letters.push(
            deadLetterMessage({
              id: `${topic}:${partition}:${message.offset}`,
              stage: 'consolidator',
              reason: decoded.reason,
              ...(decoded.errors ? { errors: decoded.errors } : {}),
              source: topic,
              time: deps.now(),
              original: originalPayload(message.value, headersAsStrings(message.headers)),
              origin: { topic, partition, offset: message.offset },
            }),
          );
          continue;
        }
        const { event } = decoded;
        if (isEnterpriseStatusEvent(event)) {
          const list = byEnterprise.get(event.subject) ?? [];
          byEnterprise.set(event.subject, [...list, { offset: message.offset, event }]);
        } else {
          const list = byPerson.get(event.subject) ?? [];
          list.push({ offset: message.offset, event: event as PersonEvent });
          byPerson.set(event.subject, list);
        }
      }
      summary.timings.decode += performance.now() - decodeStarted;
      if (letters.length > 0 && deps.publishDeadLetters) {
        await deps.publishDeadLetters(topic, letters);
        summary.deadLettered = letters.length;
        deps.logger.warn({ topic, partition, count: letters.length }, 'messages dead-lettered');
      }
      await applyToPeople(keyspace, topic, partition, byPerson, summary);
      await applyToEnterprises(keyspace, topic, partition, byEnterprise, summary);
      return summary;
    },
  };
}

export type BatchApplier = ReturnType<typeof createBatchApplier>;
