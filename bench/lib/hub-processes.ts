// Hub services as real processes for the benchmarks that measure them over HTTP (B3, B4), on a Redis of
// the benchmark's own, with the development policy's rate limits raised so that no consumer is throttled.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, repoRoot, startNativeRedis } from '@lgsp/infra';

export interface ServiceUnderBench {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node <entry>` on a free port and resolves once GET <health> answers 200. */
export async function startService(entry: string, env: Record<string, string>, health = '/health', timeoutMs = 60_000): Promise<ServiceUnderBench> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, entry)], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // A benchmark that dies must not leave its services running.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', killOnExit);
      resolve();
    }),
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${url}${health}`).then((response) => response.ok, () => false);
    if (ok) return { url, child, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${entry} did not start on port ${port}`);
}

/** A Redis server of the benchmark's own, removed on stop. */
export async function privateRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgsp-bench-redis-'));
  const redis = await startNativeRedis({ port: await freePort(), dataDir: dir });
  return {
    url: redis.url,
    stop: async () => {
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { unthrottledPolicyFile } from '@lgsp/testkit';
