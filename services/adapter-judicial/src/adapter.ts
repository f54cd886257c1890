// The judicial adapter: judicial registry records in, judicial events out (port 8104).
import { changeMapper, type AdapterDefinition } from '@lgsp/adapter-kit';
import { mapJudicialRecord } from './mapping.ts';

export const judicialAdapter: AdapterDefinition = {
  registry: 'judicial',
  defaultPort: 8104,
  description: 'Judicial records (lý lịch tư pháp) in, as CloudEvents or native records; conviction, expungement and ban events out to Kafka.',
  createMapper: () => changeMapper(mapJudicialRecord),
};
