// The hub's producer: idempotent, acks=all, no topic auto-creation. `publish` resolves only once Kafka
// has acknowledged every message; a failure says whether retrying later can help.
//
// A failed send retires the kafkajs producer and the next publish gets a fresh one (a new producer id). An
// idempotent producer numbers its batches per partition, and kafkajs, when a produce request fails, takes
// the numbers back and gives them to the next batch — but the broker may have written the failed one (it
// went away before answering). The next, different batch then carries the numbers of one already written,
// the broker takes it for a duplicate and acknowledges it without writing it: acknowledged and lost (seen
// when a broker restarted under load). Under a new producer id no number is ever reused.
import kafkajs, { type Kafka, type Message, type Producer, type RecordMetadata } from 'kafkajs';
import { Errors, HubError, type Logger } from '@lgsp/runtime';
import { DEFAULT_MAX_REQUEST_BYTES, sliceTopicMessages } from './request-slices.ts';

// kafkajs is CommonJS; Node's ESM loader sees only its default export.
const { Partitioners } = kafkajs;

export interface HubProducer {
  connect(): Promise<void>;
  /**
   * Sends and waits for acks=all; throws a retriable HubError (503) when Kafka cannot take it. Large
   * publishes go as several produce requests, in order: if one fails after others succeeded, those
   * events are in the log and a retry sends them again with the same ids — duplicates that consumers
   * recognise by source + id, never losses.
   */
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
  /** Largest produce request; above it a publish is split (the broker refuses batches over max.message.bytes). */
  maxRequestBytes?: number;
}

interface Connection {
  producer: Producer;
  connected: Promise<void> | undefined;
}

export function createProducer({ kafka, logger, transactionalId, timeoutMs = 10_000, maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES }: CreateProducerOptions): HubProducer {
  const log = logger.child({ component: 'producer' });
  const open = (): Connection => {
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Murmur2 on the key, as Java clients do: a person's events land on the same partition whoever produces them.
      createPartitioner: Partitioners.DefaultPartitioner,
      ...(transactionalId ? { transactionalId } : {}),
      // Bounded on purpose (kafkajs warns about it): a caller waiting on an acknowledgement gets a 503 to retry
      // within seconds instead of a request held open while the broker is away. A retry resends the same ids,
      // which consumers recognise as duplicates; the retired producer (above) keeps the bound safe.
      retry: { initialRetryTime: 100, retries: 5, maxRetryTime: 2_000 },
    });
    const connection: Connection = { producer, connected: undefined };
    producer.on(producer.events.DISCONNECT, () => {
      connection.connected = undefined;
    });
    return connection;
  };
  let current = open();

  const connected = async (connection: Connection): Promise<Producer> => {
    connection.connected ??= connection.producer.connect().catch((error: unknown) => {
      connection.connected = undefined;
      throw error;
    });
    await connection.connected;
    return connection.producer;
  };

  /** The producer that failed a send is never used again; sends already under way on it finish or fail. */
  const retire = (failed: Connection): void => {
    if (current !== failed) return;
    current = open();
    log.info('producer retired after a failed send; the next publish uses a new producer id');
    failed.producer.disconnect().catch(() => {});
  };

  const ensureConnected = async (): Promise<void> => {
    await connected(current);
  };

  const withUnavailableMapping = async <T>(what: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      throw toPublishError(error, what, log);
    }
  };

  const sendInSlices = async (batches: Array<{ topic: string; messages: Message[] }>): Promise<RecordMetadata[]> => {
    const connection = current;
    const producer = await connected(connection);
    const metadata: RecordMetadata[] = [];
    try {
      for (const topicMessages of sliceTopicMessages(batches, maxRequestBytes)) {
        metadata.push(...(await producer.sendBatch({ topicMessages, acks: -1, timeout: timeoutMs })));
      }
    } catch (error) {
      retire(connection);
      throw error;
    }
    return metadata;
  };

  return {
    connect: ensureConnected,
    publish: (topic, messages) => withUnavailableMapping(`publish to ${topic}`, () => sendInSlices([{ topic, messages }])),
    publishBatch: (batches) => withUnavailableMapping('publish batch', () => sendInSlices(batches)),
    disconnect: async () => {
      await current.producer.disconnect();
      current.connected = undefined;
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
