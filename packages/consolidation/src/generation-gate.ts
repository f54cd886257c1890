// Decides which generation of the projection a consolidator writes, and lets a replay's handover stop its
// writes for a moment: `pause()` resolves once no chunk is being applied (so the old generation's offsets
// are final), chunks arriving meanwhile wait (heartbeating, so the group keeps them), and `resume()` lets
// them on, into the new generation when the pointer has switched.
import type { Keyspace } from '@lgsp/record-store';

export interface GenerationGate {
  current(): Keyspace;
  /**
   * Waits while writes are paused, then counts the caller as writing into the keyspace it returns; undefined
   * when `stillWanted` turned false while it waited (the batch is stale or the consumer stopping).
   */
  enter(heartbeat: () => Promise<void>, stillWanted: () => boolean): Promise<Keyspace | undefined>;
  leave(): void;
  /** Stops new writes and resolves once none is in flight. */
  pause(): Promise<void>;
  /** Lets writes go on, into `keyspace` when given. */
  resume(keyspace?: Keyspace): void;
  isPaused(): boolean;
}

const HEARTBEAT_EVERY_MS = 3_000;

export function createGenerationGate(initial: Keyspace): GenerationGate {
  let keyspace = initial;
  let paused = false;
  let active = 0;
  let resumed: { promise: Promise<void>; resolve: () => void } | undefined;
  let idle: Array<() => void> = [];

  const settleIdle = (): void => {
    if (active > 0) return;
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  };

  return {
    current: () => keyspace,
    async enter(heartbeat, stillWanted) {
      while (paused) {
        if (!stillWanted()) return undefined;
        const wake = resumed!.promise;
        let timer: NodeJS.Timeout | undefined;
        const beat = new Promise<'beat'>((resolve) => {
          timer = setTimeout(() => resolve('beat'), HEARTBEAT_EVERY_MS);
        });
        const why = await Promise.race([wake.then(() => 'resumed' as const), beat]);
        clearTimeout(timer);
        if (why === 'beat') await heartbeat();
      }
      active += 1;
      return keyspace;
    },
    leave() {
      active -= 1;
      settleIdle();
    },
    pause() {
      if (!paused) {
        paused = true;
        let resolve: () => void = () => {};
        const promise = new Promise<void>((done) => {
          resolve = done;
        });
        resumed = { promise, resolve };
      }
      return new Promise<void>((resolve) => {
        idle.push(resolve);
        settleIdle();
      });
    },
    resume(next) {
      if (next) keyspace = next;
      if (!paused) return;
      paused = false;
      resumed?.resolve();
      resumed = undefined;
    },
    isPaused: () => paused,
  };
}
