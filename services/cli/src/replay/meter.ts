// Rate and time left of a long operation from samples of (done, total): the rate over the last ten
// seconds, so a burst or a stall shows within seconds, and the time left at that rate.

export interface Reading {
  done: number;
  total: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
}

const WINDOW_MS = 10_000;

export function createMeter(now: () => number = Date.now) {
  const samples: Array<{ at: number; done: number }> = [];
  return {
    sample(done: number, total: number): Reading {
      const at = now();
      samples.push({ at, done });
      while (samples.length > 2 && at - samples[0]!.at > WINDOW_MS) samples.shift();
      const first = samples[0]!;
      const seconds = (at - first.at) / 1000;
      const eventsPerSecond = seconds > 0 ? Math.max(0, (done - first.done) / seconds) : 0;
      const left = Math.max(0, total - done);
      return { done, total, eventsPerSecond: Math.round(eventsPerSecond), etaSeconds: left === 0 ? 0 : eventsPerSecond > 0 ? Math.round(left / eventsPerSecond) : null };
    },
  };
}
