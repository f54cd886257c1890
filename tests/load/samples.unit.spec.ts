import { describe, expect, it } from 'vitest';
import { growthOf, percentile } from './samples.ts';

describe('load statistics', () => {
  it('takes percentiles by rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 99)).toBe(99);
  });

  it('tells a leak from a working set that levels off', () => {
    const leak = Array.from({ length: 60 }, (_, i) => ({ at: i * 1000, value: 50e6 + i * 1e6 }));
    const level = Array.from({ length: 60 }, (_, i) => ({ at: i * 1000, value: 50e6 + Math.min(i, 10) * 1e6 + (i % 3) * 1e5 }));
    expect(growthOf(leak).slopePerSecond).toBeCloseTo(1e6, -3);
    expect(growthOf(leak).late - growthOf(leak).early).toBeGreaterThan(25e6);
    expect(growthOf(level).slopePerSecond).toBeLessThan(1e4);
    expect(growthOf(level).late).toBeLessThan(growthOf(level).early * 1.05);
    // A saw-tooth (allocate, collect) whose lows stay put is no leak, however high its peaks.
    const sawTooth = Array.from({ length: 60 }, (_, i) => ({ at: i * 1000, value: 40e6 + (i % 6) * 10e6 }));
    expect(growthOf(sawTooth).late).toBe(growthOf(sawTooth).early);
  });
});
