// B5 (rebuild, events/s), benchmarks.md: `lgsp replay --from earliest` of 1,000,000 events into a fresh
// keyspace, as an operator runs it (the CLI process), from start to the switch and the old generation
// dropped. Ceiling: B2's, a bare kafkajs consumer group reading the same topics with an empty handler.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@lgsp/infra';
import { createKafka } from '@lgsp/kafka';
import { createLogger } from '@lgsp/runtime';
import { uniqueId, uniqueKeyPrefix, uniqueTopicPrefix } from '@lgsp/testkit';
import { privateRedis } from './lib/hub-processes.ts';
import { ceilingConsume, deleteTopics, freshTopics, loadEvents } from './lib/kafka-topics.ts';
import { round, withRatio, type BenchResult } from './lib/result.ts';
import { consolidationWorkload } from './lib/workload.ts';

export interface B5Options {
  brokers: string;
  events?: number;
  /** Replay processes: one per core of this machine. */
  workers?: number;
  log?: (line: string) => void;
}

interface ReplayReport {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

function runReplay(env: Record<string, string>, workers: number): Promise<ReplayReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'services/cli/src/main.ts'), 'replay', '--workers', String(workers), '--json'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`lgsp replay exited with ${code}`));
      resolve(JSON.parse(stdout) as ReplayReport);
    });
  });
}

export async function runB5({ brokers, events = 1_000_000, workers = 2, log = () => {} }: B5Options): Promise<BenchResult[]> {
  const logger = createLogger({ service: 'bench', level: 'error' });
  const kafka = createKafka({ brokers, clientId: 'bench-b5', logger });
  const prefix = uniqueTopicPrefix();
  const names = await freshTopics(kafka, prefix);
  const people = Math.round(events / 4);
  log(`B5: generating and loading ${events.toLocaleString('en')} events for ${people.toLocaleString('en')} people`);
  const workload = consolidationWorkload({ seed: 55, people, events });
  await loadEvents(kafka, logger, names, workload);

  log('B5: ceiling (kafkajs consumer, empty handler)');
  const ceiling = await ceilingConsume(brokers, Object.values(names.registry), workload.length);

  const redis = await privateRedis();
  try {
    log(`B5: hub (lgsp replay --from earliest --workers ${workers}, start to switch and drop)`);
    const report = await runReplay({ KAFKA_BROKERS: brokers, REDIS_URL: redis.url, KAFKA_TOPIC_PREFIX: prefix, REDIS_KEY_PREFIX: uniqueKeyPrefix(), CONSOLIDATOR_GROUP_ID: uniqueId('bench-live'), LOG_LEVEL: 'silent' }, workers);
    return [
      withRatio({
        id: 'B5',
        figure: `rebuild, lgsp replay of ${workload.length.toLocaleString('en')} events, ${workers} processes`,
        unit: 'events/s',
        hub: round(report.events / report.seconds),
        ceiling: round(ceiling),
        target: '≥ 25,000 events/s',
        notes: `${report.events} events in ${report.seconds} s`,
      }),
    ];
  } finally {
    await redis.stop();
    await deleteTopics(kafka, names);
  }
}
