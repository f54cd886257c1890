// The table `pnpm bench` prints and writes into the README.
import type { BenchResult } from './result.ts';

const fmt = (value: number | null | undefined): string =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : value >= 100 ? Math.round(value).toLocaleString('en') : String(value);

export function markdownTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => `| ${r.id} | ${r.figure} | ${fmt(r.hub)} ${r.unit} | ${fmt(r.ceiling)} | ${fmt(r.ratio)} | ${fmt(r.p50_ms)} | ${fmt(r.p99_ms)} | ${r.target} |`);
  return ['| id | figure | hub | ceiling | ratio | p50 ms | p99 ms | target |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}
