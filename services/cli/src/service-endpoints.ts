// Where each hub service answers: infra's HUB_SERVICES (names and default ports, the ones `pnpm start`
// uses) on HUB_HOST, unless <SERVICE>_URL names the service's base URL.
import { HUB_SERVICES, serviceUrlVariable } from '@lgsp/infra';

export { serviceUrlVariable };

export interface ServiceEndpoint {
  name: string;
  url: string;
}

export const SERVICE_NAMES: readonly string[] = HUB_SERVICES.map((service) => service.name);

export function serviceEndpoints(host: string, overrides: Readonly<Record<string, string | undefined>>): ServiceEndpoint[] {
  return HUB_SERVICES.map((service) => ({
    name: service.name,
    url: (overrides[serviceUrlVariable(service.name)] ?? `http://${host.includes(':') ? `[${host}]` : host}:${service.port}`).replace(/\/+$/, ''),
  }));
}
