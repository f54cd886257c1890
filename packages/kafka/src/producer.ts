// The hub's producer: idempotent, acks=all, no topic auto-creation. `publish` resolves only once Kafka
// has acknowledged every message; a failure says whether retrying later can help.
import type { Kafka, Message, Producer, RecordMetadata } from 'kafkajs';
import { Errors, HubError, type Logger } from '@lgsp/runtime';

export interface HubProducer {
  readonly producer: Producer;
  connect(): Promise<void>;
  /** Sends and waits for acks=all; throws a retriable HubError (503) when Kafka cannot take it. */
  publish(topic: string, messages: Message[]): Promise<RecordMetadata[]>;
  publishBatch(batches: Array<{ topic: string; messages: Message[] }>): Promise<RecordMetadata[]>;
  disconnect(): Promise<void>;
}

export interface CreateProducerOptions {
  kafka: Kafka;
  logger: Logger;
  transactionalId?: string;
  /** How long one publish may wait for Kafka before it is reported unavailable. */
  timeoutMs?: number;
}

export function createProducer({ kafka, logger, transactionalId, timeoutMs = 10_000 }: CreateProducerOptions): HubProducer {
  const log = logger.child({ component: 'producer' });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    ...(transactionalId ? { transactionalId } : {}),
    retry: { initialRetryTime: 100, retries: 5, maxRetryTime: 2_000 },
  });
  let connected = false;
  producer.on(producer.events.CONNECT, () => {
    connected = true;
  });
  producer.on(producer.events.DISCONNECT, () => {
    connected = false;
  });

  const ensureConnected = async (): Promise<void> => {
    if (!connected) await producer.connect();
  };

  const withUnavailableMapping = async <T>(what: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      throw toPublishError(error, what, log);
    }
  };

  return {
    producer,
    connect: ensureConnected,
    publish: (topic, messages) =>
      withUnavailableMapping(`publish to ${topic}`, async () => {
        await ensureConnected();
        return producer.send({ topic, messages, acks: -1, timeout: timeoutMs });
      }),
    publishBatch: (batches) =>
      withUnavailableMapping('publish batch', async () => {
        await ensureConnected();
        return producer.sendBatch({ topicMessages: batches, acks: -1, timeout: timeoutMs });
      }),
    disconnect: async () => {
      await producer.disconnect();
      connected = false;
    },
  };
}

/** Kafka-side failures become a 503 the caller may retry; the cause stays in the log, not the response. */
export function toPublishError(error: unknown, what: string, log?: Logger): HubError {
  if (error instanceof HubError) return error;
  log?.warn({ err: error, what }, 'Kafka did not acknowledge');
  return Errors.Unavailable({
    detail: 'The event log is not accepting writes right now; nothing of this request was accepted. Retry later.',
    headers: { 'retry-after': '5' },
    cause: error,
  });
}
