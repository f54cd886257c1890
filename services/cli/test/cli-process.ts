// Runs the CLI as operators do: a real `node services/cli/src/main.ts …` process with its own environment.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.ts');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json: <T = Record<string, unknown>>() => T;
}

export function runCli(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // Only what the CLI reads from the hub's environment is passed on, so a developer's shell cannot leak in.
    const { KAFKA_BROKERS: _k, REDIS_URL: _r, KAFKA_TOPIC_PREFIX: _t, REDIS_KEY_PREFIX: _p, CONSOLIDATOR_GROUP_ID: _g, ...base } = process.env;
    const child = spawn(process.execPath, [entry, ...args], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`lgsp ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout,
        stderr,
        json: <T,>() => {
          try {
            return JSON.parse(stdout) as T;
          } catch {
            throw new Error(`lgsp ${args.join(' ')} printed no JSON (exit ${code}):\n${stdout}\n${stderr}`);
          }
        },
      });
    });
  });
}

export interface SpawnedCli {
  child: ReturnType<typeof spawn>;
  output: () => string;
  exited: Promise<number | null>;
}

/** The CLI started and left running, for tests that interrupt it. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): SpawnedCli {
  const { KAFKA_BROKERS: _k, REDIS_URL: _r, KAFKA_TOPIC_PREFIX: _t, REDIS_KEY_PREFIX: _p, CONSOLIDATOR_GROUP_ID: _g, ...base } = process.env;
  const child = spawn(process.execPath, [entry, ...args], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
