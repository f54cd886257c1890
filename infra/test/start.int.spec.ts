// `pnpm start` as a user runs it, on the test stack (KAFKA_BROKERS and REDIS_URL given, so it starts and stops
// neither): the endpoints and development keys printed, every service ready under one supervisor, output
// prefixed with the service's name, a SIGKILLed service started again, and Ctrl-C stopping every process.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_SERVICES, repoRoot } from '@lgsp/infra';
import { eventually, stackEndpoints, uniqueId, uniqueKeyPrefix, uniqueTopicPrefix } from '@lgsp/testkit';

// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[\d+m/g;
// eslint-disable-next-line no-control-regex
const COLOURED_LABEL = /^\u001b\[(\d+)m[a-z-]+\s*\u001b\[0m │/;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** An offset that moves every service's port onto a free one, so this hub runs beside anything else here. */
async function freeOffset(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const offset = 20_000 + 100 * Math.floor(Math.random() * 300);
    const free = await Promise.all(HUB_SERVICES.map((service) => portIsFree(service.port + offset)));
    if (free.every(Boolean)) return offset;
  }
  throw new Error('no free set of ports for the hub');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function status(url: string): Promise<number | undefined> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return undefined;
  }
}

describe('pnpm start', () => {
  let offset: number;
  let hub: ChildProcess;
  const lines: string[] = [];
  const plain = (): string[] => lines.map((line) => line.replace(COLOUR, ''));
  const pidsOf = (service: string): number[] =>
    plain().flatMap((line) => {
      const match = new RegExp(`^${service}\\s*│ started \\(pid (\\d+)\\)$`).exec(line);
      return match ? [Number(match[1])] : [];
    });
  const urlOf = (service: string): string => `http://127.0.0.1:${HUB_SERVICES.find((spec) => spec.name === service)!.port + offset}`;

  beforeAll(async () => {
    offset = await freeOffset();
    hub = spawn(process.execPath, [path.join(repoRoot, 'infra/src/start.ts')], {
      env: {
        ...process.env,
        KAFKA_BROKERS: stackEndpoints().kafkaBrokers,
        REDIS_URL: stackEndpoints().redisUrl,
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(),
        KAFKA_TOPIC_PARTITIONS: '2',
        REDIS_KEY_PREFIX: uniqueKeyPrefix(),
        CONSOLIDATOR_GROUP_ID: uniqueId('consolidator'),
        HUB_PORT_OFFSET: String(offset),
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    for (const stream of [hub.stdout!, hub.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const complete = pending.split('\n');
        pending = complete.pop()!;
        lines.push(...complete);
      });
    }
    await eventually(() => (plain().includes('Press Ctrl-C to stop.') ? true : undefined), { timeoutMs: 60_000, intervalMs: 100 });
  }, 90_000);

  afterAll(() => {
    if (hub.exitCode === null) hub.kill('SIGKILL');
    for (const pid of HUB_SERVICES.flatMap((service) => pidsOf(service.name))) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('prints every endpoint on its port and the development keys', () => {
    const output = plain();
    for (const service of HUB_SERVICES) {
      expect(output.some((line) => line.includes(service.name) && line.includes(`http://127.0.0.1:${service.port + offset} `)), service.name).toBe(true);
    }
    expect(output).toContainEqual(expect.stringMatching(/^ {2}Kafka .*\(env\)/));
    expect(output.some((line) => line.includes('dev-operator-key'))).toBe(true);
    expect(output.some((line) => line.includes('dev-land-key'))).toBe(true);
  });

  it('runs all seven services until each is ready, their output prefixed with their names', async () => {
    for (const service of HUB_SERVICES) {
      await eventually(async () => ((await status(`${urlOf(service.name)}/ready`)) === 200 ? true : undefined), { timeoutMs: 90_000, intervalMs: 250 });
      expect(pidsOf(service.name), service.name).toHaveLength(1);
      expect(plain().some((line) => new RegExp(`^${service.name}\\s*│ \\{"level"`).test(line)), `${service.name} logs`).toBe(true);
    }
    // Each name in a colour of its own.
    const colours = new Set(lines.flatMap((line) => COLOURED_LABEL.exec(line)?.slice(1, 2) ?? []));
    expect(colours.size).toBeGreaterThanOrEqual(HUB_SERVICES.length);
    // The services were pointed at each other on the moved ports: the console re-drives through the adapters there.
    const console = await fetch(`${urlOf('console')}/v1/console/dead-letters`, { headers: { authorization: 'Bearer dev-operator-key' } });
    expect(console.status).toBe(200);
  }, 150_000);

  it('starts a killed service again', async () => {
    const [first] = pidsOf('consolidator');
    process.kill(first!, 'SIGKILL');
    await eventually(() => (pidsOf('consolidator').length === 2 ? true : undefined), { timeoutMs: 30_000, intervalMs: 100 });
    expect(plain()).toContainEqual(expect.stringMatching(/^consolidator\s*│ exited \(SIGKILL\); restarting in \d+ ms$/));
    expect(pidsOf('consolidator')[1]).not.toBe(first);
    await eventually(async () => ((await status(`${urlOf('consolidator')}/ready`)) === 200 ? true : undefined), { timeoutMs: 60_000, intervalMs: 250 });
  }, 90_000);

  it('stops every service and itself on Ctrl-C, with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => hub.once('exit', (code) => resolve(code)));
    hub.kill('SIGINT');
    expect(await exited).toBe(0);
    const running = HUB_SERVICES.map((service) => pidsOf(service.name).at(-1)!);
    expect(running.filter(alive)).toEqual([]);
    for (const service of HUB_SERVICES) expect(await status(`${urlOf(service.name)}/health`), service.name).toBeUndefined();
  }, 60_000);
});
