// Fault (c): Redis (a private one) stopped, its data wiped, and started empty while the registries push.
// Kafka is the system of record: the operators recover the projection with `lgsp replay`, and the records
// must then equal the reference fold of every acknowledged event (guarantees 1, 5).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, startNativeRedis, type NativeRedis } from '@lgsp/infra';
import { stackEndpoints } from '@lgsp/testkit';
import { expectNothingLostNothingTwice } from './expectations.ts';
import { runScenario } from './scenario.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function replay(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'services/cli/src/main.ts'), 'replay'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('the whole hub while Redis is stopped, wiped and restarted', () => {
  let port: number;
  let dir: string;
  let redis: NativeRedis;
  beforeAll(async () => {
    port = await freePort();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgsp-wiped-redis-'));
    redis = await startNativeRedis({ port, dataDir: dir });
  }, 60_000);
  afterAll(async () => {
    await redis?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('is rebuilt by lgsp replay into records equal to the reference fold', async () => {
    let replayed: { code: number | null; output: string } | undefined;
    const report = await runScenario({
      name: 'redis-wipe',
      seed: 404,
      people: 350,
      // Slow enough that events keep arriving before, during and after the outage.
      pauseMs: 90,
      kafkaBrokers: stackEndpoints().kafkaBrokers,
      redisUrl: redis.url,
      async inject() {
        await sleep(2_500);
        await redis.stop();
        fs.rmSync(dir, { recursive: true, force: true });
        await sleep(2_000);
        redis = await startNativeRedis({ port, dataDir: dir });
        return 1;
      },
      async recover(hub) {
        replayed = await replay(hub.env);
      },
    });
    expect(replayed?.code, replayed?.output).toBe(0);
    expect(report.verdict.generation).not.toBe('1');
    expectNothingLostNothingTwice(report, { minimumFaults: 1 });
  }, 600_000);
});
