// Publishes one request's (or pull page's) events in one batch with acks=all, and resolves only once
// Kafka acknowledged all of them. Binary mode, key = subject (the contract's encoding); the request id
// travels as a transport header, because the contract's envelope admits no extension for it.
import { encodeKafkaMessage, type CloudEvent, type Registry } from '@lgsp/contract';
import type { HubProducer, Message, TopicNames } from '@lgsp/kafka';
import type { AdapterMetrics } from '../metrics.ts';

export const REQUEST_ID_KAFKA_HEADER = 'lgsp-request-id';

export interface PublishInput {
  events: readonly CloudEvent[];
  /** The HTTP request id, or the pull run's id. */
  requestId: string;
  /** Written in the same batch, e.g. dead letters of a pull page. */
  deadLetters?: readonly Message[];
}

export interface EventPublisher {
  publish(input: PublishInput): Promise<void>;
}

export interface EventPublisherOptions {
  producer: HubProducer;
  topics: TopicNames;
  registry: Registry;
  metrics: AdapterMetrics;
}

export function createEventPublisher({ producer, topics, registry, metrics }: EventPublisherOptions): EventPublisher {
  const topic = topics.registry[registry];
  return {
    publish: async ({ events, requestId, deadLetters = [] }) => {
      const messages = events.map((event) => {
        const message = encodeKafkaMessage(event);
        return { ...message, headers: { ...message.headers, [REQUEST_ID_KAFKA_HEADER]: requestId } };
      });
      const batches = [
        ...(messages.length > 0 ? [{ topic, messages }] : []),
        ...(deadLetters.length > 0 ? [{ topic: topics.deadLetter, messages: [...deadLetters] }] : []),
      ];
      if (batches.length === 0) return;
      const stopTimer = metrics.publishSeconds.startTimer({ registry });
      await producer.publishBatch(batches);
      stopTimer();
    },
  };
}
