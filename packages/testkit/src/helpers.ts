// Small helpers integration tests share: isolated names, clients on the run's stack, captured logs.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { createKafka, fetchLag, type Kafka } from '@lgsp/kafka';
import { createRedis, type RedisClient } from '@lgsp/redis';
import { createLogger, type Logger } from '@lgsp/runtime';

export function uniqueId(label = 't'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}

/** A topic prefix no other test file uses, e.g. `t-3fa9c01b2e.` */
export function uniqueTopicPrefix(): string {
  return `${uniqueId('t')}.`;
}

export function uniqueKeyPrefix(): string {
  return `${uniqueId('t')}:`;
}

export function stackEndpoints(): { kafkaBrokers: string; redisUrl: string } {
  return { kafkaBrokers: inject('kafkaBrokers'), redisUrl: inject('redisUrl') };
}

export interface CapturedLogger {
  logger: Logger;
  lines: () => Array<Record<string, unknown>>;
  text: () => string;
}

/** A real pino logger writing into memory, so tests can assert on the parsed lines. */
export function captureLogger(service = 'test', level = 'trace'): CapturedLogger {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ service, level, destination: sink });
  const text = (): string => chunks.join('');
  const lines = (): Array<Record<string, unknown>> =>
    text()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, text };
}

export function quietLogger(): Logger {
  return createLogger({ service: 'test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
}

export function testKafka(clientId = uniqueId('client'), logger: Logger = quietLogger()): Kafka {
  return createKafka({ brokers: inject('kafkaBrokers'), clientId, logger });
}

export function testRedis(logger: Logger = quietLogger()): RedisClient {
  return createRedis({ url: inject('redisUrl'), logger });
}

/** Polls until `probe` returns a value other than undefined, or fails after timeoutMs. */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, { timeoutMs = 15_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${lastError ? `: ${(lastError as Error).message}` : ''}`);
}

/** The group has consumed everything the topics hold (its lag, as `lgsp lag` counts it, is 0). */
export async function groupCaughtUp(kafka: Kafka, groupId: string, topics: readonly string[]): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await fetchLag(admin, groupId, topics)).total === 0;
  } finally {
    await admin.disconnect();
  }
}
