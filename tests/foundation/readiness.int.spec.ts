import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, stackEndpoints, startPrivateKafka, type PrivateKafka } from '@lgsp/testkit';
import { startSampleService, type ServiceProcess } from './service-process.ts';

let kafka: PrivateKafka;
let service: ServiceProcess;

beforeAll(async () => {
  kafka = await startPrivateKafka();
  service = await startSampleService({ KAFKA_BROKERS: kafka.brokers, REDIS_URL: stackEndpoints().redisUrl, SAMPLE_TOPIC: 'unused', PORT: '0' });
}, 120_000);

afterAll(async () => {
  service?.child.kill('SIGKILL');
  await kafka?.destroy();
});

async function readyStatus(): Promise<number> {
  return (await fetch(`${service.url}/ready`)).status;
}

describe('readiness follows the real broker', () => {
  it('is 200 with Kafka up, 503 while it is stopped, and 200 again once it is back', async () => {
    await eventually(async () => ((await readyStatus()) === 200 ? true : undefined));

    await kafka.stop();
    const down = await fetch(`${service.url}/ready`);
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toContain('application/problem+json');
    const body = (await down.json()) as { detail: string; checks: Array<{ name: string; ok: boolean }> };
    expect(body.checks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'kafka', ok: false }), expect.objectContaining({ name: 'redis', ok: true })]));
    expect((await fetch(`${service.url}/health`)).status).toBe(200);

    await kafka.start();
    await eventually(async () => ((await readyStatus()) === 200 ? true : undefined), { timeoutMs: 30_000, intervalMs: 250 });
  }, 120_000);
});
