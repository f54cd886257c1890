// `pnpm bench`: every benchmark of benchmarks.md against real Kafka and Redis, each beside its ceiling
// from the same run. Writes bench/results/latest.json and the table in README.md. Never fails the build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, resolveKafka } from '@lgsp/infra';
import { runB2 } from './b2-consolidation.ts';
import { markdownTable } from './lib/table.ts';
import type { BenchResult } from './lib/result.ts';

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const only = process.argv.slice(2).map((id) => id.toUpperCase());
const wanted = (id: string): boolean => only.length === 0 || only.includes(id);

const kafka = await resolveKafka({ log });
const results: BenchResult[] = [];
try {
  if (wanted('B2') || wanted('B6')) results.push(...(await runB2({ brokers: kafka.brokers, log })));
} finally {
  await kafka.stop?.();
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
