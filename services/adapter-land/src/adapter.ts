// The land adapter: land registry changes in, land-use right events out (port 8101).
import { changeMapper, type AdapterDefinition } from '@lgsp/adapter-kit';
import { mapLandChange } from './mapping.ts';

export const landAdapter: AdapterDefinition = {
  registry: 'land',
  defaultPort: 8101,
  description: 'Land registry (đất đai) changes in, as CloudEvents or native records; land-use right events out to Kafka.',
  createMapper: () => changeMapper(mapLandChange),
};
