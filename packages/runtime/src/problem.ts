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

/** Maps framework errors (parsing, limits, route schemas) onto the hub's error codes. */
export function toHubError(error: FastifyError | Error): HubError {
  if (isHubError(error)) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const context = fastifyError.validationContext;
    const prefix = context && context !== 'body' ? `/${context}` : '';
    return Errors.RequestInvalid({
      detail: `The request ${context ?? 'body'} does not match the schema`,
      errors: validationIssuesToFields(fastifyError.validation as ValidationIssue[], prefix),
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
    default:
      break;
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return Errors.MalformedJson({ detail: error.message, errors: [{ pointer: '', message: error.message }] });
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return new HubError(fastifyError.code ?? 'BAD_REQUEST', 'Bad request', status, false, { detail: fastifyError.message });
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

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const hubError = toHubError(error);
    if (hubError.status >= 500) request.log.error({ err: error, code: hubError.code }, 'request failed');
    else request.log.info({ code: hubError.code, status: hubError.status }, 'request rejected');
    return sendProblem(reply, hubError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, Errors.NotFound({ detail: `No route ${request.method} ${request.url.split('?')[0]}` })),
  );
}
