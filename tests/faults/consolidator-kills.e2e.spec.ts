// Fault (b): the consolidator SIGKILLed again and again while the registries push a province through the
// adapters. It must resume each time without losing an event or applying one twice (guarantee 4).
import { describe, it } from 'vitest';
import { createRandom } from '@lgsp/contract';
import { stackEndpoints } from '@lgsp/testkit';
import { expectNothingLostNothingTwice } from './expectations.ts';
import { runScenario } from './scenario.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the whole hub while the consolidator is SIGKILLed repeatedly', () => {
  it('reflects every acknowledged event exactly once, equal to the reference fold', async () => {
    const random = createRandom(7);
    const report = await runScenario({
      name: 'consolidator-kills',
      seed: 101,
      people: 350,
      pauseMs: 30,
      ...stackEndpoints(),
      async inject(hub, trafficDone) {
        let kills = 0;
        while (!trafficDone() || kills < 4) {
          await sleep(random.int(200, 1200));
          await hub.restart('consolidator', { signal: 'SIGKILL' });
          kills += 1;
        }
        return kills;
      },
    });
    expectNothingLostNothingTwice(report, { minimumFaults: 4 });
  }, 600_000);
});
