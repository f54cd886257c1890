import { describe, expect, it } from 'vitest';
import { resolveKafka, resolveRedis, serverProperties } from '@lgsp/infra';

describe('native Kafka settings', () => {
  const properties = serverProperties({ port: 19092, controllerPort: 19093, dataDir: '/tmp/x' });

  it('runs one combined KRaft node on loopback', () => {
    expect(properties).toContain('process.roles=broker,controller');
    expect(properties).toContain('listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(properties).toContain('advertised.listeners=PLAINTEXT://127.0.0.1:19092');
    expect(properties).toContain('controller.quorum.bootstrap.servers=127.0.0.1:19093');
  });

  it('never creates topics implicitly', () => {
    expect(properties).toContain('auto.create.topics.enable=false');
  });

  it('keeps its data in the given folder', () => {
    expect(properties).toContain('log.dirs=/tmp/x/log');
  });
});

describe('stack resolution', () => {
  it('uses KAFKA_BROKERS and REDIS_URL when they are set, starting nothing', async () => {
    const env = { KAFKA_BROKERS: 'kafka.example:9092', REDIS_URL: 'redis://cache.example:6379' };
    await expect(resolveKafka({ env })).resolves.toEqual({ brokers: 'kafka.example:9092', origin: 'env' });
    await expect(resolveRedis({ env })).resolves.toEqual({ url: 'redis://cache.example:6379', origin: 'env' });
  });
});
