// Sends a hostile request over real HTTP and checks the answer the way guarantee 7 (spec README §4) puts
// it: never a 5xx, every refusal an RFC 9457 problem+json that names what is wrong (by JSON pointer when
// a field is at fault). Counts what it saw, so a run can report its numbers.
import { expect } from 'vitest';

export interface HostileRequest {
  method: 'GET' | 'POST' | 'HEAD';
  /** Path and query, sent as they are (not re-encoded). */
  path: string;
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export interface Tally {
  requests: number;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
}

export function newTally(): Tally {
  return { requests: 0, byStatus: {}, byType: {} };
}

/** Problem codes whose answers name the fields at fault. */
const FIELD_PROBLEMS = new Set(['request-invalid', 'malformed-json', 'events-invalid', 'records-unmappable', 'personal-id-invalid', 'purpose-missing']);

export async function send(baseUrl: string, request: HostileRequest): Promise<Answer> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) if (value !== undefined) headers[name] = value;
  // A Buffer body, so fetch adds no content type of its own.
  const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
  // Redirects are answers too (the console sends pages to its login page): seen, not followed.
  const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The answer to a request that must be refused: < 500, and problem+json naming what is wrong. */
export function expectRefusal(answer: Answer, request: HostileRequest, tally: Tally): void {
  const where = `${request.method} ${request.path.slice(0, 200)} → ${answer.status} ${answer.text.slice(0, 300)}`;
  tally.requests += 1;
  tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
  expect(answer.status, where).toBeGreaterThanOrEqual(400);
  expect(answer.status, where).toBeLessThan(500);
  expect(answer.headers.get('content-type') ?? '', where).toMatch(/^application\/problem\+json\b/);
  if (request.method === 'HEAD') return;
  const problem = JSON.parse(answer.text) as Record<string, unknown>;
  expect(problem.status, where).toBe(answer.status);
  expect(problem.title, where).toEqual(expect.any(String));
  // One of the hub's own codes, never a framework's internals leaking through.
  expect(problem.type, where).toMatch(/^urn:lgsp:problem:[a-z]+(-[a-z]+)*$/);
  expect(problem.type, where).not.toMatch(/^urn:lgsp:problem:fst-/);
  const type = String(problem.type).replace('urn:lgsp:problem:', '');
  tally.byType[type] = (tally.byType[type] ?? 0) + 1;
  if (FIELD_PROBLEMS.has(type)) {
    expect(problem.errors, where).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: expect.stringMatching(/^(\/.*)?$/s), message: expect.any(String) })]));
  }
  if (answer.status === 429) expect(answer.headers.get('retry-after'), where).toMatch(/^\d+$/);
}

export function describeTally(label: string, tally: Tally): string {
  const statuses = Object.entries(tally.byStatus)
    .sort()
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  const types = Object.entries(tally.byType)
    .sort()
    .map(([type, count]) => `${type}×${count}`)
    .join(' ');
  return `${label}: ${tally.requests} hostile requests; ${statuses}; ${types}\n`;
}
