// An enterprise's status, held once per enterprise (record.md §2) and joined into each role holder's
// record when it is rendered.
import type { EnterpriseStatusEvent } from './events.ts';
import { isNewer, stampOf } from './stamp.ts';
import type { EnterpriseState } from './state.ts';
import type { ApplyOutcome } from './evolve.ts';

export interface EnterpriseApplyResult {
  state: EnterpriseState;
  outcome: ApplyOutcome;
  changed: boolean;
}

export function applyEnterpriseEvent(state: EnterpriseState, event: EnterpriseStatusEvent): EnterpriseApplyResult {
  const seenKey = `${event.source} ${event.id}`;
  if (state.seen.includes(seenKey)) return { state, outcome: 'duplicate', changed: false };
  const stamp = stampOf(event);
  const seen = [...state.seen, seenKey].sort();
  if (!isNewer(stamp, state.status?.s)) return { state: { ...state, seen }, outcome: 'superseded', changed: false };
  const { status, enterpriseName, since } = event.data;
  const previous = state.status?.v.status;
  return {
    state: { ...state, seen, status: { v: { status, name: enterpriseName, since }, s: stamp } },
    outcome: 'applied',
    changed: previous !== status,
  };
}
