// Dead letters: the list, and the re-drive through the adapters (by ids, or every one not yet re-driven).
import type { FastifyPluginAsync } from 'fastify';
import { summariseRedrive } from '@lgsp/dead-letters';
import { Errors } from '@lgsp/runtime';
import type { DeadLetterBook } from '../core/dead-letter-book.ts';
import { operatorOf } from '../http/access-hook.ts';
import type { ConsoleMetrics } from '../metrics.ts';
import { deadLettersSchema, redriveSchema } from './schemas.ts';

export function deadLetterRoutes({ book, metrics }: { book: DeadLetterBook; metrics?: ConsoleMetrics }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { limit: number } }>('/v1/console/dead-letters', { schema: deadLettersSchema }, async (request) => book.list(request.query.limit));

    // `::` is a literal colon in a fastify path (a custom method, as in the citizen API's batchGet).
    app.post<{ Body: { ids?: string[]; all?: true } }>('/v1/console/dead-letters::redrive', { schema: redriveSchema }, async (request) => {
      const { ids, all } = request.body;
      if ((ids === undefined) === (all === undefined)) {
        throw Errors.RequestInvalid({
          detail: 'Name the letters to re-drive ({ "ids": [...] }) or ask for all of them ({ "all": true }), not both',
          errors: [{ pointer: ids === undefined ? '/ids' : '/all', message: ids === undefined ? 'is required unless all is true' : 'cannot be given with ids' }],
        });
      }
      const letters = await book.redrive(all ? { all: true } : { ids: ids ?? [] });
      const counts = summariseRedrive(letters);
      for (const letter of letters) metrics?.redriven.inc({ outcome: letter.outcome });
      request.log.info({ operator: operatorOf(request).operator, asked: all ? 'all' : ids?.length, counts }, 'dead letters re-driven');
      return { counts, letters };
    });
  };
}
