// Kafka and Redis through `docker compose` (the same docker-compose.yml that runs the whole hub),
// for `pnpm start` on machines where a Docker engine answers.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths.ts';
import { waitForPort } from './ports.ts';
import type { DockerStarter } from './stack.ts';

const run = promisify(execFile);
const composeFile = path.join(repoRoot, 'docker-compose.yml');

async function compose(...args: string[]): Promise<void> {
  await run('docker', ['compose', '-f', composeFile, ...args], { cwd: repoRoot });
}

export const composeStarter: DockerStarter = {
  async startKafka() {
    await compose('up', '-d', '--wait', 'kafka');
    await waitForPort(9092, { timeoutMs: 90_000 });
    return { brokers: '127.0.0.1:9092', origin: 'docker', stop: () => compose('stop', 'kafka') };
  },
  async startRedis() {
    await compose('up', '-d', '--wait', 'redis');
    await waitForPort(6379, { timeoutMs: 30_000 });
    return { url: 'redis://127.0.0.1:6379', origin: 'docker', stop: () => compose('stop', 'redis') };
  },
};
