// Starts the sample service as a real child process and reads its structured log.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'sample-service.ts');

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  lines: Array<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function runSampleService(env: Record<string, string>): { child: ChildProcess; lines: Array<Record<string, unknown>>; exited: ServiceProcess['exited'] } {
  const child = spawn(process.execPath, [fixture], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Array<Record<string, unknown>> = [];
  let buffer = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) if (part.trim()) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, lines, exited };
}

export async function startSampleService(env: Record<string, string>): Promise<ServiceProcess> {
  const started = runSampleService(env);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const listening = started.lines.find((line) => line.msg === 'listening');
    if (listening) return { ...started, url: String(listening.url) };
    if (started.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  started.child.kill('SIGKILL');
  throw new Error(`sample service did not start: ${(await started.exited).stderr}`);
}
