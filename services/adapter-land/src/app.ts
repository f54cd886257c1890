// The land adapter's HTTP app (never listens): the kit's push API with the land mapping.
import { buildAdapterApp, type AdapterAppDeps } from '@lgsp/adapter-kit';
import type { ServiceApp } from '@lgsp/runtime';
import { landAdapter } from './adapter.ts';

export function buildApp(deps: AdapterAppDeps): Promise<ServiceApp> {
  return buildAdapterApp(landAdapter, deps);
}
