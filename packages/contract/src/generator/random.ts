// A small seeded PRNG (mulberry32) so generated people and events repeat run after run. Never
// Math.random: a failing property test must be replayable from its seed.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `weighted([['Kinh', 85], ['Tày', 2]])`. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
  chance(probability: number): boolean;
  /** `count` decimal digits, leading zeros kept. */
  digits(count: number): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let ticket = next() * total;
      for (const [value, weight] of entries) {
        ticket -= weight;
        if (ticket < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    chance: (probability) => next() < probability,
    digits: (count) => {
      let result = '';
      for (let i = 0; i < count; i++) result += String(int(0, 9));
      return result;
    },
  };
}
