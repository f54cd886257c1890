// Ingest benchmarks (benchmarks.md B1, B1n, B1s) against a real adapter-land process over HTTP on
// 127.0.0.1, real Kafka (acks=all, idempotent) and Redis, each next to its ceiling in the same run: a bare
// kafkajs idempotent producer sending the same serialized events in the same batches with the same
// settings and the same concurrency. Ratios are what count on a shared, noisy 2-core machine.
//   node packages/adapter-kit/bench/ingest.bench.ts [--seconds 10] [--clients 4] [--json]
// `runIngestBenchmarks()` returns the results for a root `pnpm bench`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildEvent, createGenerator, encodeKafkaMessage, type CloudEvent, type HubEvent } from '@lgsp/contract';
import { createKafka, ensureTopics, hubTopicSpecs, topicNames, type Message } from '@lgsp/kafka';
import { createLogger } from '@lgsp/runtime';
import { agencyAttribute, traceparentFor } from '@lgsp/adapter-kit';

export interface BenchResult {
  id: string;
  unit: string;
  hub: number;
  ceiling: number | null;
  ratio: number | null;
  p50_ms?: number;
  p99_ms?: number;
}

export interface IngestBenchOptions {
  seconds?: number;
  clients?: number;
  kafkaBrokers?: string;
  redisUrl?: string;
  /** B1s target rate. */
  singleRate?: number;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ADAPTER_ENTRY = path.join(repoRoot, 'services', 'adapter-land', 'src', 'server.ts');
const KEY = 'dev-land-key';
const BATCH = 500;
const NDJSON_RECORDS = 1_000;

// ── data ────────────────────────────────────────────────────────────────────────────────────────────

function landGrants(count: number, seed: number): HubEvent[] {
  const generator = createGenerator(seed);
  return Array.from({ length: count }, () => generator.event('vn.lgsp.land.right-granted.v1', generator.person()) as HubEvent);
}

/** The native CAP_MOI record a land registry would send for a grant, so B1n maps to the same events. */
function nativeGrant(event: HubEvent): Record<string, unknown> {
  const data = event.data as { personalId: string; certificateNo: string; parcel: { communeCode: string; mapSheet: number; parcelNo: number }; areaM2: number; landUse: string; grantedOn: string };
  return {
    maBienDong: event.id,
    loaiBienDong: 'CAP_MOI',
    thoiDiem: event.time,
    thuaDat: { maXa: data.parcel.communeCode, soTo: data.parcel.mapSheet, soThua: data.parcel.parcelNo, dienTich: data.areaM2, mucDich: data.landUse },
    giayChungNhan: { soPhatHanh: data.certificateNo, ngayCap: data.grantedOn },
    chuSuDung: { soDinhDanh: data.personalId, hoTen: 'Nguyễn Văn An' },
  };
}

/** What the adapter publishes for an event: the Kafka message with the hub's attributes. */
function publishedMessage(event: HubEvent): Message {
  const stamped: CloudEvent = buildEvent(event.type, {
    ...(event as unknown as Parameters<typeof buildEvent>[1]),
    lgspreceivedat: new Date().toISOString(),
    lgspagency: agencyAttribute('land registration office'),
    traceparent: traceparentFor(undefined),
  });
  const message = encodeKafkaMessage(stamped);
  return { ...message, headers: { ...message.headers, 'lgsp-request-id': randomBytes(16).toString('hex') } };
}

// ── HTTP client ─────────────────────────────────────────────────────────────────────────────────────

function post(agent: http.Agent, port: number, url: string, contentType: string, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: url, method: 'POST', agent, headers: { 'content-type': contentType, 'content-length': body.length, authorization: `Bearer ${KEY}` } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** `clients` loops, each sending the next body as soon as the previous is answered, for `seconds`. */
async function closedLoop(seconds: number, clients: number, send: (index: number) => Promise<number>): Promise<{ items: number; elapsed: number }> {
  let next = 0;
  let items = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) items += await send(next++);
    }),
  );
  return { items, elapsed: (performance.now() - started) / 1000 };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// ── the adapter process ─────────────────────────────────────────────────────────────────────────────

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startAdapter(env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [ADAPTER_ENTRY], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`adapter-land exited (${child.exitCode})`);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`).then((response) => response.ok, () => false);
    if (ready) return { port, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('adapter-land did not become ready');
}

// ── the benchmarks ──────────────────────────────────────────────────────────────────────────────────

export async function runIngestBenchmarks(options: IngestBenchOptions = {}): Promise<BenchResult[]> {
  const seconds = options.seconds ?? 10;
  const clients = options.clients ?? 4;
  const kafkaBrokers = options.kafkaBrokers ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const singleRate = options.singleRate ?? 1_000;
  const logger = createLogger({ service: 'bench-ingest', level: 'warn' });
  const prefix = `bench-${randomBytes(4).toString('hex')}.`;
  const topic = topicNames(prefix).registry.land;
  const kafka = createKafka({ brokers: kafkaBrokers, clientId: 'bench-ingest', logger });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, hubTopicSpecs({ prefix, partitions: 6 }));
  await admin.disconnect();

  // The same events for hub and ceiling: 20 batches of 500, reused round-robin.
  const events = landGrants(20 * BATCH, 20251124);
  const batches = Array.from({ length: 20 }, (_, index) => events.slice(index * BATCH, (index + 1) * BATCH));
  const batchBodies = batches.map((batch) => Buffer.from(JSON.stringify(batch)));
  const batchMessages = batches.map((batch) => batch.map(publishedMessage));
  const ndjsonGroups = Array.from({ length: 10 }, (_, index) => events.slice(index * NDJSON_RECORDS, (index + 1) * NDJSON_RECORDS));
  const ndjsonBodies = ndjsonGroups.map((group) => Buffer.from(`${group.map((event) => JSON.stringify(nativeGrant(event))).join('\n')}\n`));
  const ndjsonMessages = ndjsonGroups.map((group) => group.map(publishedMessage));
  const singleBodies = events.slice(0, 2_000).map((event) => Buffer.from(JSON.stringify(event)));

  // The ceiling: the bare library, same producer settings as the hub's (idempotent, one in flight, acks=all).
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, retry: { initialRetryTime: 100, retries: 5, maxRetryTime: 2_000 } });
  await producer.connect();
  const ceiling = async (groups: Message[][]): Promise<number> => {
    await producer.send({ topic, messages: groups[0]!, acks: -1 }); // warm-up
    const { items, elapsed } = await closedLoop(seconds, clients, async (index) => {
      const messages = groups[index % groups.length]!;
      await producer.send({ topic, messages, acks: -1, timeout: 10_000 });
      return messages.length;
    });
    return items / elapsed;
  };

  const adapter = await startAdapter({ KAFKA_BROKERS: kafkaBrokers, REDIS_URL: redisUrl, KAFKA_TOPIC_PREFIX: prefix, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'info', NODE_ENV: 'development' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const throughHub = async (url: string, contentType: string, bodies: Buffer[], perBody: number): Promise<number> => {
    const warm = await post(agent, adapter.port, url, contentType, bodies[0]!);
    if (warm !== 202) throw new Error(`the adapter answered ${warm} to ${url}`);
    const { items, elapsed } = await closedLoop(seconds, clients, async (index) => {
      const status = await post(agent, adapter.port, url, contentType, bodies[index % bodies.length]!);
      if (status !== 202) throw new Error(`the adapter answered ${status} to ${url}`);
      return perBody;
    });
    return items / elapsed;
  };

  try {
    const b1Hub = await throughHub('/v1/events', 'application/cloudevents-batch+json', batchBodies, BATCH);
    const b1Ceiling = await ceiling(batchMessages);
    const b1nHub = await throughHub('/v1/records', 'application/x-ndjson', ndjsonBodies, NDJSON_RECORDS);
    const b1nCeiling = await ceiling(ndjsonMessages);
    const single = await openLoop(seconds, singleRate, (index) => post(agent, adapter.port, '/v1/events', 'application/cloudevents+json', singleBodies[index % singleBodies.length]!));
    const ratio = (hub: number, roof: number): number => Number((hub / roof).toFixed(3));
    return [
      { id: 'B1', unit: 'events/s', hub: Math.round(b1Hub), ceiling: Math.round(b1Ceiling), ratio: ratio(b1Hub, b1Ceiling) },
      { id: 'B1n', unit: 'records/s', hub: Math.round(b1nHub), ceiling: Math.round(b1nCeiling), ratio: ratio(b1nHub, b1nCeiling) },
      { id: 'B1s', unit: 'req/s', hub: Math.round(single.rate), ceiling: null, ratio: null, p50_ms: single.p50, p99_ms: single.p99 },
    ];
  } finally {
    agent.destroy();
    adapter.child.kill('SIGTERM');
    await new Promise((resolve) => adapter.child.once('exit', resolve));
    await producer.disconnect();
  }
}

/** Requests started at a fixed rate whatever the answers take (open loop), so queueing shows in latency. */
async function openLoop(seconds: number, rate: number, send: (index: number) => Promise<number>): Promise<{ rate: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const pending: Array<Promise<void>> = [];
  const started = performance.now();
  const total = Math.round(seconds * rate);
  let failures = 0;
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.now();
    pending.push(
      send(index).then(
        (status) => {
          if (status === 202) latencies.push(performance.now() - sentAt);
          else failures += 1;
        },
        () => void (failures += 1),
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  if (failures > 0) throw new Error(`B1s: ${failures} of ${total} requests failed`);
  latencies.sort((a, b) => a - b);
  const round = (value: number): number => Number(value.toFixed(2));
  return { rate: latencies.length / elapsed, p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) };
}

export function formatResults(results: readonly BenchResult[]): string {
  const cell = (value: number | null | undefined, width: number): string => (value === null || value === undefined ? '–' : value.toLocaleString('en-US')).padStart(width);
  const lines = [
    `${'figure'.padEnd(6)}${'unit'.padStart(11)}${'hub'.padStart(10)}${'ceiling'.padStart(10)}${'ratio'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`,
    ...results.map((result) => `${result.id.padEnd(6)}${result.unit.padStart(11)}${cell(result.hub, 10)}${cell(result.ceiling, 10)}${cell(result.ratio, 8)}${cell(result.p50_ms, 9)}${cell(result.p99_ms, 9)}`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: '10' }, clients: { type: 'string', default: '4' }, rate: { type: 'string', default: '1000' }, json: { type: 'boolean', default: false } },
  });
  const results = await runIngestBenchmarks({ seconds: Number(values.seconds), clients: Number(values.clients), singleRate: Number(values.rate) });
  process.stdout.write(values.json ? `${JSON.stringify({ date: new Date().toISOString(), results })}\n` : `ingest benchmarks — adapter-land over HTTP on 127.0.0.1, Node ${process.version}\n${formatResults(results)}\n`);
  process.exit(0);
}
