// The extension attributes the hub sets on every event it publishes (events.md §1): when the adapter
// accepted it, which agency sent it, and the W3C trace context it belongs to.
import { randomBytes } from 'node:crypto';
import type { CloudEvent, HubEvent } from '@lgsp/contract';

export interface HubAttributes {
  /** RFC 3339, upper-case T and Z: when the adapter accepted the request. */
  lgspreceivedat: string;
  lgspagency: string;
  /** The request's trace context; an event that carries its own keeps that one. */
  traceparent: string;
}

// Version 00 of W3C trace context; all-zero trace and parent ids are invalid by the spec.
const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

export function isValidTraceparent(value: unknown): value is string {
  return typeof value === 'string' && TRACEPARENT.test(value);
}

/**
 * The caller's `traceparent` header when it is valid, kept as it is: the adapter records no spans of its
 * own, so the caller's span is the events' parent. Otherwise a new trace (sampled) starts here.
 */
export function traceparentFor(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  if (isValidTraceparent(given?.trim())) return given!.trim();
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/**
 * The agency's name as an attribute value. The contract allows only visible ASCII (no spaces) there,
 * while policy names are free text ("land registration office"), so the name is written as a slug:
 * diacritics dropped, đ as d, every other run of characters as one hyphen, at most 128 characters.
 */
export function agencyAttribute(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 128);
  return slug === '' ? 'agency' : slug;
}

/** The event as published: the caller's attributes, with the hub's own set (the caller's values replaced). */
export function withHubAttributes(event: HubEvent, attributes: HubAttributes): CloudEvent {
  return {
    ...event,
    lgspreceivedat: attributes.lgspreceivedat,
    lgspagency: attributes.lgspagency,
    traceparent: isValidTraceparent(event.traceparent) ? event.traceparent : attributes.traceparent,
  };
}
