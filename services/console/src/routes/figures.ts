// The figures: the overview (now) and the series (trends), both from the sampler, never from a read per
// request; and the records behind each quality issue code, from the issue index the consolidator keeps.
import type { FastifyPluginAsync } from 'fastify';
import { REGISTRIES, type TopicNames } from '@lgsp/kafka';
import type { QualityCode } from '@lgsp/record';
import { issueMembers, type GenerationWatcher } from '@lgsp/record-store';
import type { RedisClient } from '@lgsp/redis';
import { headlineFigures } from '../core/headline-figures.ts';
import type { Sampler, Snapshot } from '../core/sampler.ts';
import { latestRates, seriesOf } from '../core/series.ts';
import { ConsoleErrors } from '../errors.ts';
import { operatorOf } from '../http/access-hook.ts';
import { issueRecordsSchema, overviewSchema, seriesSchema } from './schemas.ts';

export interface FigureRoutesOptions {
  sampler: Sampler;
  sampleIntervalMs: number;
  topics: TopicNames;
  groupId: string;
  redis: RedisClient;
  keyspace: GenerationWatcher;
}

export function figureRoutes({ sampler, sampleIntervalMs, topics, groupId, redis, keyspace }: FigureRoutesOptions): FastifyPluginAsync {
  const registryOfTopic = new Map<string, string>(REGISTRIES.map((registry) => [topics.registry[registry], registry]));
  const snapshot = async (): Promise<Snapshot> => {
    try {
      // The sampler's latest, unless it is overdue (its reads failing or slow): then one read now.
      return await sampler.current(sampleIntervalMs * 2 + 1_000);
    } catch (error) {
      throw ConsoleErrors.FiguresUnavailable({ detail: `The figures cannot be read now: ${(error as Error).message}`, cause: error });
    }
  };

  return async (app) => {
    app.get('/v1/console/overview', { schema: overviewSchema }, async () => {
      const { at, figures, point, replay, instances } = await snapshot();
      const rates = latestRates(sampler.points());
      return {
        sampledAt: new Date(at).toISOString(),
        sampleIntervalMs,
        generation: figures.generation,
        records: figures.records,
        headline: headlineFigures(point),
        complete: figures.complete,
        clean: figures.clean,
        registries: figures.registries.map((entry) => ({ ...entry, acceptedPerSecond: rates.acceptedPerSecond[entry.registry] })),
        consolidator: {
          groupId,
          appliedPerSecond: rates.appliedPerSecond,
          lagTotal: figures.lagTotal,
          partitions: figures.lagPartitions.map((partition) => ({ ...partition, registry: registryOfTopic.get(partition.topic) ?? partition.topic })),
        },
        instances,
        replay,
      };
    });

    app.get<{ Querystring: { minutes: number } }>('/v1/console/series', { schema: seriesSchema }, async (request) => {
      const since = Date.now() - request.query.minutes * 60_000;
      return seriesOf(sampler.points().filter((point) => point.at >= since), sampleIntervalMs);
    });

    app.get<{ Params: { code: QualityCode }; Querystring: { limit: number; cursor?: string } }>(
      '/v1/console/quality/issues/:code/records',
      { schema: issueRecordsSchema },
      async (request) => {
        const space = keyspace.current();
        const page = await issueMembers(redis, space, request.params.code, { cursor: request.query.cursor ?? null, limit: request.query.limit });
        // The list tells which people carry an issue (ROLE_WHILE_BANNED implies a ban): who asked is logged.
        request.log.info({ operator: operatorOf(request).operator, code: request.params.code, listed: page.personalIds.length }, 'issue records listed');
        return { code: request.params.code, generation: space.generation, personalIds: page.personalIds, nextCursor: page.cursor };
      },
    );
  };
}
