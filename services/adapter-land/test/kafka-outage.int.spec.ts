// The land adapter while Kafka is down and after it is back (guarantees 1 and 2), on a private broker.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeKafkaOutage, readFixtureFolder, type MappingFixture } from '@lgsp/adapter-kit/testing';
import { buildApp } from '../src/app.ts';

const changes = readFixtureFolder<MappingFixture>(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'changes')).map(({ fixture }) => fixture);

describeKafkaOutage({
  registry: 'land',
  buildApp,
  native: { records: changes.map((fixture) => fixture.record), ids: changes.flatMap((fixture) => fixture.events.map((event) => String(event.id))) },
});
