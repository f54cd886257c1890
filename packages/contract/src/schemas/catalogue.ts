// The catalogue: every event type the hub carries, mapped to its data schema. Adding a type or a
// new version (`.v2`) means adding one line here; everything else (validation, types, files,
// the served catalogue) derives from this map.
import { banImposedV1, convictionExpungedV1, convictionRecordedV1 } from './judicial.ts';
import { citizenRegisteredV1, deathRegisteredV1, identityCorrectedV1, residenceEndedV1, residenceRegisteredV1 } from './household.ts';
import { roleAssignedV1, roleEndedV1, statusChangedV1 } from './enterprise.ts';
import { rightGrantedV1, rightRevokedV1, rightUpdatedV1 } from './land.ts';

export const EVENT_SCHEMAS = {
  'vn.lgsp.household.citizen-registered.v1': citizenRegisteredV1,
  'vn.lgsp.household.identity-corrected.v1': identityCorrectedV1,
  'vn.lgsp.household.residence-registered.v1': residenceRegisteredV1,
  'vn.lgsp.household.residence-ended.v1': residenceEndedV1,
  'vn.lgsp.household.death-registered.v1': deathRegisteredV1,
  'vn.lgsp.land.right-granted.v1': rightGrantedV1,
  'vn.lgsp.land.right-updated.v1': rightUpdatedV1,
  'vn.lgsp.land.right-revoked.v1': rightRevokedV1,
  'vn.lgsp.enterprise.role-assigned.v1': roleAssignedV1,
  'vn.lgsp.enterprise.role-ended.v1': roleEndedV1,
  'vn.lgsp.enterprise.status-changed.v1': statusChangedV1,
  'vn.lgsp.judicial.conviction-recorded.v1': convictionRecordedV1,
  'vn.lgsp.judicial.conviction-expunged.v1': convictionExpungedV1,
  'vn.lgsp.judicial.ban-imposed.v1': banImposedV1,
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;

export const REGISTRIES = ['land', 'enterprise', 'household', 'judicial'] as const;
export type Registry = (typeof REGISTRIES)[number];

/** `vn.lgsp.land.right-granted.v1` → `land`. */
export type RegistryOf<T extends EventType> = T extends `vn.lgsp.${infer R extends Registry}.${string}` ? R : never;
export type SourceOf<T extends EventType> = `urn:lgsp:registry:${RegistryOf<T>}`;
export type SchemaIdOf<T extends string> = `urn:lgsp:schema:${T}`;

export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

const TYPE_FORM = /^vn\.lgsp\.([a-z]+)\.([a-z]+(?:-[a-z]+)*)\.v([1-9][0-9]*)$/;

export interface EventTypeParts {
  registry: Registry;
  /** The change's name without registry and version, e.g. `right-granted`. */
  name: string;
  version: number;
}

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_SCHEMAS, value);
}

function parseEventType(type: string): EventTypeParts {
  const match = TYPE_FORM.exec(type);
  // A key of another form is a mistake in EVENT_SCHEMAS: failing when the module loads makes it impossible to miss.
  if (!match || !(REGISTRIES as readonly string[]).includes(match[1]!)) {
    throw new Error(`event type ${type} does not have the form vn.lgsp.<registry>.<name>.v<N>`);
  }
  return { registry: match[1] as Registry, name: match[2]!, version: Number(match[3]) };
}

// Parsed once: registryOfType sits on the validation hot path.
const PARTS = new Map(EVENT_TYPES.map((type) => [type, parseEventType(type)]));

export function eventTypeParts(type: EventType): EventTypeParts {
  const parts = PARTS.get(type);
  if (!parts) throw new Error(`${type} is not an event type of the catalogue`);
  return parts;
}

export function registryOfType<T extends EventType>(type: T): RegistryOf<T> {
  return eventTypeParts(type).registry as RegistryOf<T>;
}

export function sourceOfRegistry<R extends Registry>(registry: R): `urn:lgsp:registry:${R}` {
  return `urn:lgsp:registry:${registry}`;
}

export function sourceOfType<T extends EventType>(type: T): SourceOf<T> {
  return sourceOfRegistry(registryOfType(type)) as SourceOf<T>;
}

/** The schema URI: the schema's `$id` and the `dataschema` of every event of the type. */
export function schemaIdOf<T extends string>(type: T): SchemaIdOf<T> {
  return `urn:lgsp:schema:${type}`;
}

export function eventTypesOfRegistry(registry: Registry): EventType[] {
  return EVENT_TYPES.filter((type) => registryOfType(type) === registry);
}

/** Where a type's schema file lives under `schemas/`, e.g. `land/right-granted.v1.json`. */
export function schemaFileOf(type: EventType): string {
  const { registry, name, version } = eventTypeParts(type);
  return `${registry}/${name}.v${version}.json`;
}
