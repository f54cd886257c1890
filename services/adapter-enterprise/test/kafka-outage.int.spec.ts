// The enterprise adapter while Kafka is down and after it is back, on a private broker: besides
// guarantees 1 and 2, the refused exports must not have advanced the stored snapshot — otherwise the
// accepted retry would find nothing changed and publish no events at all.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeKafkaOutage, readJson } from '@lgsp/adapter-kit/testing';
import { buildApp } from '../src/app.ts';

const { exports } = readJson<{ exports: Array<{ record: unknown; events: Array<{ id: string }> }> }>(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'snapshots.json'),
);

describeKafkaOutage({
  registry: 'enterprise',
  buildApp,
  native: { records: exports.map((fixture) => fixture.record), ids: exports.flatMap((fixture) => fixture.events.map((event) => event.id)) },
});
