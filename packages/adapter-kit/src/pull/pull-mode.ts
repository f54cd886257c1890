// Pull mode from configuration: off unless PULL_FEED_URL or PULL_DROP_DIR is set.
import type { Policy } from '@lgsp/policy';
import type { RedisClient } from '@lgsp/redis';
import type { Logger } from '@lgsp/runtime';
import type { AdapterConfig } from '../config.ts';
import type { AdapterCore } from '../core.ts';
import { createDropFolderSource } from './drop-folder-source.ts';
import { createFeedSource } from './feed-source.ts';
import { createPullRunner } from './pull-run.ts';
import { schedulePulls, type PullSchedule } from './pull-schedule.ts';
import type { PullSource } from './pull-source.ts';

export interface PullModeDeps {
  config: AdapterConfig;
  core: AdapterCore;
  policy: Policy;
  redis: RedisClient;
  logger: Logger;
  service: string;
}

export function configurePullMode({ config, core, policy, redis, logger, service }: PullModeDeps): (PullSchedule & { source: string }) | undefined {
  const { registry } = core;
  const common = { limit: config.PULL_BATCH_LIMIT, redis, keyPrefix: config.REDIS_KEY_PREFIX, registry, service };
  let openSource: () => PullSource;
  let source: string;
  if (config.PULL_FEED_URL) {
    const url = config.PULL_FEED_URL;
    openSource = () => createFeedSource({ ...common, url, timeoutMs: config.PULL_FEED_TIMEOUT_MS });
    source = `feed ${url}`;
  } else if (config.PULL_DROP_DIR) {
    const dir = config.PULL_DROP_DIR;
    openSource = () => createDropFolderSource({ ...common, dir });
    source = `drop folder ${dir}`;
  } else {
    return undefined;
  }
  const agencyName = policy.agencies.find((agency) => agency.registry === registry)?.name ?? service;
  const runner = createPullRunner({
    registry,
    service,
    agencyName,
    openSource,
    mapper: core.mapper,
    publisher: core.publisher,
    metrics: core.metrics,
    counters: core.counters,
    redis,
    keyPrefix: config.REDIS_KEY_PREFIX,
    maxPagesPerRun: config.PULL_MAX_PAGES_PER_RUN,
    logger,
    now: core.now,
    leaseTtlMs: config.PULL_LEASE_TTL_MS,
  });
  return { ...schedulePulls(config.PULL_SCHEDULE, runner, logger, `${service}-pull`), source };
}
