// B4 (freshness) of benchmarks.md: the time from an adapter's 202 to the change being visible in
// citizen-api, while the land adapter takes a steady 1,000 events/s of native records (CAP_MOI, each for
// a person the hub has not heard of, in small NDJSON batches on a fixed schedule). Every 100 ms one
// accepted record is followed: from its 202, its person is read through citizen-api (land portal, with
// key, purpose, cut and audit) every few milliseconds until the record answers. The whole path is real:
// adapter → Kafka → consolidator → Redis → citizen-api.
import { createGenerator, type Person } from '@lgsp/contract';
import { createKafka } from '@lgsp/kafka';
import { createLogger } from '@lgsp/runtime';
import { uniqueId, uniqueTopicPrefix } from '@lgsp/testkit';
import { privateRedis, startService, unthrottledPolicyFile } from './lib/hub-processes.ts';
import { deleteTopics, freshTopics } from './lib/kafka-topics.ts';
import { percentile, round, withRatio, type BenchResult } from './lib/result.ts';

export interface B4Options {
  brokers: string;
  eventsPerSecond?: number;
  seconds?: number;
  log?: (line: string) => void;
}

const BATCH_INTERVAL_MS = 20;
const FOLLOW_EVERY_MS = 100;
const POLL_MS = 5;
const WARM_UP_SECONDS = 2;
const GIVE_UP_MS = 10_000;

function landGrant(person: Person, serial: number): Record<string, unknown> {
  const number = String(serial).padStart(6, '0');
  return {
    maBienDong: `BD-B4-${number}`,
    loaiBienDong: 'CAP_MOI',
    thoiDiem: '2025-07-01T08:00:00+07:00',
    thuaDat: { maXa: '00004', soTo: 12, soThua: (serial % 2000) + 1, dienTich: 120.5, mucDich: 'ODT' },
    giayChungNhan: { soPhatHanh: `BQ${number}`, ngayCap: '2025-07-01' },
    chuSuDung: { soDinhDanh: person.personalId, hoTen: person.fullName },
  };
}

/** Milliseconds from `since` until the person's record answers 200; undefined if it never does within the limit. */
async function visibleAfter(apiUrl: string, personalId: string, since: number): Promise<number | undefined> {
  while (performance.now() - since < GIVE_UP_MS) {
    const response = await fetch(`${apiUrl}/v1/citizens/${personalId}?purpose=land-procedure`, { headers: { authorization: 'Bearer dev-land-portal-key' } });
    await response.arrayBuffer();
    if (response.status === 200) return performance.now() - since;
    if (response.status !== 404) throw new Error(`citizen-api answered ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return undefined;
}

export async function runB4({ brokers, eventsPerSecond = 1_000, seconds = 15, log = () => {} }: B4Options): Promise<BenchResult[]> {
  const logger = createLogger({ service: 'bench', level: 'error' });
  const kafka = createKafka({ brokers, clientId: 'bench-b4', logger });
  const prefix = uniqueTopicPrefix();
  const names = await freshTopics(kafka, prefix);
  const redis = await privateRedis();
  const env = { KAFKA_BROKERS: brokers, REDIS_URL: redis.url, KAFKA_TOPIC_PREFIX: prefix };
  const services = [
    await startService('services/consolidator/src/server.ts', { ...env, CONSOLIDATOR_GROUP_ID: uniqueId('bench-b4-consolidator') }, '/ready'),
    await startService('services/adapter-land/src/server.ts', env, '/ready'),
    await startService('services/citizen-api/src/server.ts', { ...env, POLICY_FILE: unthrottledPolicyFile() }, '/ready'),
  ];
  const [, adapter, api] = services as [unknown, { url: string }, { url: string }];
  try {
    const generator = createGenerator(44);
    const perBatch = Math.max(1, Math.round((eventsPerSecond * BATCH_INTERVAL_MS) / 1000));
    const batches = Math.round(((seconds + WARM_UP_SECONDS) * 1000) / BATCH_INTERVAL_MS);
    const followEvery = Math.round(FOLLOW_EVERY_MS / BATCH_INTERVAL_MS);
    const latencies: number[] = [];
    const inFlight: Array<Promise<unknown>> = [];
    let serial = 0;
    let accepted = 0;
    let missed = 0;
    log(`B4: ${eventsPerSecond} events/s into adapter-land for ${seconds} s (after ${WARM_UP_SECONDS} s warm-up), following one record every ${FOLLOW_EVERY_MS} ms`);
    const started = performance.now();
    for (let batch = 0; batch < batches; batch += 1) {
      const due = started + batch * BATCH_INTERVAL_MS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const people = Array.from({ length: perBatch }, () => generator.person());
      const body = `${people.map((person) => JSON.stringify(landGrant(person, (serial += 1)))).join('\n')}\n`;
      const counted = batch >= (WARM_UP_SECONDS * 1000) / BATCH_INTERVAL_MS;
      const followed = counted && batch % followEvery === 0 ? people[0] : undefined;
      inFlight.push(
        // Settled at once either way, so one refusal cannot go unhandled while the schedule runs on.
        (async (): Promise<unknown> => {
          const response = await fetch(`${adapter.url}/v1/records`, {
            method: 'POST',
            headers: { authorization: 'Bearer dev-land-key', 'content-type': 'application/x-ndjson' },
            body,
          });
          const acceptedAt = performance.now();
          const answer = await response.text();
          if (response.status !== 202) throw new Error(`adapter-land answered ${response.status}: ${answer.slice(0, 500)}`);
          accepted += perBatch;
          if (!followed) return;
          const latency = await visibleAfter(api.url, followed.personalId, acceptedAt);
          if (latency === undefined) missed += 1;
          else latencies.push(latency);
          return undefined;
        })().catch((error: unknown) => error),
      );
    }
    const failure = (await Promise.all(inFlight)).find((outcome) => outcome instanceof Error);
    if (failure) throw failure;
    const achieved = accepted / ((performance.now() - started) / 1000);
    latencies.sort((a, b) => a - b);
    return [
      withRatio({
        id: 'B4',
        figure: 'freshness, adapter 202 → visible in citizen-api',
        unit: 'ms (p99)',
        hub: round(percentile(latencies, 99), 1),
        ceiling: null,
        p50_ms: round(percentile(latencies, 50), 1),
        p99_ms: round(percentile(latencies, 99), 1),
        target: 'p99 ≤ 500 ms at 1,000 events/s',
        notes: `${latencies.length} records followed, ${missed} not visible within ${GIVE_UP_MS} ms; ${round(achieved)} events/s accepted by adapter-land (NDJSON batches of ${perBatch} every ${BATCH_INTERVAL_MS} ms); polled every ${POLL_MS} ms`,
      }),
    ];
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    await redis.stop();
    await deleteTopics(kafka, names);
  }
}
