// Vitest global setup for integration tests: finds or starts one Kafka broker and one Redis for the run
// (KAFKA_BROKERS/REDIS_URL, else servers on the default ports, else testcontainers, else the native
// launcher) and hands their addresses to the tests. Tests isolate themselves by topic and key prefixes.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dataDir, resolveStack } from '@lgsp/infra';
import { testcontainersStarter } from './docker-stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string;
    redisUrl: string;
    stackOrigin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const testData = path.join(dataDir(), 'test-stack');
  fs.rmSync(testData, { recursive: true, force: true });
  const { kafka, redis } = await resolveStack({
    dataDir: testData,
    docker: testcontainersStarter,
    log: (message) => process.stderr.write(`[test stack] ${message}\n`),
  });
  project.provide('kafkaBrokers', kafka.brokers);
  project.provide('redisUrl', redis.url);
  project.provide('stackOrigin', `kafka:${kafka.origin} redis:${redis.origin}`);
  return async () => {
    await kafka.stop?.();
    await redis.stop?.();
  };
}
