// lgsp replay: rebuilds the record projection into a fresh generation while the live one keeps serving,
// hands over to it atomically once it has caught up, and drops the old one (api.md §4; the steps and
// their guarantees are in `lgsp replay --help`). Interrupted before the switch, it leaves the live
// generation as it was and drops what it built; the switch itself is one atomic step.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Registry } from '@lgsp/contract';
import { createKafka, REGISTRIES } from '@lgsp/kafka';
import {
  allocateGeneration,
  controlKey,
  currentGeneration,
  dropGeneration,
  listedGenerations,
  liveInstances,
  offsetsKey,
  saveOffsets,
  switchGeneration,
  type Keyspace,
} from '@lgsp/record-store';
import { configEnvironment } from '../config.ts';
import type { CliContext } from '../context.ts';
import { CliError, EXIT, failure } from '../errors.ts';
import { createRateProgress } from '../progress.ts';
import { createGenerationBuilder, replayGroupOf } from '../replay/builder.ts';
import { carryOver } from '../replay/carry-over.ts';
import { caughtUp, drained, pausedWriters } from '../replay/handover.ts';
import { takeReplayLease, type LeaseKeeper } from '../replay/lease-keeper.ts';
import { createMeter, type Reading } from '../replay/meter.ts';
import { loadFloors, messagesFrom, messagesLeft, partitionRanges } from '../replay/positions.ts';
import type { CommandResult } from './result.ts';

export interface ReplayOptions {
  registry?: Registry;
  /** Processes folding the new generation, this one included. */
  workers?: number;
}

export interface ReplayReport {
  generation: string;
  replaced: string;
  registry: Registry | null;
  /** Messages of the registry topics the new generation applied. */
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** How long the live consolidators' writes were paused at the handover, and how many there were. */
  handover: { writersPaused: number; pausedMs: number; attempts: number };
  /** The old generation dropped, or why it was kept for the next replay to drop. */
  dropped: { generation: string; keys: number } | null;
  kept: string | null;
  leftoversDropped: Array<{ generation: string; keys: number }>;
}

const HANDOVER_ATTEMPTS = 3;
const WORKER_ENTRY = fileURLToPath(new URL('../replay/worker.ts', import.meta.url));
const READER_GRACE_MS = 2_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runReplay(context: CliContext, options: ReplayOptions): Promise<CommandResult> {
  const { config, topics, logger } = context;
  const [admin, redis] = await Promise.all([context.admin(), context.redis()]);
  const prefix = config.REDIS_KEY_PREFIX;
  const liveGroup = config.CONSOLIDATOR_GROUP_ID;
  const registry = options.registry ?? null;
  const topicRegistry = Object.fromEntries(REGISTRIES.map((name) => [topics.registry[name], name]));
  const topicList = Object.keys(topicRegistry);
  const progress = createRateProgress(context.progressStream, context.progressStream ? undefined : process.stderr, 'replay');
  const startedAt = Date.now();

  let interrupts = 0;
  const onSignal = (): void => {
    interrupts += 1;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const interrupted = (): boolean => interrupts > 0;

  const old = await currentGeneration(redis, prefix);
  const keeper: LeaseKeeper = await takeReplayLease(redis, prefix, { registry, replaces: old, phase: 'preparing' });
  let builder: ReturnType<typeof createGenerationBuilder> | undefined;
  const workers: ChildProcess[] = [];
  let next: Keyspace | undefined;
  let switched = false;
  try {
    const leftoversDropped = await dropLeftovers();
    const generation = await allocateGeneration(redis, prefix, { createdAt: new Date().toISOString(), registry });
    next = { prefix, generation };
    const nextSpace = next;
    const replayGroup = replayGroupOf(liveGroup, generation);
    await keeper.update({ generation, phase: registry ? 'copying' : 'building' });
    progress.note(`Building generation ${generation} to replace generation ${old}${registry ? ` (the ${registry} registry's share; the rest carried over)` : ''}`);

    if (registry) {
      const liveFloors = await loadFloors(redis, { prefix, generation: old }, liveGroup);
      const copied = await carryOver({
        redis,
        from: { prefix, generation: old },
        to: nextSpace,
        registry,
        registryTopic: topics.registry[registry],
        liveFloors,
        groupId: replayGroup,
        onProgress: (people) => progress.update({ done: people, total: people, eventsPerSecond: 0, etaSeconds: null }, `carrying over the other registries' shares`),
      });
      progress.note(`Carried over ${copied.people.toLocaleString('en')} records and ${copied.enterprises.toLocaleString('en')} enterprises without the ${registry} share`);
      if (interrupted()) return await abandon('interrupted');
      await keeper.update({ phase: 'building' });
    }

    const starts = await loadFloors(redis, nextSpace, replayGroup);
    // Its own client with the hub's usual patience: the CLI's default one gives up in seconds, a rebuild must not.
    const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'lgsp-replay', logger });
    builder = createGenerationBuilder({
      kafka,
      admin,
      redis,
      keyspace: nextSpace,
      groupId: replayGroup,
      topics: topicRegistry,
      chunkSize: config.REPLAY_CHUNK_SIZE,
      partitionsConcurrently: config.REPLAY_PARTITIONS_CONCURRENTLY,
      logger,
    });
    await builder.start();
    workers.push(...startWorkers((options.workers ?? 1) - 1, generation, replayGroup));

    const meter = createMeter();
    const measure = async (): Promise<{ reading: Reading; left: number }> => {
      const [ranges, floors] = await Promise.all([partitionRanges(admin, topicList), loadFloors(redis, nextSpace, replayGroup)]);
      const total = messagesFrom(ranges, starts);
      const left = messagesLeft(ranges, floors);
      return { reading: meter.sample(total - left, total), left };
    };

    let attempts = 0;
    let writersPaused = 0;
    let pausedMs = 0;
    let last: Reading = { done: 0, total: 0, eventsPerSecond: 0, etaSeconds: null };
    for (;;) {
      if (interrupted()) return await abandon('interrupted');
      if (keeper.lost()) return await abandon('the replay lease was lost (Redis unreachable for too long?)');
      if (!builder.healthy()) return await abandon('the fold of the new generation crashed; see the log with LOG_LEVEL=info');
      const lostWorker = workers.find((worker) => worker.exitCode !== null);
      if (lostWorker) return await abandon(`a replay worker (pid ${lostWorker.pid}) exited with ${lostWorker.exitCode}`);
      const { reading, left } = await measure();
      last = reading;
      progress.update(reading, 'building');
      await keeper.update({ progress: reading });
      if (left > config.REPLAY_HANDOVER_LAG) {
        await sleep(1_000);
        continue;
      }

      attempts += 1;
      const pausedAt = Date.now();
      await keeper.update({ phase: 'handover' });
      progress.update(reading, 'handover');
      const deadline = Date.now() + config.REPLAY_HANDOVER_TIMEOUT_MS;
      const waiting = { deadline, cancelled: interrupted };
      const paused = await pausedWriters(redis, prefix, old, generation, waiting);
      const oldFloors = paused.ok ? await loadFloors(redis, { prefix, generation: old }, liveGroup) : undefined;
      const caught = paused.ok && oldFloors ? await caughtUp(() => loadFloors(redis, nextSpace, replayGroup), oldFloors, waiting) : undefined;
      if (!paused.ok || !caught?.ok) {
        const reason = !paused.ok ? paused.reason : caught && !caught.ok ? caught.reason : 'unknown';
        await keeper.update({ phase: 'building' });
        if (interrupted()) return await abandon('interrupted');
        if (attempts >= HANDOVER_ATTEMPTS) return await abandon(`the handover failed ${attempts} times; the last time: ${reason}`);
        progress.note(`Handover attempt ${attempts} gave up (${reason}); writes go on, trying again`);
        await sleep(2_000);
        continue;
      }
      // The live group goes on in the new generation from where the rebuild stands (it holds every event below).
      await saveOffsets(redis, nextSpace, liveGroup, Object.fromEntries([...caught.value].map(([partition, offset]) => [partition, offset.toString()])));
      // Listed, so that if this replay dies before dropping it, the next one finds it and drops it.
      await redis.hsetnx(controlKey(prefix, 'generations'), old, JSON.stringify({ createdAt: '', registry: null, replacedAt: new Date().toISOString() }));
      if (!(await switchGeneration(redis, prefix, old, generation))) {
        await keeper.update({ phase: 'building' });
        return await abandon(`the generation pointer no longer names generation ${old}; someone else switched it`);
      }
      switched = true;
      writersPaused = paused.value.length;
      pausedMs = Date.now() - pausedAt;
      await keeper.update({ phase: 'switched' });
      progress.note(`Switched readers and writers to generation ${generation} (${writersPaused} live consolidator(s) paused for ${pausedMs} ms)`);
      break;
    }

    await Promise.all([builder.stop(), stopWorkers()]);
    builder = undefined;
    await admin.deleteGroups([replayGroup]).catch(() => {});
    await redis.del(offsetsKey(nextSpace, replayGroup));

    // The old generation goes once nobody uses it: the grace covers reads begun just before readers moved.
    const drain = await drained(redis, prefix, old, { deadline: Date.now() + config.REPLAY_DRAIN_TIMEOUT_MS, cancelled: () => interrupts > 1 });
    let dropped: ReplayReport['dropped'] = null;
    let kept: string | null = null;
    if (drain.ok) {
      await sleep(READER_GRACE_MS);
      await keeper.update({ phase: 'dropping' });
      const keys = await dropGeneration(redis, { prefix, generation: old }, (deleted) => progress.update({ done: deleted, total: deleted, eventsPerSecond: 0, etaSeconds: null }, `dropping generation ${old}`));
      dropped = { generation: old, keys };
      progress.note(`Dropped generation ${old} (${keys.toLocaleString('en')} keys)`);
    } else {
      kept = `generation ${old} was kept: ${drain.reason}; the next lgsp replay drops it`;
      progress.note(kept);
    }
    progress.done();

    const seconds = (Date.now() - startedAt) / 1000;
    const report: ReplayReport = {
      generation,
      replaced: old,
      registry,
      events: last.total,
      seconds: Math.round(seconds * 10) / 10,
      eventsPerSecond: Math.round(last.total / Math.max(seconds, 0.001)),
      handover: { writersPaused, pausedMs, attempts },
      dropped,
      kept,
      leftoversDropped,
    };
    return {
      json: report,
      text: `Generation ${generation} serves now: ${report.events.toLocaleString('en')} events folded in ${report.seconds} s (${report.eventsPerSecond.toLocaleString('en')} events/s)${dropped ? `; generation ${old} dropped` : `; ${kept}`}`,
      exitCode: EXIT.ok,
    };
  } finally {
    await Promise.all([builder?.stop().catch(() => {}), stopWorkers()]);
    await keeper.release();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.done();
  }

  /** Stops building, drops what was built and fails with the reason (exit 130 when the operator interrupted). */
  async function abandon(reason: string): Promise<never> {
    if (switched) throw failure(reason);
    progress.done();
    await Promise.all([builder?.stop().catch(() => {}), stopWorkers()]);
    builder = undefined;
    // Writers go on as soon as the lease is gone; what was built is of no use.
    await keeper.release();
    if (next) {
      progress.note(`Dropping the unfinished generation ${next.generation}; generation ${old} serves as before`);
      await dropGeneration(redis, next);
      await admin.deleteGroups([replayGroupOf(liveGroup, next.generation)]).catch(() => {});
    }
    if (reason === 'interrupted') throw new CliError(EXIT.interrupted, 'interrupted; the live generation serves as before');
    throw failure(reason);
  }

  /** More members of the replay's group, each a process of its own (the fold is CPU-bound: one core each). */
  function startWorkers(count: number, generation: string, group: string): ChildProcess[] {
    return Array.from({ length: Math.max(0, count) }, () =>
      spawn(process.execPath, [WORKER_ENTRY], {
        env: { ...process.env, ...configEnvironment(config), LGSP_REPLAY_GENERATION: generation, LGSP_REPLAY_GROUP: group },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      }),
    );
  }

  async function stopWorkers(): Promise<void> {
    const running = workers.splice(0);
    await Promise.all(
      running.map(async (worker) => {
        if (worker.exitCode !== null || worker.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        worker.kill('SIGTERM');
        const timer = setTimeout(() => worker.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  /** Generations an interrupted replay left behind (listed, not current, used by nobody): dropped first. */
  async function dropLeftovers(): Promise<Array<{ generation: string; keys: number }>> {
    const current = await currentGeneration(redis, prefix);
    const inUse = new Set((await liveInstances(redis, prefix)).map((instance) => instance.generation));
    const dropped: Array<{ generation: string; keys: number }> = [];
    for (const { generation } of await listedGenerations(redis, prefix)) {
      if (generation === current || inUse.has(generation)) continue;
      const keys = await dropGeneration(redis, { prefix, generation });
      await admin.deleteGroups([replayGroupOf(liveGroup, generation)]).catch(() => {});
      progress.note(`Dropped generation ${generation}, left by an interrupted replay (${keys.toLocaleString('en')} keys)`);
      dropped.push({ generation, keys });
    }
    return dropped;
  }
}
