// The events the record folds, narrowed from the contract's catalogue.
import type { EventOf, HubEvent } from '@lgsp/contract';

export type EnterpriseStatusEvent = EventOf<'vn.lgsp.enterprise.status-changed.v1'>;

/** Every event whose subject is a person (all but the enterprise's own status changes). */
export type PersonEvent = Exclude<HubEvent, EnterpriseStatusEvent>;

/** The hub's extension attribute set when an adapter accepted the event. */
export function receivedAtOf(event: { lgspreceivedat?: unknown }): string | null {
  return typeof event.lgspreceivedat === 'string' ? event.lgspreceivedat : null;
}

export function isEnterpriseStatusEvent(event: HubEvent): event is EnterpriseStatusEvent {
  return event.type === 'vn.lgsp.enterprise.status-changed.v1';
}
