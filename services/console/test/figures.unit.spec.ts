// The console's figures math: samples kept in a ring, rates from counter differences, the four headline
// figures. Given samples, then the series and figures an operator would read.
import { describe, expect, it } from 'vitest';
import type { ProvinceFigures } from '@lgsp/figures';
import { headlineFigures } from '../src/core/headline-figures.ts';
import { createRingBuffer } from '../src/core/ring-buffer.ts';
import { pointOf, type SamplePoint } from '../src/core/sample-point.ts';
import { latestRates, ratePerSecond, seriesOf } from '../src/core/series.ts';

function figures(overrides: { records?: number; withIssues?: number; identity?: number; accepted?: number; rejected?: number; deadLettered?: number; consumed?: number; lag?: number } = {}): ProvinceFigures {
  const { records = 0, withIssues = 0, identity = 0, accepted = 0, rejected = 0, deadLettered = 0, consumed = 0, lag = 0 } = overrides;
  const section = (count: number) => ({ records: count, share: records === 0 ? 0 : count / records });
  const registry = (name: 'land' | 'enterprise' | 'household' | 'judicial') => ({
    registry: name,
    topic: `lgsp.registry.${name}.v1`,
    eventsInLog: 0,
    accepted: name === 'household' ? accepted : 0,
    rejected: (name === 'household' && rejected > 0 ? { EVENTS_INVALID: rejected } : {}) as Record<string, number>,
    rejectedTotal: name === 'household' ? rejected : 0,
    deadLettered: name === 'land' ? deadLettered : 0,
    newestEventAt: null,
    newestEventAgeSeconds: name === 'household' ? 5 : name === 'land' ? 50 : null,
    lag: name === 'household' ? lag : 0,
  });
  return {
    generation: '1',
    computedAt: '2026-07-01T08:00:00.000Z',
    records,
    clean: { recordsWithIssues: withIssues, byCode: { ID_BIRTH_MISMATCH: 0, ACTIVITY_AFTER_DEATH: 0, ROLE_WHILE_BANNED: 0, NO_CIVIL_RECORD: withIssues } },
    complete: { identity: section(identity), status: section(identity), residence: section(identity), landRights: section(0), enterpriseRoles: section(0), judicial: section(0) },
    registries: [registry('land'), registry('enterprise'), registry('household'), registry('judicial')],
    lagTotal: lag,
    lagPartitions: [
      { topic: 'lgsp.registry.household.v1', partition: 0, committed: String(consumed), end: String(consumed + lag), lag },
      { topic: 'lgsp.registry.land.v1', partition: 0, committed: null, end: '0', lag: 0 },
    ],
  };
}

describe('the ring of samples', () => {
  it('keeps the latest items, oldest first, dropping the oldest', () => {
    const ring = createRingBuffer<number>(3);
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
    for (const n of [1, 2, 3, 4, 5]) ring.push(n);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.last()).toBe(5);
    expect(ring.size).toBe(3);
  });

  it('holds at least one item', () => {
    expect(() => createRingBuffer(0)).toThrow(RangeError);
  });
});

describe('rates from counters', () => {
  it('is the change per second between two samples', () => {
    expect(ratePerSecond({ at: 0, value: 100 }, { at: 5_000, value: 150 })).toBe(10);
  });

  it('is unknown for the first sample, for no time between, and when the counter went down', () => {
    expect(ratePerSecond(undefined, { at: 5_000, value: 150 })).toBeNull();
    expect(ratePerSecond({ at: 5_000, value: 100 }, { at: 5_000, value: 150 })).toBeNull();
    expect(ratePerSecond({ at: 0, value: 150 }, { at: 5_000, value: 0 })).toBeNull();
  });
});

describe('a sample point', () => {
  it('counts how far the consolidator has read, a never-committed partition as not read', () => {
    expect(pointOf(figures({ consumed: 40, lag: 10 }), 0).consumed).toBe(40);
  });
});

describe('the series', () => {
  const points: SamplePoint[] = [
    pointOf(figures({ records: 0, accepted: 0, consumed: 0 }), 1_000_000),
    pointOf(figures({ records: 10, withIssues: 1, identity: 8, accepted: 50, consumed: 40, lag: 10 }), 1_005_000),
    pointOf(figures({ records: 20, withIssues: 2, identity: 20, accepted: 100, consumed: 100 }), 1_010_000),
    // Redis emptied between two samples: the counters start again.
    pointOf(figures({ records: 0, accepted: 0, consumed: 100 }), 1_015_000),
  ];
  const series = seriesOf(points, 5_000);

  it('has one time axis in seconds and one value per sample in every column', () => {
    expect(series.time).toEqual([1000, 1005, 1010, 1015]);
    expect(series.registries.land.lag).toHaveLength(4);
    expect(series.quality.byCode.NO_CIVIL_RECORD).toEqual([0, 1, 2, 0]);
  });

  it('derives the consolidator rate and each registry’s accepted rate, never negative', () => {
    expect(series.consolidator.appliedPerSecond).toEqual([null, 8, 12, 0]);
    expect(series.registries.household.acceptedPerSecond).toEqual([null, 10, 10, null]);
    expect(series.registries.judicial.acceptedPerSecond).toEqual([null, 0, 0, 0]);
  });

  it('trends the four figures, unknown while there is nothing to divide', () => {
    expect(series.headline.clean).toEqual([null, 0.9, 0.9, null]);
    expect(series.headline.complete).toEqual([null, 0.8, 1, null]);
    expect(series.headline.correct).toEqual([null, 1, 1, null]);
    expect(series.headline.lagTotal).toEqual([0, 10, 0, 0]);
  });

  it('gives the latest rates from the last two samples', () => {
    expect(latestRates(points.slice(0, 3))).toMatchObject({ appliedPerSecond: 12, acceptedPerSecond: { household: 10, land: 0 } });
    expect(latestRates(points.slice(0, 1)).appliedPerSecond).toBeNull();
    expect(latestRates([]).appliedPerSecond).toBeNull();
  });
});

describe('the four figures', () => {
  it('given accepted, rejected and dead-lettered input, correct is the share accepted', () => {
    const { correct } = headlineFigures(pointOf(figures({ accepted: 90, rejected: 6, deadLettered: 4 }), 0));
    expect(correct).toEqual({ share: 0.9, accepted: 90, rejected: 6, deadLettered: 4 });
  });

  it('given records with and without the core sections and issues, complete and clean are shares of the records', () => {
    const { complete, clean } = headlineFigures(pointOf(figures({ records: 4, identity: 3, withIssues: 1 }), 0));
    expect(complete).toEqual({ share: 0.75, sections: ['identity', 'status', 'residence'] });
    expect(clean).toEqual({ share: 0.75, records: 4, recordsWithIssues: 1 });
  });

  it('given lag and registries heard from at different times, live is the lag and the freshest event', () => {
    expect(headlineFigures(pointOf(figures({ lag: 7 }), 0)).live).toEqual({ lagTotal: 7, newestEventAgeSeconds: 5 });
  });

  it('given nothing yet, every share is unknown rather than 0 % or 100 %', () => {
    const headline = headlineFigures(pointOf(figures(), 0));
    expect([headline.correct.share, headline.complete.share, headline.clean.share]).toEqual([null, null, null]);
  });
});
