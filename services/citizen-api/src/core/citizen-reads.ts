// The citizen API's core: every read loads, cuts to the purpose, writes its audit entry and waits for
// Kafka's acknowledgement, and only then hands back what may be sent. Nothing here knows HTTP.
import { ACCESS_LOG, cutHistoryEntry, cutRecord, type RecordView, type SectionGrant, type StoredRecord } from '@lgsp/policy';
import { historyPage, type CitizenRecord } from '@lgsp/record';
import { personKey, type Keyspace } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import { accessLogPage } from '../access-log/store.ts';
import type { AuditDraft, AuditRead } from '@lgsp/audit';
import type { AuditWriter } from '../audit/writer.ts';
import { CitizenErrors } from '../errors.ts';
import type { CitizenApiMetrics } from '../metrics.ts';
import { etagOf, matchesIfNoneMatch } from './etag.ts';
import { loadCitizen } from './load-record.ts';
import { recordSectionsOf, type ReadContext } from './reader.ts';

export type RecordAnswer = { status: 200; etag: string; body: string } | { status: 304; etag: string };

export interface Page {
  limit: number;
  cursor?: string | undefined;
}

export interface CitizenReads {
  readRecord(context: ReadContext, personalId: string, ifNoneMatch: string | undefined): Promise<RecordAnswer>;
  /** `{ records, missing }`: the records found, cut, in the order asked; the IDs the hub never heard of. */
  readBatch(context: ReadContext, personalIds: readonly string[]): Promise<string>;
  readHistory(context: ReadContext, personalId: string, page: Page): Promise<string>;
  readAccessLog(context: ReadContext, personalId: string, page: Page): Promise<string>;
}

export interface CitizenReadsDeps {
  redis: RedisClient;
  keyspace: () => Keyspace;
  audit: AuditWriter;
  /** REDIS_KEY_PREFIX, for the access-log keys. */
  keyPrefix: string;
  /** The time an audit entry records. */
  now: () => string;
  metrics?: CitizenApiMetrics;
}

// A record not yet changed by anything has `updatedAt: null`; the cut passes it through as it is.
function cutCitizen(record: CitizenRecord, grant: SectionGrant): RecordView {
  return cutRecord(record as unknown as StoredRecord, grant);
}

function notFound(): Error {
  return CitizenErrors.CitizenNotFound({ detail: 'The hub has never heard of this personal ID' });
}

export function createCitizenReads({ redis, keyspace, audit, keyPrefix, now, metrics }: CitizenReadsDeps): CitizenReads {
  const draft = ({ reader, requestId }: ReadContext, personalId: string, read: AuditRead, sections: string[]): AuditDraft => ({
    time: now(),
    consumer: reader.consumer,
    purpose: reader.purpose,
    personalId,
    sections,
    requestId,
    read,
  });
  const counted = (context: ReadContext, read: AuditRead, status: 200 | 304, count = 1): void => {
    metrics?.reads.inc({ read, purpose: context.reader.purpose, status: String(status) }, count);
  };

  return {
    async readRecord(context, personalId, ifNoneMatch) {
      const loaded = await loadCitizen(redis, keyspace(), personalId);
      if (!loaded) throw notFound();
      const view = cutCitizen(loaded.record, context.reader.grant);
      const etag = etagOf(view);
      // A 304 is audited too: it tells the consumer the record it holds is still the person's record.
      await audit.append([draft(context, personalId, 'record', recordSectionsOf(context.reader.grant))]);
      if (matchesIfNoneMatch(ifNoneMatch, etag)) {
        counted(context, 'record', 304);
        return { status: 304, etag };
      }
      counted(context, 'record', 200);
      return { status: 200, etag, body: JSON.stringify(view) };
    },

    async readBatch(context, personalIds) {
      const unique = [...new Set(personalIds)];
      const space = keyspace();
      const loaded = await Promise.all(unique.map((id) => loadCitizen(redis, space, id)));
      const records: RecordView[] = [];
      const missing: string[] = [];
      const sections = recordSectionsOf(context.reader.grant);
      const drafts: AuditDraft[] = [];
      unique.forEach((id, index) => {
        const citizen = loaded[index];
        if (!citizen) {
          missing.push(id);
          return;
        }
        records.push(cutCitizen(citizen.record, context.reader.grant));
        drafts.push(draft(context, id, 'record', sections));
      });
      await audit.append(drafts);
      counted(context, 'record', 200, records.length);
      return JSON.stringify({ records, missing });
    },

    async readHistory(context, personalId, { limit, cursor }) {
      const loaded = await loadCitizen(redis, keyspace(), personalId);
      if (!loaded) throw notFound();
      const { grant } = context.reader;
      const page = historyPage(loaded.state, { limit, cursor: cursor ?? null, include: (entry) => cutHistoryEntry(entry, grant) !== null });
      await audit.append([draft(context, personalId, 'history', recordSectionsOf(grant))]);
      counted(context, 'history', 200);
      return JSON.stringify({ personalId, items: page.items, nextCursor: page.nextCursor });
    },

    async readAccessLog(context, personalId, page) {
      if ((await redis.exists(personKey(keyspace(), personalId))) === 0) throw notFound();
      const log = await accessLogPage(redis, keyPrefix, personalId, page);
      await audit.append([draft(context, personalId, 'access-log', [ACCESS_LOG])]);
      counted(context, 'access-log', 200);
      return JSON.stringify({ personalId, items: log.items, nextCursor: log.nextCursor });
    },
  };
}
