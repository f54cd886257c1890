// The household adapter: household registry records in, household events out (port 8103).
import { changeMapper, type AdapterDefinition } from '@lgsp/adapter-kit';
import { mapHouseholdTransaction } from './mapping.ts';

export const householdAdapter: AdapterDefinition = {
  registry: 'household',
  defaultPort: 8103,
  description: 'Household registry (hộ tịch và cư trú) transactions in, as CloudEvents or native records; civil status and residence events out to Kafka.',
  createMapper: () => changeMapper(mapHouseholdTransaction),
};
