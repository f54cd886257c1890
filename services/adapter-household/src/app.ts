// The household adapter's HTTP app (never listens): the kit's push API with the household mapping.
import { buildAdapterApp, type AdapterAppDeps } from '@lgsp/adapter-kit';
import type { ServiceApp } from '@lgsp/runtime';
import { householdAdapter } from './adapter.ts';

export function buildApp(deps: AdapterAppDeps): Promise<ServiceApp> {
  return buildAdapterApp(householdAdapter, deps);
}
