// A real three-node Redis Cluster (masters only) from Debian's redis-server and redis-cli, for tests
// that prove the projection works on the store a province-sized deployment needs.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitForPort } from './ports.ts';
import { spawnServer, type ServerProcess } from './process-control.ts';

const run = promisify(execFile);

export interface NativeRedisCluster {
  /** `host:port,host:port,host:port`, the form of REDIS_CLUSTER_NODES. */
  readonly nodes: string;
  stop(): Promise<void>;
}

export async function startNativeRedisCluster({ dataDir, size = 3 }: { dataDir: string; size?: number }): Promise<NativeRedisCluster> {
  const ports: number[] = [];
  const servers: ServerProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.stop(5_000)));
  };
  try {
    for (let index = 0; index < size; index += 1) {
      const port = await freePort();
      const dir = path.join(dataDir, `node-${port}`);
      fs.mkdirSync(dir, { recursive: true });
      const server = spawnServer({
        command: 'redis-server',
        args: ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--appendonly', 'yes', '--save', ''],
        logFile: path.join(dir, 'redis.log'),
        detached: false,
      });
      servers.push(server);
      ports.push(port);
      await waitForPort(port, { timeoutMs: 20_000, isAlive: server.isAlive });
    }
    await run('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes']);
    await waitForClusterOk(ports);
  } catch (error) {
    await stop();
    throw new Error(`Redis Cluster did not start: ${(error as Error).message}`);
  }
  return { nodes: ports.map((port) => `127.0.0.1:${port}`).join(','), stop };
}

async function waitForClusterOk(ports: number[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const port of ports) {
    for (;;) {
      const { stdout } = await run('redis-cli', ['-p', String(port), 'cluster', 'info']);
      if (stdout.includes('cluster_state:ok')) break;
      if (Date.now() > deadline) throw new Error(`node ${port} did not reach cluster_state:ok`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
