// Answers for requests that never reach fastify's router: the HTTP parser refused them (headers too large,
// a malformed request line) or they did not arrive within the request timeout. Node hands these to the
// server's `clientError` listener with the bare socket, so the problem+json is written by hand, and the
// connection is closed: nothing more can be read from it safely.
import type { Socket } from 'node:net';
import { Errors, type HubError } from './errors.ts';
import type { Logger } from './logger.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from './problem.ts';

export function clientErrorProblem(error: NodeJS.ErrnoException): HubError {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return Errors.RequestTimeout({ detail: 'The request did not arrive in full within the request timeout' });
    case 'HPE_HEADER_OVERFLOW':
      return Errors.HeadersTooLarge({ detail: 'The request headers are larger than the server accepts (16 KiB)' });
    default:
      return Errors.BadRequest({ detail: 'The request is not valid HTTP/1.1' });
  }
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

export function createClientErrorHandler(logger: Logger) {
  return function onClientError(error: NodeJS.ErrnoException, socket: Socket): void {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const problem = clientErrorProblem(error);
    logger.info({ code: problem.code, status: problem.status, parserError: error.code }, 'request refused before routing');
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(problemBody(problem));
    const head = `HTTP/1.1 ${problem.status} ${REASONS[problem.status] ?? 'Bad Request'}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n`;
    socket.end(`${head}${body}`, () => socket.destroy());
  };
}
