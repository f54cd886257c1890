// The merge core: folds one event into a person's state (record.md §2). Pure: no I/O, no clock (the
// time of application comes in with the call). Exhaustive over event types.
import { registryOfType } from '@lgsp/contract';
import { receivedAtOf, type PersonEvent } from './events.ts';
import { copyItem, markOff, markOn, setFields } from './items.ts';
import { renderRecordCore } from './render.ts';
import { serializeRecord } from './serialize.ts';
import { compareStamps, isNewer, stampOf, type Stamp } from './stamp.ts';
import type { HistoryEntry, Outcome, PersonState, SectionName } from './state.ts';

export type ApplyOutcome = Outcome | 'duplicate';

export interface ApplyResult {
  state: PersonState;
  outcome: ApplyOutcome;
  /** True when the record as served changed, so `version` went up and subscribers must hear of it. */
  changed: boolean;
}

export interface ApplyContext {
  /** When the hub applies the change (becomes `updatedAt` if the record changed). */
  appliedAt: string;
}

const SECTION_OF: Record<PersonEvent['type'], SectionName> = {
  'vn.lgsp.household.citizen-registered.v1': 'identity',
  'vn.lgsp.household.identity-corrected.v1': 'identity',
  'vn.lgsp.household.residence-registered.v1': 'residence',
  'vn.lgsp.household.residence-ended.v1': 'residence',
  'vn.lgsp.household.death-registered.v1': 'status',
  'vn.lgsp.land.right-granted.v1': 'landRights',
  'vn.lgsp.land.right-updated.v1': 'landRights',
  'vn.lgsp.land.right-revoked.v1': 'landRights',
  'vn.lgsp.enterprise.role-assigned.v1': 'enterpriseRoles',
  'vn.lgsp.enterprise.role-ended.v1': 'enterpriseRoles',
  'vn.lgsp.judicial.conviction-recorded.v1': 'judicial',
  'vn.lgsp.judicial.conviction-expunged.v1': 'judicial',
  'vn.lgsp.judicial.ban-imposed.v1': 'judicial',
};

export function sectionOfPersonEvent(type: PersonEvent['type']): SectionName {
  return SECTION_OF[type];
}

export function isDuplicate(state: PersonState, event: { source: string; id: string }): boolean {
  return state.history.some((entry) => entry.eventId === event.id && entry.source === event.source);
}

/** `(state, event) → (state, outcome)`. The given state is never modified. */
export function applyPersonEvent(state: PersonState, event: PersonEvent, context: ApplyContext): ApplyResult {
  if (isDuplicate(state, event)) return { state, outcome: 'duplicate', changed: false };
  const stamp = stampOf(event);
  const next: PersonState = { ...state };
  const won = foldInto(next, event, stamp);
  const section = SECTION_OF[event.type];
  if (won && isNewer(stamp, state.provenance[section]?.s)) {
    next.provenance = { ...state.provenance, [section]: { source: event.source, eventId: event.id, time: event.time, s: stamp } };
  }
  const outcome: Outcome = won ? 'applied' : 'superseded';
  next.history = insertHistory(state.history, {
    eventId: event.id,
    source: event.source,
    type: event.type,
    time: event.time,
    receivedAt: receivedAtOf(event),
    outcome,
    s: stamp,
  });
  const changed = won && servedBytes(state) !== servedBytes(next);
  if (changed) {
    const registry = registryOfType(event.type);
    next.version = state.version + 1;
    next.updatedAt = context.appliedAt;
    // States stored before registries' shares were counted have no `changes`.
    next.changes = { ...state.changes, [registry]: (state.changes?.[registry] ?? 0) + 1 };
  }
  return { state: next, outcome, changed };
}

// What decides whether a change altered the record: everything served but the quality issues. The issues
// are a function of the rest, except their `since`, which follows item stamps a change may move without
// altering anything else (a grant sent again, newer, with the same values). Counting such a move would make
// a registry's change count depend on what other registries had said by then, that is on how the topics
// interleaved, and a replay would give another `version`. The moved `since` is still stored and served.
// States are immutable, so the bytes of each one are computed at most once.
const servedBytesCache = new WeakMap<PersonState, string>();

function servedBytes(state: PersonState): string {
  let bytes = servedBytesCache.get(state);
  if (bytes === undefined) {
    bytes = serializeRecord({ ...renderRecordCore(state), quality: { issues: [] } });
    servedBytesCache.set(state, bytes);
  }
  return bytes;
}

/** Newest first by stamp, so a page of history is a slice and the order does not depend on arrival. */
function insertHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const index = history.findIndex((existing) => compareStamps(entry.s, existing.s) > 0);
  return index === -1 ? [...history, entry] : [...history.slice(0, index), entry, ...history.slice(index)];
}

/** Applies the event's changes to the (already shallow-copied) state; true when any of them won. */
function foldInto(next: PersonState, event: PersonEvent, stamp: Stamp): boolean {
  switch (event.type) {
    case 'vn.lgsp.household.citizen-registered.v1': {
      const { fullName, dateOfBirth, sex, nationality, ethnicity } = event.data;
      return setIdentity(next, { fullName, dateOfBirth, sex, nationality, ethnicity: ethnicity ?? null }, stamp);
    }
    case 'vn.lgsp.household.identity-corrected.v1': {
      const { fullName, dateOfBirth, sex, ethnicity } = event.data;
      return setIdentity(next, { fullName, dateOfBirth, sex, ethnicity }, stamp);
    }
    case 'vn.lgsp.household.death-registered.v1': {
      if (!isNewer(stamp, next.death?.s)) return false;
      next.death = { v: event.data.dateOfDeath, s: stamp };
      return true;
    }
    case 'vn.lgsp.household.residence-registered.v1': {
      const { kind, address, householdId, relationToHead, validUntil } = event.data;
      const item = copyItem(next.residence[kind]);
      const on = markOn(item, stamp);
      const fields = setFields(
        item,
        { address: { ...address }, householdId, relationToHead, since: event.time.slice(0, 10), validUntil: validUntil ?? null },
        stamp,
      );
      next.residence = { ...next.residence, [kind]: item };
      return on || fields;
    }
    case 'vn.lgsp.household.residence-ended.v1': {
      const item = copyItem(next.residence[event.data.kind]);
      const off = markOff(item, stamp);
      next.residence = { ...next.residence, [event.data.kind]: item };
      return off;
    }
    case 'vn.lgsp.land.right-granted.v1': {
      const { certificateNo, parcel, areaM2, landUse, grantedOn } = event.data;
      const item = copyItem(next.landRights[certificateNo]);
      const on = markOn(item, stamp);
      const fields = setFields(item, { parcel: { ...parcel }, areaM2, landUse, grantedOn }, stamp);
      next.landRights = { ...next.landRights, [certificateNo]: item };
      return on || fields;
    }
    case 'vn.lgsp.land.right-updated.v1': {
      const { certificateNo, areaM2, landUse } = event.data;
      const item = copyItem(next.landRights[certificateNo]);
      const fields = setFields(item, { areaM2, landUse }, stamp);
      next.landRights = { ...next.landRights, [certificateNo]: item };
      return fields;
    }
    case 'vn.lgsp.land.right-revoked.v1': {
      const item = copyItem(next.landRights[event.data.certificateNo]);
      const off = markOff(item, stamp);
      next.landRights = { ...next.landRights, [event.data.certificateNo]: item };
      return off;
    }
    case 'vn.lgsp.enterprise.role-assigned.v1': {
      const { enterpriseCode, enterpriseName, role, since } = event.data;
      const key = `${enterpriseCode}|${role}`;
      const item = copyItem(next.roles[key]);
      const on = markOn(item, stamp);
      const fields = setFields(item, { enterpriseName, since }, stamp);
      next.roles = { ...next.roles, [key]: item };
      return on || fields;
    }
    case 'vn.lgsp.enterprise.role-ended.v1': {
      const key = `${event.data.enterpriseCode}|${event.data.role}`;
      const item = copyItem(next.roles[key]);
      const off = markOff(item, stamp);
      next.roles = { ...next.roles, [key]: item };
      return off;
    }
    case 'vn.lgsp.judicial.conviction-recorded.v1': {
      const { judgmentNo, court, judgmentDate, offence, sentence } = event.data;
      const item = copyItem(next.convictions[judgmentNo]);
      const on = markOn(item, stamp);
      const fields = setFields(item, { court, judgmentDate, offence, sentence }, stamp);
      next.convictions = { ...next.convictions, [judgmentNo]: item };
      return on || fields;
    }
    case 'vn.lgsp.judicial.conviction-expunged.v1': {
      // An expunged conviction stays on the record, marked (record.md §1); the mark carries its own stamp,
      // so a late re-sent recording cannot clear it.
      const item = copyItem(next.convictions[event.data.judgmentNo]);
      const fields = setFields(item, { expungedOn: event.data.expungedOn }, stamp);
      next.convictions = { ...next.convictions, [event.data.judgmentNo]: item };
      return fields;
    }
    case 'vn.lgsp.judicial.ban-imposed.v1': {
      const { judgmentNo, ban, from, until } = event.data;
      const key = `${judgmentNo}|${ban}`;
      const item = copyItem(next.bans[key]);
      const on = markOn(item, stamp);
      const fields = setFields(item, { from, until: until ?? null }, stamp);
      next.bans = { ...next.bans, [key]: item };
      return on || fields;
    }
    default:
      return assertNever(event);
  }
}

function setIdentity(next: PersonState, values: Partial<Record<keyof PersonState['identity'], unknown>>, stamp: Stamp): boolean {
  const identity = { ...next.identity };
  let won = false;
  for (const [key, value] of Object.entries(values) as Array<[keyof PersonState['identity'], unknown]>) {
    if (value === undefined) continue;
    if (!isNewer(stamp, identity[key]?.s)) continue;
    (identity as Record<string, unknown>)[key] = { v: value, s: stamp };
    won = true;
  }
  next.identity = identity;
  return won;
}

function assertNever(value: never): never {
  throw new TypeError(`unhandled event type ${(value as { type?: string }).type}`);
}
