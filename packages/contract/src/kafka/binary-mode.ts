// CloudEvents on Kafka, by the CloudEvents Kafka protocol binding in BINARY content mode, used for
// every hub topic:
//   - every context attribute is a `ce_<name>` header (specversion, id, source, type, subject, time,
//     dataschema, and when present sequence, lgspreceivedat, lgspagency, traceparent), UTF-8;
//   - `datacontenttype` travels as the `content-type` header, and the record value is the JSON `data`;
//   - the record key is the subject, so one citizen's (or enterprise's) events share a partition.
// Why binary, not structured: consumers route and filter on headers (type, source) without parsing
// the payload, the value is exactly the data the schema describes, and nothing is repeated between
// envelope and key.
// Decoding is strict: a missing or repeated attribute header, another content type, or a value that
// is not JSON is a typed, non-retriable error (EVENT_MESSAGE_UNDECODABLE) naming the header, never a
// crash and never a half-built event. Decoding does not validate: run validateEvent on the result.
import type { IHeaders, Message } from 'kafkajs';
import type { ProblemField } from '@lgsp/runtime';
import { ContractErrors } from '../errors.ts';
import type { CloudEvent } from '../types.ts';

export const CE_HEADER_PREFIX = 'ce_';
export const CONTENT_TYPE_HEADER = 'content-type';

const REQUIRED_ATTRIBUTES = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'dataschema'] as const;
const OPTIONAL_ATTRIBUTES = ['sequence', 'lgspreceivedat', 'lgspagency', 'traceparent'] as const;

/** An event as it came off Kafka: the envelope's shape, not yet validated. */
export type DecodedEvent = Record<string, unknown> & { data: unknown };

/** The record for an event: `ce_` headers, content-type, the data as JSON, key = subject. */
export function encodeKafkaMessage(event: CloudEvent): Message {
  const headers: IHeaders = {};
  const attributes = event as unknown as Record<string, unknown>;
  for (const name of [...REQUIRED_ATTRIBUTES, ...OPTIONAL_ATTRIBUTES]) {
    const value = attributes[name];
    if (value !== undefined) headers[CE_HEADER_PREFIX + name] = String(value);
  }
  headers[CONTENT_TYPE_HEADER] = event.datacontenttype;
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

type HeaderValue = IHeaders[string];

function undecodable(detail: string, pointer: string): Error {
  const errors: ProblemField[] = [{ pointer, message: detail }];
  return ContractErrors.UndecodableMessage({ detail, errors });
}

function headerText(name: string, value: HeaderValue): string {
  if (Array.isArray(value)) throw undecodable(`header ${name} appears more than once`, `/headers/${name}`);
  if (value === undefined) throw undecodable(`header ${name} has no value`, `/headers/${name}`);
  return Buffer.isBuffer(value) ? value.toString('utf8') : value;
}

/**
 * The event carried by a Kafka record in binary mode. Every `ce_` header becomes an attribute (so an
 * unknown extension reaches validation and is reported there); other headers are transport's own.
 */
export function decodeKafkaMessage(message: Pick<Message, 'headers' | 'value'>): DecodedEvent {
  const attributes: Record<string, unknown> = {};
  let contentType: string | undefined;
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower === CONTENT_TYPE_HEADER) {
      contentType = headerText(name, value);
    } else if (lower.startsWith(CE_HEADER_PREFIX) && lower.length > CE_HEADER_PREFIX.length) {
      const attribute = lower.slice(CE_HEADER_PREFIX.length);
      if (Object.hasOwn(attributes, attribute)) throw undecodable(`attribute ${attribute} appears in more than one header`, `/headers/${name}`);
      attributes[attribute] = headerText(name, value);
    }
  }
  for (const name of REQUIRED_ATTRIBUTES) {
    if (!Object.hasOwn(attributes, name)) throw undecodable(`header ${CE_HEADER_PREFIX}${name} is missing`, `/headers/${CE_HEADER_PREFIX}${name}`);
  }
  if (contentType === undefined) throw undecodable(`header ${CONTENT_TYPE_HEADER} is missing`, `/headers/${CONTENT_TYPE_HEADER}`);
  // Media type parameters (`; charset=utf-8`) do not change what the value is.
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') throw undecodable(`content-type ${contentType} is not application/json`, `/headers/${CONTENT_TYPE_HEADER}`);
  if (message.value === null || message.value === undefined) throw undecodable('the record has no value', '/value');
  const text = Buffer.isBuffer(message.value) ? message.value.toString('utf8') : message.value;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw undecodable(`the value is not JSON: ${(error as Error).message}`, '/value');
  }
  return { ...attributes, datacontenttype: mediaType, data };
}
