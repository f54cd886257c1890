// Entry point: `node services/adapter-household/src/server.ts` (configuration: the adapter kit's README).
import { startAdapter } from '@lgsp/adapter-kit';
import { householdAdapter } from './adapter.ts';

await startAdapter(householdAdapter);
