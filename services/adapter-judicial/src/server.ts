// Entry point: `node services/adapter-judicial/src/server.ts` (configuration: the adapter kit's README).
import { startAdapter } from '@lgsp/adapter-kit';
import { judicialAdapter } from './adapter.ts';

await startAdapter(judicialAdapter);
