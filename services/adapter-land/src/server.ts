// Entry point: `node services/adapter-land/src/server.ts` (configuration: the adapter kit's README).
import { startAdapter } from '@lgsp/adapter-kit';
import { landAdapter } from './adapter.ts';

await startAdapter(landAdapter);
