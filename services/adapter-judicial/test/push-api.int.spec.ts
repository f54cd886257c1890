// The judicial adapter's push API on real Kafka and Redis: the contract every adapter proves, with judicial's
// own native fixtures.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeAdapterContract, readJson, type MappingFixture, type UnmappableFixture } from '@lgsp/adapter-kit/testing';
import { buildApp } from '../src/app.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const change = (name: string) => readJson<MappingFixture>(path.join(fixtures, 'changes', `${name}.json`));
const unmappable = readJson<UnmappableFixture[]>(path.join(fixtures, 'unmappable', 'cases.json'));
const single = change('an-tich');
const lines = ['xoa-an-tich', 'cam-dam-nhiem-quan-ly-dn', 'cam-dam-nhiem-chuc-vu', 'cam-dam-nhiem-hanh-nghe'].map(change);

describeAdapterContract({
  registry: 'judicial',
  buildApp,
  native: {
    single: { record: single.record, ids: single.events.map((event) => String(event.id)) },
    lines: { records: lines.map((fixture) => fixture.record), ids: lines.flatMap((fixture) => fixture.events.map((event) => String(event.id))) },
    unmappable: { record: unmappable[0]!.record, pointer: '/camDamNhiem/noiDung' },
  },
});
