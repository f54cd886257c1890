// Creates the hub's topics on a broker, idempotently, and says what it did.
import { createKafka, ensureTopics, hubTopicSpecs, type EnsureTopicsReport } from '@lgsp/kafka';
import type { Logger } from '@lgsp/runtime';

export interface BootstrapTopicsOptions {
  brokers: string;
  logger: Logger;
  prefix?: string;
  partitions?: number;
  replicationFactor?: number;
}

export async function bootstrapTopics(options: BootstrapTopicsOptions): Promise<EnsureTopicsReport> {
  const kafka = createKafka({ brokers: options.brokers, clientId: 'lgsp-topic-bootstrap', logger: options.logger });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await ensureTopics(
      admin,
      hubTopicSpecs({ prefix: options.prefix, partitions: options.partitions, replicationFactor: options.replicationFactor }),
    );
  } finally {
    await admin.disconnect();
  }
}
