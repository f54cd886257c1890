// Dead letters: what could not be mapped, validated or applied goes to lgsp.deadletter.v1 with the
// reason, where it came from and the original bytes — never dropped, never retried in a loop.
// The key names the original (source topic/partition/offset, or the adapter's own reference), so a
// letter written twice after a crash is recognisable as one.
import type { Message } from 'kafkajs';

export interface DeadLetter {
  /** Stable identity of the failed input, e.g. `lgsp.registry.land.v1:3:1042` or `adapter-land:feed:<cursor>:7`. */
  id: string;
  /** Which component gave up on it: `consolidator`, `adapter-land`, … */
  stage: string;
  reason: string;
  errors?: Array<{ pointer: string; message: string }>;
  /** The registry or topic the input came from. */
  source: string;
  /** When the hub gave up on it (RFC 3339). */
  time: string;
  /** The input as received: text when it is valid UTF-8, else base64. */
  original: { encoding: 'utf8' | 'base64'; body: string; headers?: Record<string, string> };
  origin?: { topic: string; partition: number; offset: string };
}

export function originalPayload(value: Buffer | string | null | undefined, headers?: Record<string, string>): DeadLetter['original'] {
  const buffer = value === null || value === undefined ? Buffer.alloc(0) : Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
  const text = buffer.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(buffer);
  return { encoding: isText ? 'utf8' : 'base64', body: isText ? text : buffer.toString('base64'), ...(headers ? { headers } : {}) };
}

export function deadLetterMessage(letter: DeadLetter): Message {
  return {
    key: letter.id,
    value: JSON.stringify(letter),
    headers: { 'content-type': 'application/json', 'lgsp-stage': letter.stage },
  };
}

export function parseDeadLetter(value: Buffer | null): DeadLetter | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value.toString('utf8')) as DeadLetter;
  } catch {
    return undefined;
  }
}

/** kafkajs headers (Buffer | string | arrays) as plain strings, for logging and dead letters. */
export function headersAsStrings(headers: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== null) result[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return result;
}
