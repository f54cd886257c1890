// POST /v1/events, once parsed: an agency's CloudEvents are checked all together — every event of
// another registry's type is a 403, every contract problem a 422, each named by index and pointer — and
// only when all pass are they stamped with the hub's attributes and published in one acknowledged batch.
import { eventTypesOfRegistry, isEventType, registryOfType, validateEvent, type HubEvent, type Registry } from '@lgsp/contract';
import { Errors, type ProblemField } from '@lgsp/runtime';
import { AdapterErrors } from '../errors.ts';
import type { RegistryCounters } from '@lgsp/figures';
import type { AdapterMetrics } from '../metrics.ts';
import { agencyAttribute, traceparentFor, withHubAttributes } from './hub-attributes.ts';
import type { EventPublisher } from './publisher.ts';
import { itemPointer, type IngestRequest } from './request-context.ts';

export interface EventsBody {
  events: readonly unknown[];
  /** A batch body (a JSON array): pointers carry the index. */
  batch: boolean;
}

export interface EventsAccepted {
  accepted: number;
  ids: string[];
}

export interface EventsIngestDeps {
  registry: Registry;
  publisher: EventPublisher;
  metrics: AdapterMetrics;
  counters: RegistryCounters;
  now: () => Date;
}

function typeOf(event: unknown): unknown {
  return typeof event === 'object' && event !== null ? (event as Record<string, unknown>).type : undefined;
}

export function createEventsIngest({ registry, publisher, metrics, counters, now }: EventsIngestDeps) {
  const ownTypes = eventTypesOfRegistry(registry);

  const forbiddenTypes = ({ events, batch }: EventsBody): ProblemField[] =>
    events.flatMap((event, index) => {
      const type = typeOf(event);
      if (!isEventType(type) || registryOfType(type) === registry) return [];
      return [{ pointer: `${itemPointer(batch, index)}/type`, message: `is a ${registryOfType(type)} event type; this key may publish ${registry} types only` }];
    });

  return async function acceptEvents(body: EventsBody, request: IngestRequest): Promise<EventsAccepted> {
    if (body.events.length === 0) {
      throw AdapterErrors.EventsInvalid({ detail: 'The batch holds no event', errors: [{ pointer: '', message: 'must hold at least one event' }] });
    }
    const forbidden = forbiddenTypes(body);
    if (forbidden.length > 0) {
      throw Errors.Forbidden({
        detail: `${request.agency.name} may publish only ${registry} events: ${ownTypes.join(', ')}; nothing was published`,
        errors: forbidden,
        extensions: { allowedTypes: ownTypes },
      });
    }

    const valid: HubEvent[] = [];
    const problems: ProblemField[] = [];
    let invalidEvents = 0;
    body.events.forEach((event, index) => {
      const result = validateEvent(event);
      if (result.ok) {
        valid.push(result.event);
        return;
      }
      invalidEvents += 1;
      const prefix = itemPointer(body.batch, index);
      for (const error of result.errors) problems.push({ pointer: prefix + error.pointer, message: error.message });
    });
    if (problems.length > 0) {
      throw AdapterErrors.EventsInvalid({
        detail: `${invalidEvents} of ${body.events.length} events do not satisfy the contract; nothing was published`,
        errors: problems,
      });
    }

    const attributes = { lgspreceivedat: now().toISOString(), lgspagency: agencyAttribute(request.agency.name), traceparent: traceparentFor(request.traceparent) };
    await publisher.publish({ events: valid.map((event) => withHubAttributes(event, attributes)), requestId: request.requestId });
    metrics.eventsAccepted.inc({ registry, input: 'cloudevents' }, valid.length);
    counters.accepted(valid.length, now().getTime());
    request.log.info({ events: valid.length, traceparent: attributes.traceparent }, 'events accepted');
    return { accepted: valid.length, ids: valid.map((event) => event.id) };
  };
}
