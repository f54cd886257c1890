// Reads the record projection back from Redis and folds the same events in memory, for comparisons.
import type { HubEvent } from '@lgsp/contract';
import {
  applyEnterpriseEvent,
  applyPersonEvent,
  comparableRecordBytes,
  historyPage,
  initialEnterpriseState,
  initialPersonState,
  isEnterpriseStatusEvent,
  QUALITY_CODES,
  recordFigureFields,
  renderRecord,
  renderRecordCore,
  type EnterpriseState,
  type EnterpriseStatus,
  type PersonEvent,
  type PersonState,
} from '@lgsp/record';
import { issueMembers, personIdPages, readEnterprise, readPerson, storedPeople, type Keyspace } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';

/** What must be equal: the record as served (updatedAt blanked) and the person's whole history. */
function comparable(state: PersonState, statusOf: (code: string) => EnterpriseStatus | null): string {
  return `${comparableRecordBytes(renderRecord(state, statusOf))}\n${JSON.stringify(historyPage(state, { limit: Number.MAX_SAFE_INTEGER }).items)}`;
}

/** The reference: every event folded in the order it was delivered, by the merge core alone. */
export function referenceRecords(delivered: readonly HubEvent[]): Map<string, string> {
  const people = new Map<string, PersonState>();
  const enterprises = new Map<string, EnterpriseState>();
  for (const event of delivered) {
    if (isEnterpriseStatusEvent(event)) {
      const state = enterprises.get(event.subject) ?? initialEnterpriseState(event.subject);
      enterprises.set(event.subject, applyEnterpriseEvent(state, event).state);
    } else {
      const state = people.get(event.subject) ?? initialPersonState(event.subject);
      people.set(event.subject, applyPersonEvent(state, event as PersonEvent, { appliedAt: 'reference' }).state);
    }
  }
  const statusOf = (code: string) => enterprises.get(code)?.status?.v.status ?? null;
  return new Map([...people].map(([id, state]) => [id, comparable(state, statusOf)]));
}

/** Every record of a keyspace with its history, rendered as portals would read them, `updatedAt` blanked. */
export async function storedRecords(redis: RedisClient, keyspace: Keyspace): Promise<Map<string, string>> {
  const ids: string[] = [];
  for await (const page of personIdPages(redis, keyspace)) ids.push(...page);
  const people = await Promise.all(ids.map(async (id) => (await readPerson(redis, keyspace, id))!));
  const codes = [...new Set(people.flatMap((stored) => Object.keys(stored.state.roles).map((key) => key.split('|')[0]!)))];
  const enterprises = await Promise.all(codes.map((code) => readEnterprise(redis, keyspace, code)));
  const statuses = new Map(codes.map((code, index) => [code, enterprises[index]?.state.status?.v.status ?? null]));
  return new Map(ids.map((id, index) => [id, comparable(people[index]!.state, (code) => statuses.get(code) ?? null)]));
}

/** The record figures' counters computed the slow way, by reading every stored person: what the incremental ones must equal. */
export async function scannedRecordCounters(redis: RedisClient, keyspace: Keyspace): Promise<Record<string, number>> {
  const counters: Record<string, number> = {};
  for await (const stored of storedPeople(redis, keyspace)) {
    for (const field of recordFigureFields(renderRecordCore(stored.state))) counters[field] = (counters[field] ?? 0) + 1;
  }
  return counters;
}

/** Every record of the keyspace with each issue code, the slow way (a scan), and by the index the hub keeps. */
export async function issueIndexes(redis: RedisClient, keyspace: Keyspace): Promise<{ scanned: Record<string, string[]>; indexed: Record<string, string[]> }> {
  const scanned: Record<string, string[]> = Object.fromEntries(QUALITY_CODES.map((code) => [code, []]));
  for await (const stored of storedPeople(redis, keyspace)) {
    for (const code of new Set(renderRecordCore(stored.state).quality.issues.map((issue) => issue.code))) scanned[code]!.push(stored.state.personalId);
  }
  const indexed: Record<string, string[]> = {};
  for (const code of QUALITY_CODES) {
    const ids = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await issueMembers(redis, keyspace, code, { cursor, limit: 500 });
      for (const id of page.personalIds) ids.add(id);
      cursor = page.cursor;
    } while (cursor !== null);
    indexed[code] = [...ids].sort();
    scanned[code]!.sort();
  }
  return { scanned, indexed };
}
