// The one place a kafkajs client is built: brokers from config, logs through the service's pino logger.
import kafkajs, { type Kafka, type KafkaConfig, type logCreator } from 'kafkajs';
import type { Logger } from '@lgsp/runtime';

// kafkajs is CommonJS; Node's ESM loader sees only its default export.
const { Kafka: KafkaClient, logLevel } = kafkajs;

export interface CreateKafkaOptions {
  brokers: string | readonly string[];
  clientId: string;
  logger: Logger;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  retry?: KafkaConfig['retry'];
}

/**
 * kafkajs's connection logs every error answer of a broker at ERROR before the layer above decides what it
 * means: most are retried and pass (a topic just created and not yet known, a coordinator loading, a
 * leader moving). The outcome is what matters, and the hub logs it where it has one (a refusal, a crash), so
 * these answers are kept at debug: an ERROR line from the hub then always means something went wrong.
 */
const isBrokerAnswerBeforeRetry = (namespace: string, message: string): boolean => namespace === 'Connection' && message.startsWith('Response ');

export function pinoLogCreator(logger: Logger): logCreator {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () => ({ namespace, level, log }) => {
    const { message, ...extra } = log;
    const fields = { namespace, ...extra };
    switch (level) {
      case logLevel.ERROR:
        if (isBrokerAnswerBeforeRetry(namespace, message)) {
          kafkaLogger.debug(fields, message);
          break;
        }
        kafkaLogger.error(fields, message);
        break;
      case logLevel.WARN:
        kafkaLogger.warn(fields, message);
        break;
      case logLevel.INFO:
        kafkaLogger.debug(fields, message); // kafkajs is chatty at INFO (joins, commits); keep it out of the way
        break;
      default:
        kafkaLogger.trace(fields, message);
    }
  };
}

export function parseBrokers(brokers: string | readonly string[]): string[] {
  const list = typeof brokers === 'string' ? brokers.split(',') : [...brokers];
  return list.map((broker) => broker.trim()).filter((broker) => broker.length > 0);
}

export function createKafka(options: CreateKafkaOptions): Kafka {
  return new KafkaClient({
    clientId: options.clientId,
    brokers: parseBrokers(options.brokers),
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    retry: options.retry ?? { initialRetryTime: 100, retries: 8, maxRetryTime: 5_000 },
    logLevel: logLevel.INFO,
    logCreator: pinoLogCreator(options.logger),
  });
}
