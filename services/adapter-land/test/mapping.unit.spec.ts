// The land mapping over its fixtures: one file per native change kind, and the records it must refuse.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeChangeMappingFixtures } from '@lgsp/adapter-kit/testing';
import { mapLandChange } from '../src/mapping.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

describeChangeMappingFixtures({
  map: mapLandChange,
  changesDir: path.join(fixtures, 'changes'),
  unmappableFile: path.join(fixtures, 'unmappable', 'cases.json'),
});
