// `pnpm bench`: every benchmark of benchmarks.md against real Kafka and Redis, each beside its ceiling
// from the same run. Writes bench/results/latest.json and the table in README.md. Never fails the build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, resolveKafka, resolveRedis } from '@lgsp/infra';
import { runIngestBenchmarks } from '../packages/adapter-kit/bench/ingest.bench.ts';
import { runB2 } from './b2-consolidation.ts';
import { runB3 } from './b3-reads.ts';
import { runB4 } from './b4-freshness.ts';
import { runB5 } from './b5-replay.ts';
import { markdownTable } from './lib/table.ts';
import { withRatio, type BenchResult } from './lib/result.ts';

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const only = process.argv.slice(2).map((id) => id.toUpperCase());
const wanted = (id: string): boolean => only.length === 0 || only.includes(id);

const kafka = await resolveKafka({ log });
const redis = await resolveRedis({ log });
const results: BenchResult[] = [];

const INGEST_TARGETS: Record<string, { figure: string; target: string }> = {
  B1: { figure: 'ingest, batches of 500 CloudEvents', target: 'ratio ≥ 0.6; ≥ 20,000 events/s' },
  B1n: { figure: 'native ingest, NDJSON of 1,000 land records', target: 'ratio ≥ 0.5' },
  B1s: { figure: 'single event latency at 1,000 req/s', target: 'p99 ≤ 25 ms' },
};
try {
  if (wanted('B1') || wanted('B1N') || wanted('B1S')) {
    log('B1, B1n, B1s: adapter-land ingest beside a bare kafkajs producer');
    for (const result of await runIngestBenchmarks({ kafkaBrokers: kafka.brokers, redisUrl: redis.url, seconds: 10 })) {
      const known = INGEST_TARGETS[result.id] ?? { figure: result.id, target: '' };
      results.push({ ...withRatio({ ...result, ...known }), ratio: result.ratio });
    }
  }
  if (wanted('B2') || wanted('B6')) results.push(...(await runB2({ brokers: kafka.brokers, log })));
  if (wanted('B3')) results.push(...(await runB3({ brokers: kafka.brokers, log })));
  if (wanted('B4')) results.push(...(await runB4({ brokers: kafka.brokers, log })));
  if (wanted('B5')) results.push(...(await runB5({ brokers: kafka.brokers, log, ...(process.env.B5_EVENTS ? { events: Number(process.env.B5_EVENTS) } : {}) })));
} finally {
  await kafka.stop?.();
  await redis.stop?.();
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
const report = { date: new Date().toISOString(), machine, results };
fs.mkdirSync(path.join(repoRoot, 'bench', 'results'), { recursive: true });
fs.writeFileSync(path.join(repoRoot, 'bench', 'results', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

const table = markdownTable(results);
process.stdout.write(`\n${table}\n\n${report.date} — ${machine}\n`);

// The README keeps the latest full table (a partial run leaves it alone).
if (only.length === 0) {
  const readmePath = path.join(repoRoot, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const block = `<!-- bench:start -->\n${table}\n\nMeasured ${report.date.slice(0, 10)} on ${machine}.\n<!-- bench:end -->`;
  const updated = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block);
  if (updated !== readme) fs.writeFileSync(readmePath, updated);
}
