// The enterprise adapter's push API on real Kafka and Redis: the contract every adapter proves, with
// enterprise exports. Its Redis keyspace is fresh, so the first export of each enterprise gives all its
// roles and status; the NDJSON body continues the same enterprise's history.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeAdapterContract, readJson, type UnmappableFixture } from '@lgsp/adapter-kit/testing';
import { buildApp } from '../src/app.ts';

interface ExportFixture {
  record: unknown;
  events: Array<{ id: string }>;
}

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const { exports } = readJson<{ exports: ExportFixture[] }>(path.join(fixtures, 'snapshots.json'));
const unmappable = readJson<UnmappableFixture[]>(path.join(fixtures, 'unmappable.json'));
const [first, ...rest] = exports as [ExportFixture, ...ExportFixture[]];

describeAdapterContract({
  registry: 'enterprise',
  buildApp,
  native: {
    single: { record: first.record, ids: first.events.map((event) => event.id) },
    lines: { records: rest.map((fixture) => fixture.record), ids: rest.flatMap((fixture) => fixture.events.map((event) => event.id)) },
    unmappable: { record: unmappable[1]!.record, pointer: '/thanhVien/0/loai' },
  },
});
