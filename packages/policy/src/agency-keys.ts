// The agency key a tool sends when it publishes on a registry's behalf (re-driving dead letters, from the
// CLI or the console): AGENCY_KEY_<REGISTRY> when configured, else — outside production only — the
// development key of that registry (api.md §3). In production an unset variable means no key at all.
import { DEV_KEYS } from './dev-keys.ts';

/** `land` → `AGENCY_KEY_LAND`. */
export function agencyKeyVariable(registry: string): string {
  return `AGENCY_KEY_${registry.toUpperCase()}`;
}

/** The development key that may publish `registry`'s events, if there is one. */
export function developmentAgencyKey(registry: string): string | undefined {
  return DEV_KEYS.find((devKey) => devKey.kind === 'agency' && devKey.may === `publish ${registry}`)?.key;
}

/** Settings as a service or the CLI loaded them: NODE_ENV and the AGENCY_KEY_<REGISTRY> variables. */
export interface AgencyKeySettings {
  readonly NODE_ENV?: string | undefined;
  readonly [variable: string]: unknown;
}

export function agencyKeyFor(settings: AgencyKeySettings, registry: string): string | undefined {
  const configured = settings[agencyKeyVariable(registry)];
  if (typeof configured === 'string' && configured !== '') return configured;
  if (settings.NODE_ENV === 'production') return undefined;
  return developmentAgencyKey(registry);
}
