// One benchmark figure as benchmarks.md records it: the hub's number beside its ceiling from the same run.
export interface BenchResult {
  id: string;
  figure: string;
  unit: string;
  hub: number;
  ceiling: number | null;
  ratio: number | null;
  target: string;
  p50_ms?: number;
  p99_ms?: number;
  notes?: string;
}

export function withRatio(result: Omit<BenchResult, 'ratio'>): BenchResult {
  return { ...result, ratio: result.ceiling ? Math.round((result.hub / result.ceiling) * 100) / 100 : null };
}

export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
