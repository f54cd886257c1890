// A worker process of `lgsp replay --workers <n>`: one more member of the replay's consumer group, folding
// the partitions the co-partitioned assignor gives it into the new generation, until told to stop
// (SIGTERM). The replay itself measures progress and hands over; a worker only builds. Started by the
// replay command with the CLI's environment plus LGSP_REPLAY_GENERATION and LGSP_REPLAY_GROUP.
import { createKafka, REGISTRIES, topicNames } from '@lgsp/kafka';
import { closeRedis, createRedis } from '@lgsp/redis';
import { createLogger } from '@lgsp/runtime';
import { loadCliConfig } from '../config.ts';
import { createGenerationBuilder } from './builder.ts';

const config = loadCliConfig({ json: false });
const generation = process.env.LGSP_REPLAY_GENERATION;
const groupId = process.env.LGSP_REPLAY_GROUP;
if (!generation || !groupId) {
  process.stderr.write('lgsp replay worker: LGSP_REPLAY_GENERATION and LGSP_REPLAY_GROUP are required (it is started by lgsp replay)\n');
  process.exit(64);
}
const logger = createLogger({ service: 'lgsp-replay-worker', level: config.LOG_LEVEL });
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'lgsp-replay-worker', logger });
const admin = kafka.admin();
const redis = createRedis({ url: config.REDIS_URL, ...(config.REDIS_CLUSTER_NODES ? { clusterNodes: config.REDIS_CLUSTER_NODES } : {}), logger, name: 'replay-worker', maxRetriesPerRequest: 20 });
const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
await admin.connect();
const builder = createGenerationBuilder({
  kafka,
  admin,
  redis,
  keyspace: { prefix: config.REDIS_KEY_PREFIX, generation },
  groupId,
  topics: Object.fromEntries(REGISTRIES.map((name) => [topics.registry[name], name])),
  chunkSize: config.REPLAY_CHUNK_SIZE,
  partitionsConcurrently: config.REPLAY_PARTITIONS_CONCURRENTLY,
  logger,
});
const stop = async (): Promise<void> => {
  await builder.stop().catch(() => {});
  await admin.disconnect().catch(() => {});
  await closeRedis(redis).catch(() => {});
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
// The parent's death must not leave a worker folding into a generation nobody will use.
process.once('disconnect', () => void stop());
await builder.start();
process.send?.({ started: true });
