// Start and stop the stack's server processes: attached (die with us) or detached with a pid file.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ServerProcess {
  readonly pid: number;
  isAlive(): boolean;
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnServerOptions {
  command: string;
  args: string[];
  logFile: string;
  /** Detached servers outlive this process and are found again through their pid file. */
  detached: boolean;
  pidFile?: string;
  env?: NodeJS.ProcessEnv;
}

export function spawnServer(options: SpawnServerOptions): ServerProcess {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(options.command, options.args, {
    detached: options.detached,
    stdio: ['ignore', log, log],
    env: options.env ?? process.env,
  });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`could not start ${options.command}`);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  if (options.detached) child.unref();
  if (options.pidFile) fs.writeFileSync(options.pidFile, String(child.pid));
  const pid = child.pid;
  return {
    pid,
    isAlive: () => !exited && pidAlive(pid),
    stop: async (graceMs = 15_000) => {
      await stopPid(pid, graceMs);
      if (options.pidFile) fs.rmSync(options.pidFile, { force: true });
    },
  };
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, wait up to graceMs for a clean exit, then SIGKILL. */
export async function stopPid(pid: number, graceMs = 15_000): Promise<void> {
  if (!pidAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!pidAlive(pid)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
  while (pidAlive(pid)) await new Promise((r) => setTimeout(r, 50));
}

export function readPidFile(pidFile: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pidAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}
