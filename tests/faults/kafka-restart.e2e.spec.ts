// Fault (a): the Kafka broker (a private one) stopped and started again while the registries push. The
// adapters answer 503 while it is down and nothing of those requests counts; the clients retry; the
// consolidator reconnects and goes on (guarantees 1, 2, 4).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startPrivateKafka, stackEndpoints, type PrivateKafka } from '@lgsp/testkit';
import { expectNothingLostNothingTwice } from './expectations.ts';
import { runScenario } from './scenario.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the whole hub while Kafka is stopped and restarted', () => {
  let broker: PrivateKafka;
  beforeAll(async () => {
    broker = await startPrivateKafka();
  }, 120_000);
  afterAll(async () => {
    await broker?.destroy();
  }, 60_000);

  it('reflects every acknowledged event exactly once, equal to the reference fold', async () => {
    const report = await runScenario({
      name: 'kafka-restart',
      seed: 303,
      people: 350,
      pauseMs: 40,
      kafkaBrokers: broker.brokers,
      redisUrl: stackEndpoints().redisUrl,
      async inject(_hub, trafficDone) {
        let outages = 0;
        for (let cycle = 0; cycle < 2 && !trafficDone(); cycle += 1) {
          await sleep(1_500);
          await broker.stop();
          await sleep(4_000);
          await broker.start();
          outages += 1;
        }
        return outages;
      },
    });
    expectNothingLostNothingTwice(report, { minimumFaults: 1 });
  }, 600_000);
});
