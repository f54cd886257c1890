// Record views: a record and its history, read from the citizen API as the logged-in operator (purpose
// operator-console), so each read is audited there before it is answered. The personal ID is checked here
// first, so a bad one is a 400 naming it and nothing is asked of the citizen API.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { checkPersonalId } from '@lgsp/contract';
import type { CitizenAnswer, CitizenClient } from '../core/citizen-client.ts';
import { ConsoleErrors } from '../errors.ts';
import { operatorOf } from '../http/access-hook.ts';
import { documentedPersonalId, historySchema, recordSchema } from './schemas.ts';

interface PersonRoute {
  Params: { personalId: string };
}

function requireValidPersonalId(value: string): string {
  const check = checkPersonalId(value);
  if (!check.valid) throw ConsoleErrors.PersonalIdInvalid({ detail: `The personal ID ${check.reason}`, errors: [{ pointer: '/params/personalId', message: check.reason }] });
  return value;
}

function sendAnswer(reply: FastifyReply, answer: CitizenAnswer): FastifyReply {
  if (answer.retryAfter !== undefined) reply.header('retry-after', answer.retryAfter);
  return reply.code(answer.status).type(answer.contentType).send(answer.body);
}

export function recordRoutes({ citizens }: { citizens: CitizenClient }): FastifyPluginAsync {
  return async (app) => {
    app.get<PersonRoute>('/v1/console/records/:personalId', { schema: recordSchema, config: { swaggerTransform: documentedPersonalId } }, async (request, reply) => {
      const personalId = requireValidPersonalId(request.params.personalId);
      const { key } = operatorOf(request);
      return sendAnswer(reply, await citizens.read({ path: `/${personalId}`, operatorKey: key, requestId: request.id }));
    });

    app.get<PersonRoute & { Querystring: { limit: number; cursor?: string } }>('/v1/console/records/:personalId/history', { schema: historySchema, config: { swaggerTransform: documentedPersonalId } }, async (request, reply) => {
      const personalId = requireValidPersonalId(request.params.personalId);
      const { key } = operatorOf(request);
      const query = { limit: request.query.limit, cursor: request.query.cursor };
      return sendAnswer(reply, await citizens.read({ path: `/${personalId}/history`, query, operatorKey: key, requestId: request.id }));
    });
  };
}
