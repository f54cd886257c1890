// The land adapter's push API on real Kafka and Redis: the contract every adapter proves, with land's
// own native fixtures.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeAdapterContract, readJson, type MappingFixture, type UnmappableFixture } from '@lgsp/adapter-kit/testing';
import { buildApp } from '../src/app.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const change = (name: string) => readJson<MappingFixture>(path.join(fixtures, 'changes', `${name}.json`));
const unmappable = readJson<UnmappableFixture[]>(path.join(fixtures, 'unmappable', 'cases.json'));
const lines = ['cap-moi', 'cap-nhat', 'thu-hoi'].map(change);

describeAdapterContract({
  registry: 'land',
  buildApp,
  native: {
    single: { record: change('chuyen-nhuong').record, ids: ['BD-2025-000123/revoke', 'BD-2025-000123/grant'] },
    lines: { records: lines.map((fixture) => fixture.record), ids: lines.flatMap((fixture) => fixture.events.map((event) => String(event.id))) },
    unmappable: { record: unmappable[2]!.record, pointer: '/thuaDat/dienTich' },
  },
});
