// Asks each hub service for GET /health and GET /ready. A service that does not answer is a finding
// ("down"), not an error of the CLI.
import type { ServiceEndpoint } from './service-endpoints.ts';

export type ProbeState = 'up' | 'down' | 'failing';

export interface ServiceHealth {
  name: string;
  url: string;
  /** /health: up (2xx), failing (another status), down (no answer). */
  health: ProbeState;
  /** /ready: up (2xx), failing (e.g. 503: its Kafka or Redis connection does not work), down. */
  ready: ProbeState;
  detail?: string;
}

async function probe(url: string, timeoutMs: number): Promise<{ state: ProbeState; detail?: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.ok) return { state: 'up' };
    return { state: 'failing', detail: `${response.status} ${text.slice(0, 160).replace(/\s+/g, ' ')}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { state: 'down', detail: cause ?? (error as Error).name };
  }
}

export async function checkServices(endpoints: readonly ServiceEndpoint[], timeoutMs: number): Promise<ServiceHealth[]> {
  return Promise.all(
    endpoints.map(async ({ name, url }) => {
      const [health, ready] = await Promise.all([probe(`${url}/health`, timeoutMs), probe(`${url}/ready`, timeoutMs)]);
      const detail = ready.detail ?? health.detail;
      return { name, url, health: health.state, ready: ready.state, ...(detail ? { detail } : {}) };
    }),
  );
}
