// The hub's own services as real processes for these tests, started by their entry points (never imported):
// the consolidator, and an adapter through the adapter kit's process runner.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const servicesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const adapterEntry = (registry: string): string => path.join(servicesDir, `adapter-${registry}`, 'src', 'server.ts');

export interface RunningProcess {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the consolidator and resolves once it consumes (it logs "consolidating"). */
export async function startConsolidatorProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<RunningProcess> {
  const child = spawn(process.execPath, [path.join(servicesDir, 'consolidator', 'src', 'server.ts')], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', CONSOLIDATOR_SESSION_TIMEOUT_MS: '6000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`consolidator did not start:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('"msg":"consolidating"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`consolidator exited (${code}) before it started:\n${output.slice(-2000)}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { child, stop };
}
