// Runs the consolidator as a real process, so tests can SIGKILL it at any instant and start it again.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'server.ts');

export interface RunningConsolidator {
  child: ChildProcess;
  /** Resolves once it has joined the group and is consuming. */
  started: Promise<void>;
  exited: Promise<number | null>;
  output: () => string;
}

export function startConsolidator(env: Record<string, string>): RunningConsolidator {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', CONSOLIDATOR_SESSION_TIMEOUT_MS: '6000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let resolveStarted: () => void = () => {};
  let rejectStarted: (error: Error) => void = () => {};
  const started = new Promise<void>((resolve, reject) => {
    resolveStarted = resolve;
    rejectStarted = reject;
  });
  const onData = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (output.includes('"msg":"consolidating"')) resolveStarted();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      rejectStarted(new Error(`consolidator exited (${code}) before it started:\n${output.slice(-2000)}`));
      resolve(code);
    });
  });
  started.catch(() => {});
  return { child, started, exited, output: () => output };
}
