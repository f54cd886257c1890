// Runs an adapter as a real process (its server.ts), so a test can SIGKILL it at any instant and start
// it again, and read its structured log.
import { spawn, type ChildProcess } from 'node:child_process';

export interface AdapterProcess {
  child: ChildProcess;
  /** Parsed JSON log lines so far. */
  lines: Array<Record<string, unknown>>;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node <entry>` with `env` and resolves once it logged `adapter ready`. */
export async function startAdapterProcess(entry: string, env: Record<string, string>, timeoutMs = 30_000): Promise<AdapterProcess> {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Array<Record<string, unknown>> = [];
  let pending = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) if (part.trim()) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const listening = lines.find((line) => line.msg === 'listening');
    if (listening && lines.some((line) => line.msg === 'adapter ready')) return { child, lines, url: String(listening.url), exited, kill };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await kill();
  throw new Error(`adapter ${entry} did not start:\n${stderr}\n${lines.map((line) => JSON.stringify(line)).join('\n').slice(-3000)}`);
}
