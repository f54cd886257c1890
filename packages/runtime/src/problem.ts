// The one error handler: every error becomes an RFC 9457 problem+json response.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Errors, HubError, isHubError, type ProblemField } from './errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: ProblemField[];
  [extension: string]: unknown;
}

/** The JSON Schema of every problem body, for route documentation (response schemas also serialize: it keeps every member). */
export const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: 'urn:lgsp:problem:<code>' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'What is wrong and where: a JSON pointer into the body, or /params, /query, /headers for the rest of the request',
      items: { type: 'object', required: ['pointer', 'message'], properties: { pointer: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  additionalProperties: true,
} as const;

/** A documented error answer: problem+json, described. */
export function problemResponse(description: string) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } } as const;
}

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Turns ajv errors into `{ pointer, message }`, pointing at the offending member itself. */
export function validationIssuesToFields(issues: readonly ValidationIssue[], prefix = ''): ProblemField[] {
  return issues.map((issue) => {
    let pointer = issue.instancePath;
    if (issue.keyword === 'required') pointer += `/${escapePointerToken(String(issue.params.missingProperty))}`;
    if (issue.keyword === 'additionalProperties') pointer += `/${escapePointerToken(String(issue.params.additionalProperty))}`;
    const message =
      issue.keyword === 'additionalProperties' ? 'is not an allowed property' : issue.keyword === 'required' ? 'is required' : (issue.message ?? 'is invalid');
    return { pointer: prefix + pointer, message };
  });
}

// Where a request part's pointers start: the body's at the root, the rest under their part's name; the
// query is `/query` as the hub's own checks (the purpose) name it, whatever fastify calls it.
const PART_PREFIXES: Record<string, string> = { body: '', querystring: '/query', params: '/params', headers: '/headers' };

/** Maps framework errors (parsing, limits, route schemas, the router) onto the hub's error codes. */
export function toHubError(error: FastifyError | Error): HubError {
  if (isHubError(error)) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const context = fastifyError.validationContext ?? 'body';
    return Errors.RequestInvalid({
      detail: `The request ${context} does not match the schema`,
      errors: validationIssuesToFields(fastifyError.validation as ValidationIssue[], PART_PREFIXES[context] ?? `/${context}`),
    });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return Errors.UnsupportedMediaType({ detail: fastifyError.message });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return Errors.PayloadTooLarge({ detail: fastifyError.message });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return Errors.MalformedJson({ detail: 'The body is empty', errors: [{ pointer: '', message: 'expected a JSON document' }] });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return Errors.MalformedJson({ detail: fastifyError.message, errors: [{ pointer: '', message: fastifyError.message }] });
    // The router's refusals; the URL is not echoed (it may hold a personal ID).
    case 'FST_ERR_BAD_URL':
      return Errors.RequestInvalid({ detail: 'A path segment is not valid percent-encoded UTF-8', errors: [{ pointer: '/params', message: 'is not valid percent-encoded UTF-8' }] });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return Errors.RequestInvalid({ detail: 'A path segment is longer than the server accepts', errors: [{ pointer: '/params', message: 'is too long' }] });
    default:
      break;
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return Errors.MalformedJson({ detail: error.message, errors: [{ pointer: '', message: error.message }] });
  }
  const status = fastifyError.statusCode;
  // Any other refusal of the framework's keeps its status under one of the hub's codes, never its own.
  if (status && status >= 400 && status < 500) {
    const known = Object.values(Errors).find((factory) => factory.status === status);
    return known ? known({ detail: fastifyError.message }) : new HubError('BAD_REQUEST', 'Bad request', status, false, { detail: fastifyError.message });
  }
  return Errors.Internal({ detail: 'An internal error occurred; it has been logged', cause: error });
}

export function problemBody(error: HubError, request?: FastifyRequest): ProblemBody {
  return {
    type: error.type,
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(request ? { instance: request.url.split('?')[0], requestId: request.id } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.extensions,
  };
}

export function sendProblem(reply: FastifyReply, error: HubError): FastifyReply {
  if (error.headers) reply.headers(error.headers);
  if (error.status === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', '5');
  return reply.code(error.status).type(PROBLEM_CONTENT_TYPE).send(problemBody(error, reply.request));
}

export interface ProblemHandlerOptions {
  /** The methods served at a concrete path; a path served with other methods is a 405, not a 404. */
  methodsAt?: (path: string) => readonly string[];
}

/** The answer for a request no route took: 405 + Allow for a served path, else 404. */
function unmatched(request: FastifyRequest, methodsAt: ProblemHandlerOptions['methodsAt']): HubError {
  const path = request.url.split('?')[0] ?? '';
  const allowed = methodsAt?.(path) ?? [];
  if (allowed.length > 0) {
    return Errors.MethodNotAllowed({ detail: `${path} does not take ${request.method}; it takes ${allowed.join(', ')}`, headers: { allow: allowed.join(', ') } });
  }
  return Errors.NotFound({ detail: `No route ${request.method} ${path}` });
}

export function registerProblemHandlers(app: FastifyInstance, { methodsAt }: ProblemHandlerOptions = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // No route took the request, yet its body failed to parse first: what is wrong is the route.
    const hubError = request.is404 ? unmatched(request, methodsAt) : toHubError(error);
    if (hubError.status >= 500) request.log.error({ err: error, code: hubError.code }, 'request failed');
    else request.log.info({ code: hubError.code, status: hubError.status }, 'request rejected');
    return sendProblem(reply, hubError);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, unmatched(request, methodsAt)));
}
