// Small statistics for the load test: percentiles of latencies, and whether a series of memory samples
// keeps growing (a leak) or levels off (a working set).

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export interface Growth {
  /**
   * The lowest sample of the second quarter of the run (after warm-up) and of the last quarter. A heap's
   * samples saw-tooth between collections; its lows are what it holds on to, so a leak lifts them.
   */
  early: number;
  late: number;
  /** Least-squares slope of all samples over the second half of the run, bytes per second (for the report). */
  slopePerSecond: number;
}

export function growthOf(samples: ReadonlyArray<{ at: number; value: number }>): Growth {
  const start = samples[0]?.at ?? 0;
  const end = samples.at(-1)?.at ?? 0;
  const span = end - start;
  const within = (from: number, to: number) => samples.filter((sample) => sample.at >= start + from * span && sample.at <= start + to * span).map((sample) => sample.value);
  const secondHalf = samples.filter((sample) => sample.at >= start + span / 2);
  const meanX = secondHalf.reduce((sum, sample) => sum + sample.at, 0) / Math.max(1, secondHalf.length);
  const meanY = secondHalf.reduce((sum, sample) => sum + sample.value, 0) / Math.max(1, secondHalf.length);
  const covariance = secondHalf.reduce((sum, sample) => sum + (sample.at - meanX) * (sample.value - meanY), 0);
  const variance = secondHalf.reduce((sum, sample) => sum + (sample.at - meanX) ** 2, 0);
  return { early: Math.min(...within(0.25, 0.5)), late: Math.min(...within(0.75, 1)), slopePerSecond: variance === 0 ? 0 : (covariance / variance) * 1000 };
}
