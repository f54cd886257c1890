// A person's state without one registry's share: what the state would be had that registry never spoken
// of the person. Each section belongs to one registry (record.md §1), history entries name their source and
// `changes` counts each registry's share of `version`, so the share comes out cleanly; folding the
// registry's events into the result again gives the state a full rebuild would (`lgsp replay --registry`).
import { sourceOfRegistry, type Registry } from '@lgsp/contract';
import type { PersonState, SectionName } from './state.ts';

const SECTIONS_OF: Record<Registry, readonly SectionName[]> = {
  household: ['identity', 'status', 'residence'],
  land: ['landRights'],
  enterprise: ['enterpriseRoles'],
  judicial: ['judicial'],
};

export function sectionsOfRegistry(registry: Registry): readonly SectionName[] {
  return SECTIONS_OF[registry];
}

export function withoutRegistry(state: PersonState, registry: Registry): PersonState {
  const next: PersonState = { ...state };
  switch (registry) {
    case 'household':
      next.identity = {};
      delete next.death;
      next.residence = {};
      break;
    case 'land':
      next.landRights = {};
      break;
    case 'enterprise':
      next.roles = {};
      break;
    case 'judicial':
      next.convictions = {};
      next.bans = {};
      break;
    default:
      return assertNever(registry);
  }
  const provenance = { ...state.provenance };
  for (const section of SECTIONS_OF[registry]) delete provenance[section];
  next.provenance = provenance;
  const source = sourceOfRegistry(registry);
  next.history = state.history.filter((entry) => entry.source !== source);
  const changes = { ...state.changes };
  next.version = state.version - (changes[registry] ?? 0);
  delete changes[registry];
  next.changes = changes;
  return next;
}

function assertNever(value: never): never {
  throw new TypeError(`unknown registry ${String(value)}`);
}
