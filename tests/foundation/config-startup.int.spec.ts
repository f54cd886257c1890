import { describe, expect, it } from 'vitest';
import { runSampleService } from './service-process.ts';

describe('start-up with bad configuration', () => {
  it('stops with one line naming the variable and exit code 78', async () => {
    const { exited } = runSampleService({ SAMPLE_TOPIC: 'x', PORT: 'eighty' });
    const { code, stderr } = await exited;
    expect(code).toBe(78);
    expect(stderr).toBe('sample-service: configuration error: PORT must be integer (got "eighty")\n');
  });

  it('names a missing required variable', async () => {
    const { exited } = runSampleService({ PORT: '0' });
    const { code, stderr } = await exited;
    expect(code).toBe(78);
    expect(stderr.trim()).toBe('sample-service: configuration error: SAMPLE_TOPIC is required but not set');
  });

  it('rejects a malformed Redis URL', async () => {
    const { exited } = runSampleService({ SAMPLE_TOPIC: 'x', REDIS_URL: 'localhost:6379' });
    const { code, stderr } = await exited;
    expect(code).toBe(78);
    expect(stderr).toMatch(/^sample-service: configuration error: REDIS_URL has the wrong form/);
  });
});
