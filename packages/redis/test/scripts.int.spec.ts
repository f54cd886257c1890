// Scripts under auto-pipelining, on a real Redis: a command defined while an auto-pipeline is open and sent
// at once throws inside ioredis (the pipeline was made without it), so uncaught that it ends the process —
// which is why this test cannot show the failure itself. withScripts sends scripts outside auto-pipelines.
import { afterAll, describe, expect, it } from 'vitest';
import { closeRedis, withScripts } from '@lgsp/redis';
import { testRedis, uniqueKeyPrefix } from '@lgsp/testkit';

const ECHO = { lua: 'return ARGV[1]', numberOfKeys: 1 };

describe('scripts as commands', () => {
  const redis = testRedis();
  const key = `${uniqueKeyPrefix()}k`;
  afterAll(() => closeRedis(redis));

  it('runs a script first sent while an auto-pipeline is open, and every later one at once', async () => {
    // One auto-pipeline in flight, and a second one open behind it while the script is defined.
    const inFlight = Promise.all(Array.from({ length: 200 }, () => redis.get(key)));
    await new Promise((resolve) => setImmediate(resolve));
    const open = redis.get(key);
    const client = withScripts<{ lgspTestEcho(key: string, value: string): Promise<string> }>(redis, { lgspTestEcho: ECHO });
    expect(await Promise.all([open, client.lgspTestEcho(key, 'first')])).toEqual([null, 'first']);
    await inFlight;
    const again = withScripts<{ lgspTestEcho(key: string, value: string): Promise<string> }>(redis, { lgspTestEcho: ECHO });
    expect(await again.lgspTestEcho(key, 'second')).toBe('second');
  });
});
