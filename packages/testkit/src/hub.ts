// A whole hub of a test's own on the run's Kafka and Redis: its own topics and keys (unique prefixes), the
// real service processes (consolidator, citizen API, the four adapters) started from their entry points,
// each one restartable or SIGKILLable, and the environment the CLI needs to talk to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@lgsp/infra';
import { developmentAgencyKey } from '@lgsp/policy';
import { createKafka, ensureTopics, hubTopicSpecs, topicNames, type TopicNames } from '@lgsp/kafka';
import { quietLogger, stackEndpoints, uniqueId, uniqueKeyPrefix, uniqueTopicPrefix } from './helpers.ts';
import { HUB_SERVICE_NAMES, READY_MESSAGES, serviceEntry, startServiceProcess, type HubServiceName, type ServiceProcess } from './service-process.ts';

export interface HubUnderTest {
  topicPrefix: string;
  keyPrefix: string;
  /** The live consolidator's group. */
  groupId: string;
  names: TopicNames;
  /** What every process of this hub (and the CLI) is given: brokers, Redis, prefixes, group. */
  env: Record<string, string>;
  url(name: HubServiceName): string;
  /** Times a supervised service exited by itself and was started again, per service. */
  restartsBySupervisor(): Partial<Record<HubServiceName, number>>;
  service(name: HubServiceName): ServiceProcess;
  /** Stops the service (SIGKILL unless told otherwise) and starts it again with the same settings. */
  restart(name: HubServiceName, options?: { signal?: NodeJS.Signals; env?: Record<string, string> }): Promise<ServiceProcess>;
  /** Stops it for good (SIGKILL unless told otherwise). */
  kill(name: HubServiceName, signal?: NodeJS.Signals): Promise<void>;
  start(name: HubServiceName, env?: Record<string, string>): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

export interface HubOptions {
  services?: readonly HubServiceName[];
  partitions?: number;
  kafkaBrokers?: string;
  redisUrl?: string;
  /** Extra environment for every service, then per service. */
  env?: Record<string, string>;
  serviceEnv?: Partial<Record<HubServiceName, Record<string, string>>>;
  /** Start a service again when it exits by itself, as `pnpm start`'s supervisor (or Kubernetes) would. */
  supervise?: boolean;
}

/** The development agency key that may publish a registry, for pushing events in tests. */
export function agencyKeyOf(registry: string): string {
  const key = developmentAgencyKey(registry);
  if (key === undefined) throw new Error(`no development agency key publishes ${registry}`);
  return key;
}

export async function startHub({ services = HUB_SERVICE_NAMES, partitions = 3, kafkaBrokers, redisUrl, env = {}, serviceEnv = {}, supervise = false }: HubOptions = {}): Promise<HubUnderTest> {
  const topicPrefix = uniqueTopicPrefix();
  const keyPrefix = uniqueKeyPrefix();
  const groupId = uniqueId('consolidator');
  const names = topicNames(topicPrefix);
  const brokers = kafkaBrokers ?? stackEndpoints().kafkaBrokers;
  const kafka = createKafka({ brokers, clientId: uniqueId('hub-setup'), logger: quietLogger() });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, hubTopicSpecs({ prefix: topicPrefix, partitions }));
  await admin.disconnect();
  const common = {
    KAFKA_BROKERS: brokers,
    REDIS_URL: redisUrl ?? stackEndpoints().redisUrl,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    REDIS_KEY_PREFIX: keyPrefix,
    CONSOLIDATOR_GROUP_ID: groupId,
    NODE_ENV: 'test',
    ...env,
  };
  const running = new Map<HubServiceName, ServiceProcess>();
  const envOf = new Map<HubServiceName, Record<string, string>>();
  const restarts: Partial<Record<HubServiceName, number>> = {};
  let stopping = false;

  const start = async (name: HubServiceName, extra: Record<string, string> = {}): Promise<ServiceProcess> => {
    const own = { ...common, ...(name === 'consolidator' ? { CONSOLIDATOR_SESSION_TIMEOUT_MS: '6000' } : {}), ...serviceEnv[name], ...extra };
    envOf.set(name, own);
    const process = await startServiceProcess(serviceEntry(name), own, READY_MESSAGES[name]);
    running.set(name, process);
    if (supervise) {
      void process.exited.then(async () => {
        // Stopped by the test (kill, restart, stop) it was taken out of `running` first.
        if (stopping || running.get(name) !== process) return;
        running.delete(name);
        restarts[name] = (restarts[name] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (!stopping && !running.has(name)) await start(name, own).catch(() => {});
      });
    }
    return process;
  };
  const kill = async (name: HubServiceName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const process = running.get(name);
    running.delete(name);
    await process?.stop(signal);
  };

  await Promise.all(services.map((name) => start(name)));
  return {
    topicPrefix,
    keyPrefix,
    groupId,
    names,
    env: common,
    url: (name) => {
      const service = running.get(name);
      if (!service) throw new Error(`${name} is not running in this hub`);
      return service.url;
    },
    service: (name) => running.get(name)!,
    restartsBySupervisor: () => ({ ...restarts }),
    async restart(name, { signal = 'SIGKILL', env: extra } = {}) {
      const previous = envOf.get(name) ?? {};
      await kill(name, signal);
      return start(name, { ...previous, ...extra });
    },
    kill,
    start,
    async stop() {
      stopping = true;
      await Promise.all([...running.keys()].map((name) => kill(name, 'SIGTERM')));
    },
  };
}

export interface PushResult {
  /** Events the adapters answered 202 for. */
  acknowledged: number;
  /** Requests sent again after a 5xx or a refused connection. */
  retried: number;
}

const registryOfEvent = (event: { source: string }): string => event.source.split(':')[3]!;

/**
 * Pushes events through the adapters as CloudEvents batches, registry by registry in the given order, as a
 * registry's client would: a 5xx or a refused connection is retried after a pause, so every event ends
 * acknowledged (the adapters answer 202 only once Kafka has them).
 */
export async function pushThroughAdapters(hub: Pick<HubUnderTest, 'url'>, events: ReadonlyArray<{ source: string }>, { batchSize = 100, retryForMs = 60_000 } = {}): Promise<PushResult> {
  const result: PushResult = { acknowledged: 0, retried: 0 };
  for (let start = 0; start < events.length; start += batchSize) {
    const slice = events.slice(start, start + batchSize);
    const byRegistry = new Map<string, Array<{ source: string }>>();
    for (const event of slice) byRegistry.set(registryOfEvent(event), [...(byRegistry.get(registryOfEvent(event)) ?? []), event]);
    await Promise.all(
      [...byRegistry].map(async ([registry, batch]) => {
        const deadline = Date.now() + retryForMs;
        for (;;) {
          let status = 0;
          let text = '';
          try {
            const response = await fetch(`${hub.url(`adapter-${registry}` as HubServiceName)}/v1/events`, {
              method: 'POST',
              headers: { 'content-type': 'application/cloudevents-batch+json', authorization: `Bearer ${agencyKeyOf(registry)}` },
              body: JSON.stringify(batch),
            });
            status = response.status;
            text = await response.text();
          } catch {
            status = 0;
          }
          if (status === 202) {
            result.acknowledged += batch.length;
            return;
          }
          if ((status !== 0 && status < 500) || Date.now() > deadline) throw new Error(`adapter-${registry} answered ${status}: ${text.slice(0, 500)}`);
          result.retried += 1;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }),
    );
  }
  return result;
}

/** The development policy with every consumer's rate limit at the schema's maximum: a benchmark measures the API, not the limiter's refusals. */
export function unthrottledPolicyFile(): string {
  const policyPath = path.join(repoRoot, 'packages', 'policy', 'policies', 'development.json');
  const policy = JSON.parse(fs.readFileSync(policyPath, 'utf8')) as { consumers: Array<{ rateLimit: unknown }> };
  for (const consumer of policy.consumers) consumer.rateLimit = { requestsPerMinute: 1_000_000, burst: 1_000_000 };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lgsp-bench-policy-')), 'policy.json');
  fs.writeFileSync(file, JSON.stringify(policy));
  return file;
}
