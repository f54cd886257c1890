// Runs a real redis-server (Debian's package) with the append-only file on, so a restart loses nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { waitForPort } from './ports.ts';
import { spawnServer, type ServerProcess } from './process-control.ts';

export interface NativeRedisOptions {
  port: number;
  dataDir: string;
  detached?: boolean;
}

export interface NativeRedis extends ServerProcess {
  readonly url: string;
}

export function redisServerAvailable(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function startNativeRedis(options: NativeRedisOptions): Promise<NativeRedis> {
  if (!redisServerAvailable()) {
    throw new Error('redis-server was not found on PATH (Debian/Ubuntu: apt-get install redis-server)');
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const server = spawnServer({
    command: 'redis-server',
    args: [
      '--port', String(options.port),
      '--bind', '127.0.0.1',
      '--dir', options.dataDir,
      '--appendonly', 'yes',
      '--appendfsync', 'everysec',
      '--save', '',
      '--daemonize', 'no',
      '--protected-mode', 'yes',
    ],
    logFile: path.join(options.dataDir, 'redis.log'),
    detached: options.detached ?? false,
    pidFile: path.join(options.dataDir, 'redis.pid'),
  });
  try {
    await waitForPort(options.port, { timeoutMs: 20_000, isAlive: server.isAlive });
  } catch (error) {
    await server.stop(2_000);
    throw new Error(`Redis did not start: ${(error as Error).message}; see ${path.join(options.dataDir, 'redis.log')}`);
  }
  return { ...server, url: `redis://127.0.0.1:${options.port}` };
}
