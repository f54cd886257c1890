// One fault scenario on a whole hub: traffic pushed by retrying clients while a fault is injected, then —
// once the hub has recovered and caught up — the verdict, and the counts written for the report
// (test-artifacts/faults/<name>.json).
import fs from 'node:fs';
import path from 'node:path';
import type { HubEvent } from '@lgsp/contract';
import { repoRoot } from '@lgsp/infra';
import { createKafka, fetchLag } from '@lgsp/kafka';
import { closeRedis, createRedis } from '@lgsp/redis';
import { eventually, quietLogger, startHub, uniqueId, type HubOptions, type HubUnderTest } from '@lgsp/testkit';
import { provinceTraffic, pushConcurrently, type TrafficCounts } from './traffic.ts';
import { verifyHub, type Verdict } from './verify.ts';

export interface ScenarioReport {
  scenario: string;
  counts: TrafficCounts & { faultsInjected: number };
  /** Services that exited by themselves and were started again by the supervisor. */
  restartsBySupervisor: Record<string, number>;
  verdict: Verdict;
  invalidInLog: string[];
  /** Whole scenario; the push (with the faults); recovery and catching up after it. */
  seconds: number;
  trafficSeconds: number;
  recoverySeconds: number;
}

export interface ScenarioOptions {
  name: string;
  seed: number;
  people: number;
  hub?: HubOptions;
  kafkaBrokers: string;
  redisUrl: string;
  /** Injects the fault while the traffic runs, until `trafficDone()`; resolves with how many faults it injected. */
  inject(hub: HubUnderTest, trafficDone: () => boolean): Promise<number>;
  /** After the traffic and the fault: what the operators do to recover (e.g. a replay). */
  recover?(hub: HubUnderTest): Promise<void>;
  /** Pause between a client's requests, so the traffic lasts long enough for the faults. */
  pauseMs?: number;
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioReport> {
  const started = Date.now();
  const hub = await startHub({ ...options.hub, kafkaBrokers: options.kafkaBrokers, redisUrl: options.redisUrl, supervise: true });
  const kafka = createKafka({ brokers: options.kafkaBrokers, clientId: uniqueId('faults'), logger: quietLogger() });
  const redis = createRedis({ url: options.redisUrl, logger: quietLogger(), maxRetriesPerRequest: 20 });
  try {
    const { plan, invalid } = provinceTraffic(options.seed, options.people);
    let done = false;
    const trafficStarted = Date.now();
    const faults = options.inject(hub, () => done);
    let pushed: { counts: TrafficCounts; acknowledged: HubEvent[] };
    try {
      pushed = await pushConcurrently(hub, plan, { pauseMs: options.pauseMs ?? 0 });
    } finally {
      done = true;
    }
    const faultsInjected = await faults;
    const trafficSeconds = (Date.now() - trafficStarted) / 1000;
    const recoveryStarted = Date.now();
    await options.recover?.(hub);
    const admin = kafka.admin();
    await admin.connect();
    await eventually(
      async () => {
        const lag = (await fetchLag(admin, hub.groupId, Object.values(hub.names.registry))).total;
        if (lag === 0) return true;
        throw new Error(`consolidator lag ${lag}; its log:\n${hub.service('consolidator')?.output().slice(-3000) ?? '(not running)'}`);
      },
      { timeoutMs: 180_000, intervalMs: 500 },
    );
    await admin.disconnect();
    const recoverySeconds = (Date.now() - recoveryStarted) / 1000;
    const verdict = await verifyHub({ kafka, redis, names: hub.names, keyPrefix: hub.keyPrefix, acknowledged: pushed.acknowledged });
    const invalidIds = new Set(invalid.map((event) => `${event.source} ${event.id}`));
    const report: ScenarioReport = {
      scenario: options.name,
      counts: { ...pushed.counts, faultsInjected },
      restartsBySupervisor: hub.restartsBySupervisor() as Record<string, number>,
      verdict,
      invalidInLog: verdict.unacknowledged.filter((key) => invalidIds.has(key)),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      trafficSeconds: Math.round(trafficSeconds * 10) / 10,
      recoverySeconds: Math.round(recoverySeconds * 10) / 10,
    };
    const dir = path.join(repoRoot, 'test-artifacts', 'faults');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${options.name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    const { counts } = report;
    process.stdout.write(
      `[faults] ${options.name}: ${counts.sent} events sent, ${counts.acknowledged} acknowledged, ${counts.refused} refused, ${counts.retried} requests retried, ${counts.duplicates} duplicates, ${counts.faultsInjected} faults injected; ${verdict.records} records in generation ${verdict.generation}, ${verdict.differing} differ; push ${report.trafficSeconds} s, recovery ${report.recoverySeconds} s\n`,
    );
    return report;
  } finally {
    await hub.stop();
    await closeRedis(redis).catch(() => {});
  }
}
