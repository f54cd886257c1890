// The HTTP load generator of the read benchmark (B3), run as its own process so that it measures the
// server and its ceiling the same way. Input: one JSON argument (LoadPlan); output: one JSON line (LoadResult).
// - Peak (no rate): autocannon, keep-alive connections each sending its next request as soon as the
//   previous one is answered.
// - At a given rate: an open-loop pacer over keep-alive sockets, each request sent at its scheduled time
//   and timed from it, so a slow answer delays nothing and hides nothing (autocannon's rate limit sends
//   each connection's quota in a burst at the start of every second, which measures the bursts instead).
import http from 'node:http';
import autocannon from 'autocannon';

export interface LoadPlan {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** Requests per second across all connections; unset for as fast as the server answers. */
  rate?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

async function peak(plan: LoadPlan): Promise<LoadResult> {
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.durationSeconds,
    headers: plan.headers,
    requests: plan.paths.map((path) => ({ method: 'GET', path })),
    timeout: 10,
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

async function paced(plan: LoadPlan, rate: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const target = new URL(plan.url);
  const total = Math.round(rate * plan.durationSeconds);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const send = (index: number, scheduledAt: number): Promise<void> =>
    new Promise((resolve) => {
      const request = http.get(
        { host: target.hostname, port: target.port, path: plan.paths[index % plan.paths.length], headers: plan.headers, agent, timeout: 10_000 },
        (response) => {
          response.on('data', () => {});
          response.on('end', () => {
            latencies.push(performance.now() - scheduledAt);
            if ((response.statusCode ?? 0) >= 300) non2xx += 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
    });
  const inFlight: Array<Promise<void>> = [];
  while (sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - started) / 1000) * rate) + 1);
    for (; sent < due; sent += 1) inFlight.push(send(sent, started + (sent / rate) * 1000));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (value: number): number => Math.round(value * 100) / 100;
  return { requestsPerSecond: latencies.length / seconds, p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), total: latencies.length, non2xx, errors };
}

const plan = JSON.parse(process.argv[2] ?? '{}') as LoadPlan;
const result = plan.rate ? await paced(plan, plan.rate) : await peak(plan);
process.stdout.write(`${JSON.stringify(result)}\n`);
