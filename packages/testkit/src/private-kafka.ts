// A broker of a test's own, for tests that stop and restart Kafka without disturbing the shared one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startNativeKafka, type NativeKafka } from '@lgsp/infra';

export interface PrivateKafka {
  readonly brokers: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startPrivateKafka(): Promise<PrivateKafka> {
  const port = await freePort();
  const controllerPort = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgsp-private-kafka-'));
  const options = { port, controllerPort, dataDir: dir, heapMb: 384 };
  let broker: NativeKafka | undefined = await startNativeKafka(options);
  return {
    brokers: `127.0.0.1:${port}`,
    stop: async () => {
      await broker?.stop();
      broker = undefined;
    },
    start: async () => {
      broker ??= await startNativeKafka(options);
    },
    destroy: async () => {
      await broker?.stop();
      broker = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
