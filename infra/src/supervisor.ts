// Runs the hub's services as child processes for `pnpm start`: output prefixed with the service's name
// in its own colour, restart after a crash with growing back-off, clean stop on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot } from './paths.ts';

export interface ServiceSpec {
  name: string;
  /** Entry point, relative to the repository root. */
  entry: string;
  port: number;
  env?: Record<string, string>;
}

const COLOURS = [36, 33, 35, 32, 34, 91, 96, 93];
const MAX_BACKOFF_MS = 30_000;

interface Supervised {
  spec: ServiceSpec;
  child?: ChildProcess;
  restarts: number;
  timer?: NodeJS.Timeout;
}

export interface Supervisor {
  stop(): Promise<void>;
}

export function superviseServices(specs: readonly ServiceSpec[], baseEnv: NodeJS.ProcessEnv, write: (line: string) => void): Supervisor {
  let stopping = false;
  const width = Math.max(...specs.map((spec) => spec.name.length));
  const supervised: Supervised[] = specs.map((spec) => ({ spec, restarts: 0 }));

  const launch = (entry: Supervised, colour: number): void => {
    const label = `\u001b[${colour}m${entry.spec.name.padEnd(width)}\u001b[0m │ `;
    const startedAt = Date.now();
    const child = spawn(process.execPath, [path.join(repoRoot, entry.spec.entry)], {
      env: { ...baseEnv, PORT: String(entry.spec.port), ...entry.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    entry.child = child;
    // The pid, so an operator (or a test) can tell the service's process from its restarted successor.
    write(`${label}started (pid ${child.pid})`);
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) readline.createInterface({ input: stream }).on('line', (line) => write(label + line));
    }
    child.once('exit', (code, signal) => {
      entry.child = undefined;
      if (stopping) return;
      // A service that ran for a while before failing starts again at once; one that keeps failing waits longer.
      if (Date.now() - startedAt > 60_000) entry.restarts = 0;
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** entry.restarts);
      entry.restarts += 1;
      write(`${label}exited (${signal ?? code}); restarting in ${delay} ms`);
      entry.timer = setTimeout(() => launch(entry, colour), delay);
    });
  };

  supervised.forEach((entry, index) => launch(entry, COLOURS[index % COLOURS.length]!));

  return {
    async stop() {
      stopping = true;
      await Promise.all(
        supervised.map(async (entry) => {
          clearTimeout(entry.timer);
          const child = entry.child;
          if (!child || child.exitCode !== null) return;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
