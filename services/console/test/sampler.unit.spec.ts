// The sampler: one read of the figures per interval however many consoles ask, a fresh one when the latest
// is overdue, failures logged once per run of them, and a read that hangs cut off.
import { describe, expect, it } from 'vitest';
import type { ProvinceFigures } from '@lgsp/figures';
import { FIGURE_SECTIONS, QUALITY_CODES } from '@lgsp/record';
import { createSampler, type Readings } from '../src/core/sampler.ts';

const figures = {
  generation: '1',
  computedAt: '2026-07-01T08:00:00.000Z',
  records: 3,
  clean: { recordsWithIssues: 0, byCode: Object.fromEntries(QUALITY_CODES.map((code) => [code, 0])) },
  complete: Object.fromEntries(FIGURE_SECTIONS.map((section) => [section, { records: 3, share: 1 }])),
  registries: [],
  lagTotal: 0,
  lagPartitions: [],
} as unknown as ProvinceFigures;

function fakeLogger() {
  const lines: string[] = [];
  return { lines, info: (_: object, message: string) => void lines.push(`info ${message}`), warn: (_: object, message: string) => void lines.push(`warn ${message}`) };
}

describe('the sampler', () => {
  it('answers from the latest sample while it is fresh, and reads anew once it is not', async () => {
    let clock = 1_000;
    let reads = 0;
    const sampler = createSampler({ read: async () => ((reads += 1), { figures, replay: null, instances: [] }), intervalMs: 1_000, timeoutMs: 1_000, capacity: 10, logger: fakeLogger(), now: () => clock });
    const first = await sampler.current(5_000);
    clock += 4_000;
    expect(await sampler.current(5_000)).toBe(first);
    clock += 2_000;
    expect((await sampler.current(5_000)).at).toBe(7_000);
    expect(reads).toBe(2);
    expect(sampler.points().map((point) => point.at)).toEqual([1_000, 7_000]);
  });

  it('shares one read between callers that ask at once', async () => {
    let reads = 0;
    let release: (readings: Readings) => void = () => {};
    const sampler = createSampler({
      read: () => ((reads += 1), new Promise<Readings>((resolve) => (release = resolve))),
      intervalMs: 1_000,
      timeoutMs: 1_000,
      capacity: 10,
      logger: fakeLogger(),
    });
    const asked = [sampler.current(0), sampler.current(0), sampler.current(0)];
    release({ figures, replay: null, instances: [] });
    const answers = await Promise.all(asked);
    expect(reads).toBe(1);
    expect(new Set(answers).size).toBe(1);
  });

  it('logs a run of failures once, and says when the figures can be read again', async () => {
    const logger = fakeLogger();
    let failing = true;
    let failures = 0;
    const sampler = createSampler({
      read: async () => {
        if (failing) throw new Error('Kafka is gone');
        return { figures, replay: null, instances: [] };
      },
      intervalMs: 1_000,
      timeoutMs: 1_000,
      capacity: 10,
      logger,
      onFailure: () => void (failures += 1),
    });
    await expect(sampler.current(0)).rejects.toThrow('Kafka is gone');
    await expect(sampler.current(0)).rejects.toThrow('Kafka is gone');
    failing = false;
    await sampler.current(0);
    expect(logger.lines).toEqual(['warn the figures could not be sampled', 'info the figures can be read again']);
    expect(failures).toBe(2);
    expect(sampler.points()).toHaveLength(1);
  });

  it('gives up on a read that does not answer in time', async () => {
    const sampler = createSampler({ read: () => new Promise<Readings>(() => {}), intervalMs: 1_000, timeoutMs: 50, capacity: 10, logger: fakeLogger() });
    await expect(sampler.current(0)).rejects.toThrow('the figures were not read within 50 ms');
  });
});
