// Pull mode from a drop folder of .ndjson exports (events.md §4), with the adapter as a real process on
// real Kafka and Redis: every line of every complete file is published, a line that is not JSON and a
// record that cannot be mapped go to the dead-letter topic while the run goes on, a file still being
// written (not yet renamed to .ndjson) waits, and after a restart nothing already done is read again.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTopics, decodeCollected, startAdapterProcess, type AdapterProcess, type TopicCollector } from '@lgsp/adapter-kit/testing';
import { ensureTopics, hubTopicSpecs, parseDeadLetter, topicNames } from '@lgsp/kafka';
import { eventually, stackEndpoints, testKafka, uniqueKeyPrefix, uniqueTopicPrefix } from '@lgsp/testkit';

const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'server.ts');

function residence(serial: number): Record<string, unknown> {
  return {
    maGiaoDich: `HT-DROP-${String(serial).padStart(4, '0')}`,
    loaiGiaoDich: 'DANG_KY_TAM_TRU',
    thoiDiem: '2025-08-01T08:00:00+07:00',
    congDan: { soDinhDanh: '001203012345', hoTen: 'Nguyễn Văn An' },
    noiCuTru: { maTinh: '01', maXa: '00004', diaChi: `Số ${serial} phố Huế`, denNgay: '2026-07-31' },
    hoGiaDinh: { maHo: 'HGD-01-000777', quanHeVoiChuHo: 'CON' },
  };
}

const ndjson = (lines: readonly unknown[]): string => `${lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}\n`;

describe('the household adapter pulling a drop folder', () => {
  const topicPrefix = uniqueTopicPrefix();
  const topics = topicNames(topicPrefix);
  const kafka = testKafka();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lgsp-drop-'));
  let collector: TopicCollector;
  const processes: AdapterProcess[] = [];
  const env = (): Record<string, string> => ({
    KAFKA_BROKERS: stackEndpoints().kafkaBrokers,
    REDIS_URL: stackEndpoints().redisUrl,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    REDIS_KEY_PREFIX: keyPrefix,
    PULL_DROP_DIR: dir,
    PULL_SCHEDULE: '*/1 * * * * *',
    PULL_BATCH_LIMIT: '3',
    PULL_LEASE_TTL_MS: '2000',
  });
  const keyPrefix = uniqueKeyPrefix();

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, hubTopicSpecs({ prefix: topicPrefix, partitions: 3 }));
    await admin.disconnect();
    collector = await collectTopics(kafka, [topics.registry.household, topics.deadLetter]);
  });
  afterAll(async () => {
    await Promise.all(processes.map((running) => running.kill('SIGKILL')));
    await collector?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const publishedIds = async (): Promise<Set<string>> => new Set((await collector.all(topics.registry.household)).map((message) => String(decodeCollected(message).id)));
  const waitForIds = (ids: readonly string[]): Promise<Set<string>> =>
    eventually(async () => {
      const published = await publishedIds();
      return ids.every((id) => published.has(id)) ? published : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250 });

  it('publishes every complete file, dead-letters what it cannot read or map, and never reads a done file again', async () => {
    const unmappable = { ...residence(7), hoGiaDinh: { maHo: 'HGD-01-000777', quanHeVoiChuHo: 'HANG_XOM' } };
    const firstFile = [residence(1), residence(2), residence(3), '{"maGiaoDich": "HT-DROP-BROKEN",', residence(5), '', residence(6), unmappable, residence(8), residence(9), residence(10)];
    writeFileSync(path.join(dir, '2025-08-01.ndjson'), ndjson(firstFile));
    writeFileSync(path.join(dir, '2025-08-02.ndjson.part'), ndjson([residence(11), residence(12)]));
    const firstIds = [1, 2, 3, 5, 6, 8, 9, 10].map((serial) => `HT-DROP-${String(serial).padStart(4, '0')}`);

    const first = await startAdapterProcess(entry, env());
    processes.push(first);
    const afterFirst = await waitForIds(firstIds);
    expect([...afterFirst].sort()).toEqual(firstIds);

    const letters = await eventually(async () => {
      const found = (await collector.all(topics.deadLetter)).map((message) => parseDeadLetter(Buffer.from(message.value ?? '', 'utf8'))!);
      return found.length >= 2 ? found : undefined;
    });
    const byId = new Map(letters.map((letter) => [letter.id, letter]));
    expect([...byId.keys()].sort()).toEqual(['adapter-household:drop:2025-08-01.ndjson:4', 'adapter-household:drop:2025-08-01.ndjson:8']);
    expect(byId.get('adapter-household:drop:2025-08-01.ndjson:4')!.reason).toContain('line 4 of 2025-08-01.ndjson is not valid JSON');
    expect(byId.get('adapter-household:drop:2025-08-01.ndjson:4')!.original.body).toBe('{"maGiaoDich": "HT-DROP-BROKEN",');
    const mapped = byId.get('adapter-household:drop:2025-08-01.ndjson:8')!;
    expect(mapped.errors?.map((error) => error.pointer)).toEqual(['/hoGiaDinh/quanHeVoiChuHo']);
    expect(JSON.parse(mapped.original.body)).toEqual(unmappable);
    expect(mapped.source).toBe(path.join(dir, '2025-08-01.ndjson'));

    // The exporter finishes the second file by renaming it; the next tick picks it up.
    renameSync(path.join(dir, '2025-08-02.ndjson.part'), path.join(dir, '2025-08-02.ndjson'));
    await waitForIds([...firstIds, 'HT-DROP-0011', 'HT-DROP-0012']);

    // Restarted, the adapter reads nothing it has done: the topics stay where they are.
    await first.kill('SIGKILL');
    const ends = await collector.endOffsets();
    const second = await startAdapterProcess(entry, env());
    processes.push(second);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // three ticks of the schedule
    expect(second.lines.some((line) => line.msg === 'pull run finished')).toBe(false);
    expect(await collector.endOffsets()).toEqual(ends);
  }, 120_000);
});
