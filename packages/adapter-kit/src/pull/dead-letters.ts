// Pulled records that cannot become events go to the dead-letter topic with the reason, the problems,
// the original record and where it came from — nobody is waiting for a 422 in pull mode. The letter's
// id is the item's stable reference, so a page re-read after a crash writes a recognisably equal letter.
import { deadLetterMessage, originalPayload, type Message } from '@lgsp/kafka';
import type { ProblemField } from '@lgsp/runtime';
import type { PulledItem } from './pull-source.ts';

export interface DeadLetterContext {
  stage: string;
  origin: string;
  time: string;
}

export function unreadableLetter(item: PulledItem & { unreadable: NonNullable<PulledItem['unreadable']> }, context: DeadLetterContext): Message {
  return deadLetterMessage({
    id: item.ref,
    stage: context.stage,
    reason: item.unreadable.reason,
    source: context.origin,
    time: context.time,
    original: originalPayload(item.unreadable.text),
  });
}

export function unmappableLetter(item: PulledItem, errors: readonly ProblemField[], context: DeadLetterContext): Message {
  return deadLetterMessage({
    id: item.ref,
    stage: context.stage,
    reason: `the native record cannot be mapped to valid events: ${errors.map((error) => `${error.pointer || '(record)'} ${error.message}`).join('; ')}`,
    errors: [...errors],
    source: context.origin,
    time: context.time,
    original: originalPayload(JSON.stringify(item.value)),
  });
}
