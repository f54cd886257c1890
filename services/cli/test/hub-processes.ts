// The hub's adapters as real processes for these tests, started by their entry points (never imported)
// through the adapter kit's process runner; other services through @lgsp/testkit.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const servicesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const adapterEntry = (registry: string): string => path.join(servicesDir, `adapter-${registry}`, 'src', 'server.ts');
