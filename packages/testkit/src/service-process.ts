// Runs a hub service as a real process (its server.ts, never imported) and waits for the log line that
// says it is up; its structured log is kept for assertions, and it can be stopped or SIGKILLed at any instant.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@lgsp/infra';

export type HubServiceName = 'consolidator' | 'citizen-api' | 'adapter-land' | 'adapter-enterprise' | 'adapter-household' | 'adapter-judicial' | 'console';

/**
 * The services startHub runs unless told otherwise: the data path. The console reads the others' addresses,
 * so a test starts it afterwards (`hub.start('console', { CITIZEN_API_URL: hub.url('citizen-api'), … })`).
 */
export const HUB_SERVICE_NAMES: readonly HubServiceName[] = ['consolidator', 'citizen-api', 'adapter-land', 'adapter-enterprise', 'adapter-household', 'adapter-judicial'];

/** The log line each service writes once it serves. */
export const READY_MESSAGES: Record<HubServiceName, string> = {
  consolidator: 'consolidating',
  'citizen-api': 'citizen api ready',
  'adapter-land': 'adapter ready',
  'adapter-enterprise': 'adapter ready',
  'adapter-household': 'adapter ready',
  'adapter-judicial': 'adapter ready',
  console: 'console ready',
};

export function serviceEntry(name: string): string {
  return path.join(repoRoot, 'services', name, 'src', 'server.ts');
}

export const CITIZEN_API_ENTRY = serviceEntry('citizen-api');
export const CONSOLIDATOR_ENTRY = serviceEntry('consolidator');

export interface ServiceProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` once listening. */
  url: string;
  lines: () => Array<Record<string, unknown>>;
  output: () => string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ServiceExit {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they arrived. */
  output: string;
}

/** Runs a service expecting it to stop by itself (a start-up it must refuse): its exit code and what it wrote. */
export function runServiceToExit(entry: string, env: Record<string, string>, timeoutMs = 30_000): Promise<ServiceExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const written = { stdout: '', stderr: '', output: '' };
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        written[stream] += text;
        written.output += text;
      });
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.relative(repoRoot, entry)} did not stop within ${timeoutMs} ms:\n${written.output.slice(-2000)}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ...written });
    });
  });
}

export async function startServiceProcess(entry: string, env: Record<string, string>, readyMessage: string, timeoutMs = 60_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const parsed: Array<Record<string, unknown>> = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    pending += text;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) {
      try {
        parsed.push(JSON.parse(part) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const listening = parsed.find((line) => line.msg === 'listening');
    if (listening && parsed.some((line) => line.msg === readyMessage)) {
      return { child, url: String(listening.url).replace('0.0.0.0', '127.0.0.1'), lines: () => parsed, output: () => output, exited, stop };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop('SIGKILL');
  throw new Error(`${path.basename(path.dirname(path.dirname(entry)))} did not start:\n${output.slice(-3000)}`);
}
