// Kafka and Redis in Docker through testcontainers, for machines where a Docker engine answers.
import { GenericContainer, Wait } from 'testcontainers';
import { freePort, KAFKA_VERSION, type DockerStarter, type KafkaEndpoint, type RedisEndpoint } from '@lgsp/infra';

export const testcontainersStarter: DockerStarter = {
  async startKafka(): Promise<KafkaEndpoint> {
    // The broker must advertise the address clients reach it on, so host and container share one port.
    const port = await freePort();
    const container = await new GenericContainer(`apache/kafka:${KAFKA_VERSION}`)
      .withExposedPorts({ container: port, host: port })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${port},CONTROLLER://0.0.0.0:9093`,
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${port}`,
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      })
      .withWaitStrategy(Wait.forListeningPorts())
      .start();
    return { brokers: `127.0.0.1:${port}`, origin: 'docker', stop: async () => void (await container.stop()) };
  },
  async startRedis(): Promise<RedisEndpoint> {
    const container = await new GenericContainer('redis:7.4')
      .withCommand(['redis-server', '--appendonly', 'yes'])
      .withExposedPorts(6379)
      .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
      .start();
    return { url: `redis://${container.getHost()}:${container.getMappedPort(6379)}`, origin: 'docker', stop: async () => void (await container.stop()) };
  },
};
