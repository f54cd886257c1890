// B2 (consolidation, events/s) and B6 (Redis memory per person), benchmarks.md.
// Ceiling: a bare kafkajs consumer group reading the same topics with an empty handler, same run.
// Hub: the consolidator process, from start to lag 0, folding into a private Redis; B6 is that Redis's
// used_memory growth divided by the people folded.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, repoRoot, startNativeRedis } from '@lgsp/infra';
import { createKafka } from '@lgsp/kafka';
import { createRedis, closeRedis } from '@lgsp/redis';
import { createLogger } from '@lgsp/runtime';
import { groupCaughtUp, uniqueId, uniqueTopicPrefix } from '@lgsp/testkit';
import { ceilingConsume, deleteTopics, freshTopics, loadEvents } from './lib/kafka-topics.ts';
import { round, withRatio, type BenchResult } from './lib/result.ts';
import { consolidationWorkload } from './lib/workload.ts';

export interface B2Options {
  brokers: string;
  people?: number;
  events?: number;
  log?: (line: string) => void;
}

async function usedMemory(url: string): Promise<number> {
  const redis = createRedis({ url, logger: createLogger({ service: 'bench', level: 'error' }) });
  const info = await redis.info('memory');
  await closeRedis(redis);
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

export async function runB2({ brokers, people = 50_000, events = 200_000, log = () => {} }: B2Options): Promise<BenchResult[]> {
  const logger = createLogger({ service: 'bench', level: 'error' });
  const kafka = createKafka({ brokers, clientId: 'bench-b2', logger });
  const prefix = uniqueTopicPrefix();
  const names = await freshTopics(kafka, prefix);
  const registryTopics = Object.values(names.registry);
  log(`B2: generating ${events.toLocaleString('en')} events for ${people.toLocaleString('en')} people`);
  const workload = consolidationWorkload({ seed: 42, people, events });
  await loadEvents(kafka, logger, names, workload);

  log('B2: ceiling (kafkajs consumer, empty handler)');
  const ceiling = await ceilingConsume(brokers, registryTopics, workload.length);

  const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgsp-bench-redis-'));
  const redis = await startNativeRedis({ port: await freePort(), dataDir: redisDir });
  const baseline = await usedMemory(redis.url);
  const groupId = uniqueId('bench-consolidator');
  log('B2: hub (consolidator process, start to lag 0)');
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'services/consolidator/src/server.ts')], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', KAFKA_BROKERS: brokers, REDIS_URL: redis.url, KAFKA_TOPIC_PREFIX: prefix, CONSOLIDATOR_GROUP_ID: groupId },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  while (!(await groupCaughtUp(kafka, groupId, registryTopics))) {
    if (child.exitCode !== null) throw new Error(`the consolidator exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const hubRate = workload.length / ((performance.now() - started) / 1000);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  const grown = (await usedMemory(redis.url)) - baseline;
  const distinctPeople = new Set(workload.filter((event) => event.type !== 'vn.lgsp.enterprise.status-changed.v1').map((event) => event.subject)).size;
  await redis.stop();
  fs.rmSync(redisDir, { recursive: true, force: true });
  await deleteTopics(kafka, names);

  return [
    withRatio({ id: 'B2', figure: 'consolidation', unit: 'events/s', hub: round(hubRate), ceiling: round(ceiling), target: 'ratio ≥ 0.5; ≥ 20,000 events/s' }),
    withRatio({
      id: 'B6',
      figure: 'Redis memory per person',
      unit: 'bytes',
      hub: round(grown / distinctPeople),
      ceiling: null,
      target: '≤ 2,048 bytes per person',
      notes: `${distinctPeople} people, ${workload.length} events`,
    }),
  ];
}
