// Fault (d): adapters SIGKILLed mid-batch while their clients push. A request cut off gets no answer and is
// sent again; nothing it carried may be lost or counted twice (guarantees 1, 2).
import { describe, it } from 'vitest';
import { createRandom } from '@lgsp/contract';
import { stackEndpoints, type HubServiceName } from '@lgsp/testkit';
import { expectNothingLostNothingTwice } from './expectations.ts';
import { runScenario } from './scenario.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the whole hub while adapters are SIGKILLed mid-batch', () => {
  it('reflects every acknowledged event exactly once, equal to the reference fold', async () => {
    const random = createRandom(9);
    const victims: HubServiceName[] = ['adapter-household', 'adapter-land', 'adapter-household', 'adapter-enterprise'];
    const report = await runScenario({
      name: 'adapter-kills',
      seed: 202,
      people: 350,
      pauseMs: 30,
      ...stackEndpoints(),
      async inject(hub, trafficDone) {
        let kills = 0;
        for (const victim of victims) {
          if (trafficDone()) break;
          await sleep(random.int(300, 900));
          await hub.restart(victim, { signal: 'SIGKILL' });
          kills += 1;
        }
        return kills;
      },
    });
    expectNothingLostNothingTwice(report, { minimumFaults: 2 });
  }, 600_000);
});
