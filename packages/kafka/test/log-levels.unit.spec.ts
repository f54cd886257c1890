// kafkajs's log lines as the hub writes them: a broker's error answer that kafkajs will retry stays at debug,
// real errors stay errors, and kafkajs's chatty INFO goes to debug.
import { describe, expect, it } from 'vitest';
import kafkajs from 'kafkajs';
import { captureLogger } from '@lgsp/testkit';
import { pinoLogCreator } from '../src/client.ts';

const { logLevel } = kafkajs;

function written(level: number, namespace: string, message: string): Record<string, unknown> {
  const captured = captureLogger('test', 'trace');
  pinoLogCreator(captured.logger)(logLevel.DEBUG)({ namespace, level, label: 'x', log: { timestamp: '', logger: 'kafkajs', message, error: 'This server does not host this topic-partition' } });
  const [line] = captured.lines();
  return line!;
}

describe('kafkajs log lines', () => {
  it('keep a broker answer kafkajs retries at debug', () => {
    expect(written(logLevel.ERROR, 'Connection', 'Response Metadata(key: 3, version: 6)')).toMatchObject({ level: 'debug', namespace: 'Connection', component: 'kafkajs' });
  });

  it('keep every other error an error, and warnings warnings', () => {
    expect(written(logLevel.ERROR, 'Consumer', 'Crash: KafkaJSNumberOfRetriesExceeded')).toMatchObject({ level: 'error' });
    expect(written(logLevel.ERROR, 'Connection', 'Connection error: connect ECONNREFUSED')).toMatchObject({ level: 'error' });
    expect(written(logLevel.WARN, 'Producer', 'Limiting retries')).toMatchObject({ level: 'warn' });
  });

  it('move kafkajs INFO (joins, commits) to debug', () => {
    expect(written(logLevel.INFO, 'ConsumerGroup', 'Consumer has joined the group')).toMatchObject({ level: 'debug' });
  });
});
