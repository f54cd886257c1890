// Entry point: `node services/adapter-enterprise/src/server.ts` (configuration: the adapter kit's README).
import { startAdapter } from '@lgsp/adapter-kit';
import { enterpriseAdapter } from './adapter.ts';

await startAdapter(enterpriseAdapter);
