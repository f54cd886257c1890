export { createRegistryCounters, readRegistryCounts, registryCountersKey, deadLettersKey } from './registry-counters.ts';
export type { RegistryCounters, RegistryCounts } from './registry-counters.ts';
export { provinceFigures } from './province-figures.ts';
export type { ProvinceFigures, RegistryFigures, ProvinceFiguresSources } from './province-figures.ts';
export { registerFigureGauges } from './prometheus.ts';
