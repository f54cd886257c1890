// B3 (record reads, req/s) of benchmarks.md: `GET /v1/citizens/{id}` with key, purpose, section cut and
// audit (each answer waits for its entry in lgsp.audit.v1, acks=all), over real HTTP on 127.0.0.1 with
// several keep-alive connections. Ceiling, same run, same client: bare fastify answering a constant JSON
// of the same size. Then the hub, and the ceiling for comparison, at half the hub's peak rate, for the p99
// the target speaks of. The client runs in a process of its own (services/citizen-api/bench/http-load.ts):
// autocannon for the peak, an open-loop pacer for the fixed rate.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@lgsp/infra';
import { createKafka } from '@lgsp/kafka';
import { createLogger } from '@lgsp/runtime';
import { generateProvince, groupCaughtUp, uniqueId, uniqueTopicPrefix } from '@lgsp/testkit';
import { privateRedis, startService, unthrottledPolicyFile } from './lib/hub-processes.ts';
import { deleteTopics, freshTopics, loadEvents } from './lib/kafka-topics.ts';
import { round, withRatio, type BenchResult } from './lib/result.ts';
import type { LoadPlan, LoadResult } from '../services/citizen-api/bench/http-load.ts';

export interface B3Options {
  brokers: string;
  people?: number;
  connections?: number;
  seconds?: number;
  log?: (line: string) => void;
}


const READER = { key: 'dev-land-portal-key', purpose: 'land-procedure' };

async function load(plan: LoadPlan): Promise<LoadResult> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'services/citizen-api/bench/http-load.ts'), JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return JSON.parse(output) as LoadResult;
}

async function averageBodyBytes(url: string, paths: string[]): Promise<number> {
  let total = 0;
  for (const requestPath of paths) {
    const response = await fetch(`${url}${requestPath}`, { headers: { authorization: `Bearer ${READER.key}` } });
    if (response.status !== 200) throw new Error(`warm-up read answered ${response.status}`);
    total += (await response.arrayBuffer()).byteLength;
  }
  return Math.round(total / paths.length);
}

export async function runB3({ brokers, people = 5_000, connections = 32, seconds = 12, log = () => {} }: B3Options): Promise<BenchResult[]> {
  const logger = createLogger({ service: 'bench', level: 'error' });
  const kafka = createKafka({ brokers, clientId: 'bench-b3', logger });
  const prefix = uniqueTopicPrefix();
  const names = await freshTopics(kafka, prefix);
  const redis = await privateRedis();
  const services: Array<{ stop(): Promise<void> }> = [];
  try {
    log(`B3: folding ${people.toLocaleString('en')} people into a private Redis`);
    const province = generateProvince({ seed: 33, people });
    await loadEvents(kafka, logger, names, province.events);
    const env = { KAFKA_BROKERS: brokers, REDIS_URL: redis.url, KAFKA_TOPIC_PREFIX: prefix };
    const groupId = uniqueId('bench-b3-consolidator');
    const consolidator = await startService('services/consolidator/src/server.ts', { ...env, CONSOLIDATOR_GROUP_ID: groupId });
    while (!(await groupCaughtUp(kafka, groupId, Object.values(names.registry)))) await new Promise((r) => setTimeout(r, 200));
    await consolidator.stop();

    const api = await startService('services/citizen-api/src/server.ts', { ...env, POLICY_FILE: unthrottledPolicyFile() }, '/ready');
    services.push(api);
    const paths = province.people.slice(0, 1_000).map((person) => `/v1/citizens/${person.personalId}?purpose=${READER.purpose}`);
    const bodyBytes = await averageBodyBytes(api.url, paths.slice(0, 100));
    const ceilingServer = await startService('services/citizen-api/bench/constant-json-server.ts', { BODY_BYTES: String(bodyBytes) }, '/');
    services.push(ceilingServer);
    const plan = { paths, headers: { authorization: `Bearer ${READER.key}` }, connections, durationSeconds: seconds };

    log(`B3: ceiling (bare fastify, constant ${bodyBytes}-byte JSON), ${connections} connections, ${seconds} s`);
    const ceiling = await load({ ...plan, url: ceilingServer.url });
    log('B3: hub (key, purpose, cut, audit with acks=all)');
    await load({ ...plan, url: api.url, durationSeconds: 2 });
    const peak = await load({ ...plan, url: api.url });
    const halfRate = Math.round(peak.requestsPerSecond / 2);
    log(`B3: hub at half its peak rate (${halfRate} req/s)`);
    const half = await load({ ...plan, url: api.url, rate: halfRate });
    const ceilingHalf = await load({ ...plan, url: ceilingServer.url, rate: halfRate });
    const failures = peak.non2xx + peak.errors + half.non2xx + half.errors;
    return [
      withRatio({
        id: 'B3',
        figure: 'record reads',
        unit: 'req/s',
        hub: round(peak.requestsPerSecond),
        ceiling: round(ceiling.requestsPerSecond),
        p50_ms: half.p50Ms,
        p99_ms: half.p99Ms,
        target: 'ratio ≥ 0.5; p99 ≤ 10 ms at half the peak rate',
        notes: `${connections} connections, ${bodyBytes}-byte answers; p50/p99 at ${halfRate} req/s (ceiling at that rate: p50 ${ceilingHalf.p50Ms} ms, p99 ${ceilingHalf.p99Ms} ms; at peak: hub p99 ${peak.p99Ms} ms, ceiling p99 ${ceiling.p99Ms} ms); ${failures} non-2xx or errors`,
      }),
    ];
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    await redis.stop();
    await deleteTopics(kafka, names);
  }
}
