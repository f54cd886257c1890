// Turns a consumed Kafka message back into a valid hub event, or says why it cannot be one.
import { decodeKafkaMessage, validateEvent, type HubEvent } from '@lgsp/contract';
import type { KafkaMessage } from 'kafkajs';

export type Decoded = { ok: true; event: HubEvent } | { ok: false; reason: string; errors?: Array<{ pointer: string; message: string }> };

export function decodeConsumed(message: KafkaMessage): Decoded {
  let candidate: unknown;
  try {
    candidate = decodeKafkaMessage(message);
  } catch (error) {
    return { ok: false, reason: `not a CloudEvent in Kafka binary mode: ${(error as Error).message}` };
  }
  const validation = validateEvent(candidate);
  if (!validation.ok) return { ok: false, reason: 'the event does not satisfy the contract', errors: validation.errors };
  const key = message.key?.toString('utf8');
  if (key !== validation.event.subject) {
    // Keyed otherwise, it may sit on another partition than the subject's other events: order is lost.
    return { ok: false, reason: `message key ${JSON.stringify(key ?? null)} is not the event's subject` };
  }
  return { ok: true, event: validation.event };
}
