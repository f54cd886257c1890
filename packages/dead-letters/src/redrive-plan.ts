// What re-driving a dead letter means, as a pure function: the HTTP request that gives the letter's
// original back to its registry's adapter. A native record goes to POST /v1/records; a CloudEvent (as the
// consolidator keeps it, in Kafka binary mode: ce_ headers + data) is rebuilt as a structured CloudEvent
// for POST /v1/events. The adapter then validates, maps and publishes it as if it had just arrived.
import { decodeKafkaMessage } from '@lgsp/contract';
import type { DeadLetter, Registry } from '@lgsp/kafka';

export interface RedriveRequest {
  registry: Registry;
  path: '/v1/records' | '/v1/events';
  contentType: 'application/json' | 'application/cloudevents+json';
  body: string;
}

export type RedrivePlan = { ok: true; request: RedriveRequest } | { ok: false; reason: string };

function hasCloudEventHeaders(headers: Record<string, string> | undefined): boolean {
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase().startsWith('ce_'));
}

export function planRedrive(letter: DeadLetter, registry: Registry | undefined): RedrivePlan {
  if (!registry) return { ok: false, reason: `no registry follows from source ${JSON.stringify(letter.source)} or stage ${JSON.stringify(letter.stage)}` };
  const { original } = letter;
  if (!original || typeof original.body !== 'string') return { ok: false, reason: 'the letter holds no original' };
  if (original.encoding === 'base64') return { ok: false, reason: 'the original is not text (stored as base64); no adapter accepts it' };

  if (hasCloudEventHeaders(original.headers)) {
    try {
      const event = decodeKafkaMessage({ headers: original.headers ?? {}, value: Buffer.from(original.body, 'utf8') });
      return { ok: true, request: { registry, path: '/v1/events', contentType: 'application/cloudevents+json', body: JSON.stringify(event) } };
    } catch (error) {
      return { ok: false, reason: `the original cannot be rebuilt as a CloudEvent: ${(error as Error).message}` };
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(original.body);
  } catch {
    // Not JSON: the adapter decides (it answers 400 with the reason, and the letter stays).
    return { ok: true, request: { registry, path: '/v1/records', contentType: 'application/json', body: original.body } };
  }
  const structuredEvent = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'specversion' in parsed;
  return structuredEvent
    ? { ok: true, request: { registry, path: '/v1/events', contentType: 'application/cloudevents+json', body: original.body } }
    : { ok: true, request: { registry, path: '/v1/records', contentType: 'application/json', body: original.body } };
}
