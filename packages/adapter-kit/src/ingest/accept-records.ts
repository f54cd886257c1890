// POST /v1/records, once parsed: native records are mapped (and validated) all together; one that
// cannot be mapped is a 422 naming every field by a pointer into the native body, and nothing is
// published. Otherwise all their events go out in one acknowledged batch, and only then is the mapper's
// state (enterprise snapshots) advanced.
import type { Registry } from '@lgsp/contract';
import type { ProblemField } from '@lgsp/runtime';
import { AdapterErrors } from '../errors.ts';
import type { NativeMapper } from '../mapping/native-mapper.ts';
import type { RegistryCounters } from '@lgsp/figures';
import type { AdapterMetrics } from '../metrics.ts';
import { agencyAttribute, traceparentFor, withHubAttributes } from './hub-attributes.ts';
import type { EventPublisher } from './publisher.ts';
import type { IngestRequest } from './request-context.ts';

export interface NativeRecord {
  value: unknown;
  /** Where the record sits in the body: '' for a single JSON record, `/7` for NDJSON line 8. */
  pointer: string;
}

export interface RecordsAccepted {
  accepted: number;
  events: number;
}

export interface RecordsIngestDeps {
  registry: Registry;
  mapper: NativeMapper;
  publisher: EventPublisher;
  metrics: AdapterMetrics;
  counters: RegistryCounters;
  now: () => Date;
}

export function createRecordsIngest({ registry, mapper, publisher, metrics, counters, now }: RecordsIngestDeps) {
  return async function acceptRecords(records: readonly NativeRecord[], request: IngestRequest): Promise<RecordsAccepted> {
    if (records.length === 0) {
      throw AdapterErrors.RecordsUnmappable({ detail: 'The body holds no record', errors: [{ pointer: '', message: 'must hold at least one record' }] });
    }
    const prepared = await mapper.prepare(records.map((record) => record.value));
    try {
      const problems: ProblemField[] = [];
      let unmappable = 0;
      prepared.outcomes.forEach((outcome, index) => {
        if (outcome.ok) return;
        unmappable += 1;
        const prefix = records[index]!.pointer;
        for (const error of outcome.errors) problems.push({ pointer: prefix + error.pointer, message: error.message });
      });
      if (problems.length > 0) {
        throw AdapterErrors.RecordsUnmappable({
          detail: `${unmappable} of ${records.length} records cannot be mapped to valid ${registry} events; nothing was published`,
          errors: problems,
        });
      }
      const attributes = { lgspreceivedat: now().toISOString(), lgspagency: agencyAttribute(request.agency.name), traceparent: traceparentFor(request.traceparent) };
      const events = prepared.outcomes.flatMap((outcome) => (outcome.ok ? outcome.events : [])).map((event) => withHubAttributes(event, attributes));
      await publisher.publish({ events, requestId: request.requestId });
      await prepared.commit();
      metrics.recordsAccepted.inc({ registry, mode: 'push' }, records.length);
      metrics.eventsAccepted.inc({ registry, input: 'native' }, events.length);
      counters.accepted(events.length, now().getTime());
      request.log.info({ records: records.length, events: events.length, traceparent: attributes.traceparent }, 'records accepted');
      return { accepted: records.length, events: events.length };
    } finally {
      await prepared.release();
    }
  };
}
