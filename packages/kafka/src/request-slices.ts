// Cuts what one publish asks for into produce requests the broker accepts: a record batch above the
// topic's max.message.bytes (1 MiB by default) is refused outright, however healthy the broker is.
import type { Message, TopicMessages } from 'kafkajs';

/** Comfortably under the broker's default 1 MiB, leaving room for record and batch overheads. */
export const DEFAULT_MAX_REQUEST_BYTES = 768 * 1024;

function sizeOf(value: Message['value'] | Message['key'] | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.length;
}

export function approximateMessageBytes(message: Message): number {
  let headers = 0;
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) headers += name.length + sizeOf(item as Message['value']) + 8;
  }
  return sizeOf(message.key) + sizeOf(message.value) + headers + 32;
}

/** Consecutive slices of the batches, each at most maxBytes (a single larger message travels alone). */
export function sliceTopicMessages(batches: readonly TopicMessages[], maxBytes = DEFAULT_MAX_REQUEST_BYTES): TopicMessages[][] {
  const slices: TopicMessages[][] = [];
  let current: TopicMessages[] = [];
  let currentBytes = 0;
  const push = (topic: string, message: Message, bytes: number): void => {
    if (currentBytes + bytes > maxBytes && currentBytes > 0) {
      slices.push(current);
      current = [];
      currentBytes = 0;
    }
    const last = current[current.length - 1];
    if (last?.topic === topic) last.messages.push(message);
    else current.push({ topic, messages: [message] });
    currentBytes += bytes;
  };
  for (const { topic, messages } of batches) for (const message of messages) push(topic, message, approximateMessageBytes(message));
  if (currentBytes > 0) slices.push(current);
  return slices;
}
