// Load and leaks: the whole hub at the B4 rate — 1,000 events a second through the four adapters — for 60 s
// (LGSP_SOAK=1: 10 minutes), with a portal reading records throughout and one newly registered person a
// quarter second followed from the adapter's 202 until the citizen API shows the record. Every service's
// heap is sampled from its own /metrics: what it holds on to must level off, not grow with the events. It
// must keep up (every request answered, the rate held, the lag back to 0 soon after). The latencies are
// reported (test-artifacts/load/), not asserted: speed is for the benchmarks (B4 measures freshness).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HubEvent } from '@lgsp/contract';
import { repoRoot } from '@lgsp/infra';
import { fetchLag } from '@lgsp/kafka';
import { agencyKeyOf, eventually, HUB_SERVICE_NAMES, provinceStream, startHub, testKafka, unthrottledPolicyFile, type HubServiceName, type HubUnderTest } from '@lgsp/testkit';
import { growthOf, percentile } from './samples.ts';

const SOAK = process.env.LGSP_SOAK === '1';
const SECONDS = SOAK ? 600 : 60;
const EVENTS_PER_SECOND = 1_000;
const TICK_MS = 50;
const FOLLOW_EVERY_MS = 250;
const SAMPLE_EVERY_MS = 2_000;
const WARM_UP_MS = 10_000;
const PORTAL = { authorization: 'Bearer dev-citizen-portal-key' };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function metricValue(text: string, name: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : undefined;
}

async function visibleAfter(hub: HubUnderTest, personalId: string, since: number): Promise<number> {
  for (;;) {
    const response = await fetch(`${hub.url('citizen-api')}/v1/citizens/${personalId}?purpose=data-subject-access`, { headers: PORTAL });
    await response.arrayBuffer();
    if (response.status === 200) return performance.now() - since;
    if (response.status !== 404) throw new Error(`citizen-api answered ${response.status}`);
    if (performance.now() - since > 30_000) throw new Error(`${personalId} not visible 30 s after its 202`);
    await sleep(10);
  }
}

describe(`the whole hub at ${EVENTS_PER_SECOND} events/s for ${SECONDS} s${SOAK ? ' (soak)' : ''}`, () => {
  it('keeps up, answers quickly, and its memory levels off', async () => {
    const services: HubServiceName[] = [...HUB_SERVICE_NAMES, 'console'];
    const hub = await startHub({ services, serviceEnv: { 'citizen-api': { POLICY_FILE: unthrottledPolicyFile() } } });
    const memory = new Map<HubServiceName, Array<{ at: number; value: number }>>(services.map((name) => [name, []]));
    const pushLatencies: number[] = [];
    const freshness: number[] = [];
    const readLatencies: number[] = [];
    const failures: string[] = [];
    const known: string[] = [];
    let accepted = 0;
    let running = true;
    try {
      const stream = provinceStream({ seed: 77 });
      const take = (count: number): HubEvent[] => {
        const events: HubEvent[] = [];
        while (events.length < count) {
          const { events: own } = stream.next().value!;
          events.push(...own);
        }
        return events;
      };

      const sampler = (async () => {
        while (running) {
          const at = Date.now();
          await Promise.all(
            services.map(async (name) => {
              const text = await fetch(`${hub.url(name)}/metrics`).then((response) => response.text(), () => '');
              const heap = metricValue(text, 'lgsp_nodejs_heap_size_used_bytes');
              if (heap !== undefined) memory.get(name)!.push({ at, value: heap });
            }),
          );
          await sleep(SAMPLE_EVERY_MS);
        }
      })();

      const reader = (async () => {
        while (running) {
          const id = known[Math.floor(Math.random() * known.length)];
          if (id) {
            const started = performance.now();
            const response = await fetch(`${hub.url('citizen-api')}/v1/citizens/${id}?purpose=data-subject-access`, { headers: PORTAL }).catch(() => undefined);
            await response?.arrayBuffer();
            if (response?.status === 200) readLatencies.push(performance.now() - started);
            else failures.push(`read ${id}: ${response?.status ?? 'no answer'}`);
          }
          await sleep(20);
        }
      })();

      const inFlight: Array<Promise<void>> = [];
      const perTick = Math.round((EVENTS_PER_SECOND * TICK_MS) / 1000);
      const ticks = Math.round((SECONDS * 1000) / TICK_MS);
      const followEvery = Math.round(FOLLOW_EVERY_MS / TICK_MS);
      const started = performance.now();
      for (let tick = 0; tick < ticks; tick += 1) {
        const wait = started + tick * TICK_MS - performance.now();
        if (wait > 0) await sleep(wait);
        const events = take(perTick);
        const byRegistry = new Map<string, HubEvent[]>();
        for (const event of events) {
          const registry = event.source.split(':')[3]!;
          byRegistry.set(registry, [...(byRegistry.get(registry) ?? []), event]);
        }
        const followed = tick % followEvery === 0 ? events.find((event) => event.type === 'vn.lgsp.household.citizen-registered.v1') : undefined;
        inFlight.push(
          (async () => {
            const sent = performance.now();
            const answers = await Promise.all(
              [...byRegistry].map(async ([registry, batch]) => {
                const response = await fetch(`${hub.url(`adapter-${registry}` as HubServiceName)}/v1/events`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/cloudevents-batch+json', authorization: `Bearer ${agencyKeyOf(registry)}` },
                  body: JSON.stringify(batch),
                });
                await response.arrayBuffer();
                if (response.status !== 202) failures.push(`push to ${registry}: ${response.status}`);
                else accepted += batch.length;
                return { registry, at: performance.now() };
              }),
            );
            for (const answer of answers) pushLatencies.push(answer.at - sent);
            const household = answers.find((answer) => answer.registry === 'household');
            if (followed && household) {
              const latency = await visibleAfter(hub, followed.subject, household.at);
              if (performance.now() - started > WARM_UP_MS) freshness.push(latency);
              known.push(followed.subject);
            }
          })().catch((error: unknown) => void failures.push((error as Error).message)),
        );
      }
      await Promise.all(inFlight);
      const seconds = (performance.now() - started) / 1000;
      // Kept up: once the load stops, the consolidator is through its backlog within half a minute.
      const admin = testKafka().admin();
      await admin.connect();
      const stopped = performance.now();
      await eventually(async () => ((await fetchLag(admin, hub.groupId, Object.values(hub.names.registry))).total === 0 ? true : undefined), { timeoutMs: 30_000, intervalMs: 200 });
      const drainedSeconds = (performance.now() - stopped) / 1000;
      await admin.disconnect();
      running = false;
      await Promise.all([sampler, reader]);

      const growth = Object.fromEntries(
        [...memory].map(([name, samples]) => [name, growthOf(samples.filter((sample) => sample.at - samples[0]!.at >= WARM_UP_MS))]),
      );
      const report = {
        seconds: Math.round(seconds),
        lagDrainedSeconds: Math.round(drainedSeconds * 10) / 10,
        eventsAccepted: accepted,
        eventsPerSecond: Math.round(accepted / seconds),
        p99Ms: { push: percentile(pushLatencies, 99), freshness: percentile(freshness, 99), read: percentile(readLatencies, 99) },
        p50Ms: { push: percentile(pushLatencies, 50), freshness: percentile(freshness, 50), read: percentile(readLatencies, 50) },
        followed: freshness.length,
        reads: readLatencies.length,
        heapMiB: Object.fromEntries(Object.entries(growth).map(([name, entry]) => [name, { early: +(entry.early / 2 ** 20).toFixed(1), late: +(entry.late / 2 ** 20).toFixed(1), slopeKiBPerSecond: +(entry.slopePerSecond / 1024).toFixed(1) }])),
        failures: failures.slice(0, 10),
      };
      const dir = path.join(repoRoot, 'test-artifacts', 'load');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, SOAK ? 'soak.json' : 'sustained.json'), `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`[load] ${JSON.stringify(report)}\n`);

      expect(failures).toEqual([]);
      expect(report.eventsPerSecond).toBeGreaterThanOrEqual(EVENTS_PER_SECOND * 0.9);
      expect(report.followed).toBeGreaterThan(SECONDS * 2);
      for (const [name, entry] of Object.entries(growth)) {
        // What a service holds on to levels off: the last quarter's lows at most a quarter (and 16 MiB) above
        // the second quarter's. A leak of 1 KiB per event would add some 15 MiB per quarter of a 60 s run.
        expect(entry.late, `${name} heap`).toBeLessThan(entry.early * 1.25 + 16 * 2 ** 20);
      }
    } finally {
      running = false;
      await hub.stop();
    }
  }, (SECONDS + 180) * 1000);
});
