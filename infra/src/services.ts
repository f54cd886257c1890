// The hub's services as `pnpm start` runs them (spec/README.md §5).
import type { ServiceSpec } from './supervisor.ts';

export const HUB_SERVICES: readonly ServiceSpec[] = [{ name: 'consolidator', entry: 'services/consolidator/src/server.ts', port: 8090 }];
