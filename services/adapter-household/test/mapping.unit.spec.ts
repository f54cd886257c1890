// The household mapping over its fixtures: one file per native kind, and the records it must refuse.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeChangeMappingFixtures } from '@lgsp/adapter-kit/testing';
import { mapHouseholdTransaction } from '../src/mapping.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

describeChangeMappingFixtures({
  map: mapHouseholdTransaction,
  changesDir: path.join(fixtures, 'changes'),
  unmappableFile: path.join(fixtures, 'unmappable', 'cases.json'),
});
