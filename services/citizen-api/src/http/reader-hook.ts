// Runs first on every citizen route: the key (401), the purpose it names (400 when none), and whether
// the key holds it (403) — before the request is validated or anything is read, so an unauthenticated
// caller learns nothing, not even whether a personal ID is well-formed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, consumerOf, sectionsFor, type Policy } from '@lgsp/policy';
import type { Reader } from '../core/reader.ts';
import { CitizenErrors } from '../errors.ts';

export const PURPOSE_HEADER = 'x-purpose';

const readers = new WeakMap<FastifyRequest, Reader>();

/** The reader the hook established; only routes under the hook call it. */
export function readerOf(request: FastifyRequest): Reader {
  const reader = readers.get(request);
  if (!reader) throw new Error('readerOf called on a route without the reader hook');
  return reader;
}

function purposeOf(request: FastifyRequest): string {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.purpose;
  const fromHeader = request.headers[PURPOSE_HEADER];
  if (Array.isArray(fromQuery) || Array.isArray(fromHeader)) {
    throw CitizenErrors.PurposeMissing({ detail: 'Name exactly one purpose', errors: [{ pointer: '/query/purpose', message: 'must be given once' }] });
  }
  const query = typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : undefined;
  const header = typeof fromHeader === 'string' && fromHeader !== '' ? fromHeader : undefined;
  if (query !== undefined && header !== undefined && query !== header) {
    throw CitizenErrors.PurposeMissing({
      detail: `The query names the purpose ${JSON.stringify(query.slice(0, 64))} and the ${PURPOSE_HEADER} header another; name one`,
      errors: [{ pointer: '/query/purpose', message: `differs from the ${PURPOSE_HEADER} header` }],
    });
  }
  const purpose = query ?? header;
  if (purpose === undefined) {
    throw CitizenErrors.PurposeMissing({
      detail: `Every read names its purpose: ?purpose=<name> or the ${PURPOSE_HEADER} header`,
      errors: [{ pointer: '/query/purpose', message: 'is required' }],
    });
  }
  return purpose;
}

export function registerReaderHook(app: FastifyInstance, policy: Policy): void {
  app.addHook('onRequest', async (request) => {
    const principal = authenticate(policy, request.headers.authorization);
    const purpose = purposeOf(request);
    const grant = sectionsFor(principal, purpose);
    // sectionsFor throws unless the principal reads records, so it has a consumer side.
    const consumer = consumerOf(principal)!;
    readers.set(request, { principal, consumer: consumer.name, purpose, grant, rateLimit: consumer.rateLimit });
  });
}
