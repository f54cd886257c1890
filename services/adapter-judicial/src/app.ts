// The judicial adapter's HTTP app (never listens): the kit's push API with the judicial mapping.
import { buildAdapterApp, type AdapterAppDeps } from '@lgsp/adapter-kit';
import type { ServiceApp } from '@lgsp/runtime';
import { judicialAdapter } from './adapter.ts';

export function buildApp(deps: AdapterAppDeps): Promise<ServiceApp> {
  return buildAdapterApp(judicialAdapter, deps);
}
