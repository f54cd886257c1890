import { describe, expect, it } from 'vitest';
import { createGenerationGate } from '../src/generation-gate.ts';

const G1 = { prefix: '', generation: '1' };
const G2 = { prefix: '', generation: '2' };
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('the generation gate', () => {
  it('given a chunk in flight, pause resolves only once it has left', async () => {
    const gate = createGenerationGate(G1);
    expect(await gate.enter(async () => {}, () => true)).toEqual(G1);
    let paused = false;
    const pausing = gate.pause().then(() => (paused = true));
    await tick();
    expect(paused).toBe(false);
    gate.leave();
    await pausing;
    expect(paused).toBe(true);
  });

  it('holds new chunks while paused and lets them into the switched generation on resume', async () => {
    const gate = createGenerationGate(G1);
    await gate.pause();
    let entered: unknown;
    const entering = gate.enter(async () => {}, () => true).then((keyspace) => (entered = keyspace));
    await tick();
    expect(entered).toBeUndefined();
    gate.resume(G2);
    await entering;
    expect(entered).toEqual(G2);
    expect(gate.current()).toEqual(G2);
  });

  it('lets a waiting chunk go when it is no longer wanted (stale batch, stopping consumer)', async () => {
    const gate = createGenerationGate(G1);
    await gate.pause();
    let wanted = true;
    const entering = gate.enter(async () => {}, () => wanted);
    wanted = false;
    // The waiter looks again at its next heartbeat; resume wakes it at once.
    gate.resume();
    expect(await entering).toEqual(G1);
    gate.leave();
    await gate.pause();
    expect(await gate.enter(async () => {}, () => false)).toBeUndefined();
  });
});
