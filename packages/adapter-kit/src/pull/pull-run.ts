// One pull run: page by page, map the records, publish their events and dead letters in one
// acknowledged batch, advance the mapper's state, then the source's durable position — in that order,
// so a crash at any point re-reads at most the page that was not yet recorded as done, and never skips.
// Runs never overlap: not in this process (a flag), nor across instances (a Redis lease).
import { randomUUID } from 'node:crypto';
import type { Registry } from '@lgsp/contract';
import type { Message } from '@lgsp/kafka';
import type { RedisClient } from '@lgsp/redis';
import { isHubError, type Logger } from '@lgsp/runtime';
import { agencyAttribute, traceparentFor, withHubAttributes } from '../ingest/hub-attributes.ts';
import type { EventPublisher } from '../ingest/publisher.ts';
import type { NativeMapper } from '../mapping/native-mapper.ts';
import type { RegistryCounters } from '@lgsp/figures';
import type { AdapterMetrics } from '../metrics.ts';
import { adapterKey } from '../state/keys.ts';
import { acquireLease } from '../state/redis-lock.ts';
import { unmappableLetter, unreadableLetter } from './dead-letters.ts';
import { SourceUnavailableError, type PulledItem, type PulledPage, type PullSource } from './pull-source.ts';

export type PullOutcome = 'done' | 'busy' | 'source-unavailable' | 'kafka-unavailable' | 'failed';

export interface PullRunSummary {
  outcome: PullOutcome;
  pages: number;
  records: number;
  events: number;
  deadLettered: number;
}

export interface PullRunnerOptions {
  registry: Registry;
  service: string;
  /** The agency named on pulled events (lgspagency): the policy's agency of this registry. */
  agencyName: string;
  openSource: () => PullSource;
  mapper: NativeMapper;
  publisher: EventPublisher;
  metrics: AdapterMetrics;
  counters: RegistryCounters;
  redis: RedisClient;
  keyPrefix: string;
  maxPagesPerRun: number;
  logger: Logger;
  now: () => Date;
  leaseTtlMs?: number;
}

export interface PullRunner {
  run(): Promise<PullRunSummary>;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
}

function isReadable(item: PulledItem): boolean {
  return item.unreadable === undefined;
}

export function createPullRunner(options: PullRunnerOptions): PullRunner {
  const { registry, service, mapper, publisher, metrics, counters, redis, logger, now } = options;
  const leaseTtlMs = options.leaseTtlMs ?? 60_000;
  const leaseKey = adapterKey(options.keyPrefix, registry, 'pull', 'lease');
  const agency = agencyAttribute(options.agencyName);
  let current: Promise<PullRunSummary> | undefined;

  const publishPage = async (page: PulledPage, runId: string, summary: PullRunSummary): Promise<void> => {
    const readable = page.items.filter(isReadable);
    const prepared = await mapper.prepare(readable.map((item) => item.value));
    try {
      const letterContext = { stage: service, origin: page.origin, time: now().toISOString() };
      const deadLetters: Message[] = page.items.flatMap((item) => (item.unreadable ? [unreadableLetter({ ...item, unreadable: item.unreadable }, letterContext)] : []));
      const attributes = { lgspreceivedat: now().toISOString(), lgspagency: agency, traceparent: traceparentFor(undefined) };
      const events = prepared.outcomes.flatMap((outcome, index) => {
        if (outcome.ok) return outcome.events.map((event) => withHubAttributes(event, attributes));
        deadLetters.push(unmappableLetter(readable[index]!, outcome.errors, letterContext));
        return [];
      });
      await publisher.publish({ events, deadLetters, requestId: runId });
      await prepared.commit();
      await page.advance();
      summary.pages += 1;
      summary.records += page.items.length;
      summary.events += events.length;
      summary.deadLettered += deadLetters.length;
      metrics.recordsAccepted.inc({ registry, mode: 'pull' }, readable.length);
      metrics.eventsAccepted.inc({ registry, input: 'pull' }, events.length);
      metrics.deadLettered.inc({ registry }, deadLetters.length);
      counters.accepted(events.length, now().getTime());
      counters.deadLettered(deadLetters.map((letter) => String(letter.key)));
      for (const letter of deadLetters) logger.warn({ runId, deadLetter: String(letter.key) }, 'pulled record dead-lettered');
    } finally {
      await prepared.release();
    }
  };

  const runOnce = async (): Promise<PullRunSummary> => {
    const runId = `pull-${randomUUID()}`;
    const log = logger.child({ runId });
    const summary: PullRunSummary = { outcome: 'done', pages: 0, records: 0, events: 0, deadLettered: 0 };
    const lease = await acquireLease(redis, [leaseKey], { ttlMs: leaseTtlMs, waitMs: 0 });
    if (!lease) return { ...summary, outcome: 'busy' };
    let leaseHeld = true;
    const renew = setInterval(() => {
      lease.extend().then((held) => (leaseHeld = held), () => (leaseHeld = false));
    }, Math.max(1_000, Math.floor(leaseTtlMs / 3)));
    renew.unref();
    try {
      const source = options.openSource();
      while (summary.pages < options.maxPagesPerRun && leaseHeld) {
        const page = await source.nextPage();
        if (!page) break;
        await publishPage(page, runId, summary);
      }
    } catch (error) {
      if (error instanceof SourceUnavailableError) {
        summary.outcome = 'source-unavailable';
        log.warn({ err: error }, 'pull source unavailable; the next run retries from the same position');
      } else if (isHubError(error) && error.retriable) {
        summary.outcome = 'kafka-unavailable';
        log.warn({ code: error.code }, 'events not acknowledged; the next run retries the same page');
      } else {
        summary.outcome = 'failed';
        log.error({ err: error }, 'pull run failed; the next run retries from the same position');
      }
    } finally {
      clearInterval(renew);
      await lease.release().catch((error: unknown) => log.warn({ err: error }, 'pull lease not released; it expires by itself'));
    }
    metrics.pullRuns.inc({ registry, outcome: summary.outcome });
    if (summary.pages > 0 || summary.outcome !== 'done') log.info({ ...summary }, 'pull run finished');
    return summary;
  };

  return {
    run: () => {
      if (current) return Promise.resolve({ outcome: 'busy', pages: 0, records: 0, events: 0, deadLettered: 0 });
      current = runOnce().finally(() => {
        current = undefined;
      });
      return current;
    },
    idle: async () => {
      await current?.catch(() => undefined);
    },
  };
}
