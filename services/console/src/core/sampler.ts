// Samples the province figures every CONSOLE_SAMPLE_INTERVAL_MS into a ring buffer (the trends), and keeps
// the latest whole snapshot for the overview, so any number of open consoles cost one read of the figures
// per interval. A sample that fails is logged once per run of failures and skipped; the trends show a gap.
import type { ProvinceFigures } from '@lgsp/figures';
import type { InstanceReport, ReplayLease } from '@lgsp/record-store';
import { createRingBuffer } from './ring-buffer.ts';
import { pointOf, type SamplePoint } from './sample-point.ts';

/** A running replay as the console shows it: the lease without its holder's token. */
export type ReplayView = Omit<ReplayLease, 'token'>;

export interface Readings {
  figures: ProvinceFigures;
  replay: ReplayView | null;
  instances: InstanceReport[];
}

export interface Snapshot extends Readings {
  at: number;
  point: SamplePoint;
}

export interface Sampler {
  start(): void;
  stop(): Promise<void>;
  /** The latest snapshot, or a new one when the latest is older than `maxAgeMs` (or there is none). */
  current(maxAgeMs: number): Promise<Snapshot>;
  points(): SamplePoint[];
}

interface SamplerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface SamplerOptions {
  read: () => Promise<Readings>;
  intervalMs: number;
  /** A read that takes longer fails (Kafka's clients retry for a long time when a broker is gone). */
  timeoutMs: number;
  capacity: number;
  logger: SamplerLogger;
  onFailure?: () => void;
  now?: () => number;
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the figures were not read within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createSampler({ read, intervalMs, timeoutMs, capacity, logger, onFailure, now = Date.now }: SamplerOptions): Sampler {
  const points = createRingBuffer<SamplePoint>(capacity);
  let latest: Snapshot | undefined;
  let inFlight: Promise<Snapshot> | undefined;
  let failing = false;
  let timer: NodeJS.Timeout | undefined;

  const sample = (): Promise<Snapshot> => {
    inFlight ??= (async () => {
      try {
        const readings = await withTimeout(read(), timeoutMs);
        const at = now();
        const snapshot: Snapshot = { ...readings, at, point: pointOf(readings.figures, at) };
        points.push(snapshot.point);
        latest = snapshot;
        if (failing) logger.info({}, 'the figures can be read again');
        failing = false;
        return snapshot;
      } catch (error) {
        onFailure?.();
        if (!failing) logger.warn({ err: error }, 'the figures could not be sampled');
        failing = true;
        throw error;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  return {
    start() {
      void sample().catch(() => {});
      timer = setInterval(() => void sample().catch(() => {}), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await inFlight?.catch(() => {});
    },
    async current(maxAgeMs) {
      if (latest && now() - latest.at <= maxAgeMs) return latest;
      return sample();
    },
    points: () => points.toArray(),
  };
}
