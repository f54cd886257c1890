// The contract's error codes. Only decoding throws: validation returns its problems as a value.
import { defineError } from '@lgsp/runtime';

export const ContractErrors = {
  /** A Kafka record that is not a CloudEvent in the hub's binary mode; never retriable, dead-letter it. */
  UndecodableMessage: defineError('EVENT_MESSAGE_UNDECODABLE', 'Kafka message is not a CloudEvent in binary mode', 422),
} as const;
