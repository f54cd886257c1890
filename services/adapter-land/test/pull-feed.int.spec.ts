// Pull mode from an HTTP change feed (events.md §4), with the adapter as a real process on real Kafka
// and Redis: the feed is unreachable at first (the adapter logs it and retries on the next tick), then
// the adapter is SIGKILLed in the middle of a run and started again. Every record ends up published —
// none skipped — and the one unmappable record is in the dead-letter topic with the reason, the
// original record and its source, while the run goes on past it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTopics, decodeCollected, startAdapterProcess, startFakeFeed, type AdapterProcess, type FakeFeed, type TopicCollector } from '@lgsp/adapter-kit/testing';
import { ensureTopics, hubTopicSpecs, parseDeadLetter, topicNames } from '@lgsp/kafka';
import { eventually, stackEndpoints, testKafka, uniqueKeyPrefix, uniqueTopicPrefix } from '@lgsp/testkit';

const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'server.ts');
const RECORDS = 60;
const UNMAPPABLE_AT = 25;

function grant(index: number): Record<string, unknown> {
  return {
    maBienDong: `BD-PULL-${String(index).padStart(4, '0')}`,
    loaiBienDong: index === UNMAPPABLE_AT ? 'CAP_KHONG_BIET' : 'CAP_MOI',
    thoiDiem: '2025-07-01T08:00:00+07:00',
    thuaDat: { maXa: '00004', soTo: 1 + (index % 50), soThua: 100 + index, dienTich: 50 + index, mucDich: 'ODT' },
    giayChungNhan: { soPhatHanh: `CS${String(100000 + index)}`, ngayCap: '2025-06-30' },
    chuSuDung: { soDinhDanh: '001203012345', hoTen: 'Nguyễn Văn An' },
  };
}

describe('the land adapter pulling a change feed', () => {
  const records = Array.from({ length: RECORDS }, (_, index) => grant(index));
  const expectedIds = records.filter((_, index) => index !== UNMAPPABLE_AT).map((record) => String(record.maBienDong));
  const topicPrefix = uniqueTopicPrefix();
  const topics = topicNames(topicPrefix);
  const kafka = testKafka();
  let feed: FakeFeed;
  let collector: TopicCollector;
  const processes: AdapterProcess[] = [];

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, hubTopicSpecs({ prefix: topicPrefix, partitions: 3 }));
    await admin.disconnect();
    feed = await startFakeFeed(records, { delayMs: 120 });
    collector = await collectTopics(kafka, [topics.registry.land, topics.deadLetter]);
  });
  afterAll(async () => {
    await Promise.all(processes.map((running) => running.kill('SIGKILL')));
    await collector?.stop();
    await feed?.close();
  });

  it('publishes every record exactly once in the consolidated sense across a crash, dead-lettering the unmappable one', async () => {
    const env = {
      KAFKA_BROKERS: stackEndpoints().kafkaBrokers,
      REDIS_URL: stackEndpoints().redisUrl,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      REDIS_KEY_PREFIX: uniqueKeyPrefix(),
      PULL_FEED_URL: feed.url,
      PULL_SCHEDULE: '*/1 * * * * *',
      PULL_BATCH_LIMIT: '4',
      PULL_LEASE_TTL_MS: '2000',
    };
    feed.down = true;
    const first = await startAdapterProcess(entry, env);
    processes.push(first);
    await eventually(() => (feed.requests.length >= 2 ? true : undefined), { timeoutMs: 20_000 });
    await eventually(() => (first.lines.some((line) => line.msg === 'pull source unavailable; the next run retries from the same position') ? true : undefined));
    feed.down = false;

    // Killed once it is a few pages in: some pages published, the rest not yet.
    await eventually(() => (feed.requests.filter((since) => since !== '').length >= 4 ? true : undefined), { timeoutMs: 20_000 });
    await first.kill('SIGKILL');
    const publishedBeforeCrash = (await collector.all(topics.registry.land)).length;
    expect(publishedBeforeCrash).toBeGreaterThan(0);
    expect(publishedBeforeCrash).toBeLessThan(expectedIds.length);

    processes.push(await startAdapterProcess(entry, env));
    const ids = await eventually(
      async () => {
        const published = new Set((await collector.all(topics.registry.land)).map((message) => String(decodeCollected(message).id)));
        return expectedIds.every((id) => published.has(id)) ? published : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 250 },
    );
    // Duplicates of a page re-read after the crash carry the same source + id; the consolidator drops them.
    expect([...ids].sort()).toEqual([...expectedIds].sort());

    const letters = (await collector.all(topics.deadLetter)).map((message) => parseDeadLetter(Buffer.from(message.value ?? '', 'utf8'))!);
    expect(letters.length).toBeGreaterThanOrEqual(1);
    expect(new Set(letters.map((letter) => letter.id)).size).toBe(1);
    const [letter] = letters;
    expect(letter!.stage).toBe('adapter-land');
    expect(letter!.source).toBe(feed.url);
    expect(letter!.reason).toContain('/loaiBienDong');
    expect(letter!.errors).toEqual([{ pointer: '/loaiBienDong', message: expect.stringContaining('CAP_MOI') }]);
    expect(JSON.parse(letter!.original.body)).toEqual(records[UNMAPPABLE_AT]);
  }, 120_000);
});
