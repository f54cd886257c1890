// The hub's services as `pnpm start` runs them (spec/README.md §5).
import path from 'node:path';
import { repoRoot } from './paths.ts';
import type { ServiceSpec } from './supervisor.ts';

// `pnpm start` is the development hub: the adapters, the citizen API and the console take the development keys (api.md §3). Every
// service refuses this file when NODE_ENV=production.
const DEVELOPMENT_POLICY = path.join(repoRoot, 'packages', 'policy', 'policies', 'development.json');

const adapter = (registry: string, port: number): ServiceSpec => ({
  name: `adapter-${registry}`,
  entry: `services/adapter-${registry}/src/server.ts`,
  port,
  env: { POLICY_FILE: DEVELOPMENT_POLICY },
});

export const HUB_SERVICES: readonly ServiceSpec[] = [
  { name: 'consolidator', entry: 'services/consolidator/src/server.ts', port: 8090 },
  { name: 'citizen-api', entry: 'services/citizen-api/src/server.ts', port: 8080, env: { POLICY_FILE: DEVELOPMENT_POLICY } },
  adapter('land', 8101),
  adapter('enterprise', 8102),
  adapter('household', 8103),
  adapter('judicial', 8104),
  // Last: it reads the others (figures, the citizen API for record views, the adapters for re-drives).
  { name: 'console', entry: 'services/console/src/server.ts', port: 8091, env: { POLICY_FILE: DEVELOPMENT_POLICY } },
];

/** `adapter-land` → `ADAPTER_LAND_URL`: the variable that tells the console and the CLI where a service answers. */
export function serviceUrlVariable(service: string): string {
  return `${service.toUpperCase().replaceAll('-', '_')}_URL`;
}

/**
 * The services with every port moved by `offset` (HUB_PORT_OFFSET), so a second hub can run beside the first
 * on one machine, and the `<SERVICE>_URL` variables that point the services at each other there.
 */
export function hubServicesAt(offset: number): { services: ServiceSpec[]; urls: Record<string, string> } {
  const services = HUB_SERVICES.map((service) => ({ ...service, port: service.port + offset }));
  const urls = Object.fromEntries(services.map((service) => [serviceUrlVariable(service.name), `http://127.0.0.1:${service.port}`]));
  return { services, urls };
}
