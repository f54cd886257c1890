// The console as these tests run it: a real process from its entry point, and requests to it over real
// HTTP with or without the session cookie.
import { runServiceToExit, serviceEntry, startServiceProcess, type ServiceProcess } from '@lgsp/testkit';

export const CONSOLE_ENTRY = serviceEntry('console');
export const CONSOLE_HEADER = { 'x-lgsp-console': '1' } as const;

export function startConsole(env: Record<string, string>): Promise<ServiceProcess> {
  return startServiceProcess(CONSOLE_ENTRY, { CONSOLE_SAMPLE_INTERVAL_MS: '500', ...env }, 'console ready');
}

/** Runs the console expecting it to stop at start-up: its exit code and what it wrote. */
export async function consoleExit(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  const { code, output } = await runServiceToExit(CONSOLE_ENTRY, env, timeoutMs);
  return { code, output };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export async function request(baseUrl: string, method: string, path: string, { cookie, headers = {}, body }: { cookie?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    redirect: 'manual',
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
}

/** Logs in with `key` and returns the `name=value` of the session cookie. */
export async function logIn(baseUrl: string, key = 'dev-operator-key'): Promise<string> {
  const answer = await request(baseUrl, 'POST', '/v1/session', { headers: CONSOLE_HEADER, body: { key } });
  if (answer.status !== 201) throw new Error(`login answered ${answer.status}: ${answer.text}`);
  return (answer.headers.get('set-cookie') ?? '').split(';')[0]!;
}
