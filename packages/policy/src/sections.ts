// The sections of the citizen record (record.md §1) that a purpose can grant, and the normalized
// form of a grant. Sections are the unit of access control; two of them can be narrowed to a part.

/** Top-level keys of the record that belong to a section, in the record's own order. */
export const RECORD_SECTIONS = [
  'identity',
  'status',
  'residence',
  'landRights',
  'enterpriseRoles',
  'judicial',
  'quality',
  'provenance',
] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

/**
 * The parts a section may be narrowed to, with what an absent part reads as. A narrowed view always
 * shows every granted part (a list as [], a single item as null) so that its shape cannot tell a reader
 * of bans whether the person has convictions.
 */
export const SECTION_PARTS = {
  judicial: { convictions: 'list', bans: 'list' },
  residence: { permanent: 'single', temporary: 'single' },
} as const;
export type DividedSection = keyof typeof SECTION_PARTS;

/** Not a record key: the right to read who read the record (api.md §2, `/access-log`). */
export const ACCESS_LOG = 'access-log';

/** Every value a purpose may list, in canonical order. */
export const SECTION_PATHS = [
  'identity',
  'status',
  'residence',
  'residence.permanent',
  'residence.temporary',
  'landRights',
  'enterpriseRoles',
  'judicial',
  'judicial.convictions',
  'judicial.bans',
  'quality',
  'provenance',
  ACCESS_LOG,
] as const;
export type SectionPath = (typeof SECTION_PATHS)[number];
export type GrantedSection = RecordSection | typeof ACCESS_LOG;

/** A section granted whole, or only some of its parts. */
export type SectionScope = 'whole' | readonly string[];

export interface SectionGrant {
  /** The granted paths in canonical order, e.g. `['identity', 'judicial.bans']`: what an audit entry records. */
  readonly paths: readonly SectionPath[];
  /** Each granted section and how much of it. Null prototype: only own keys are grants. */
  readonly scopes: Readonly<Partial<Record<GrantedSection, SectionScope>>>;
}

const SECTION_PATH_SET: ReadonlySet<string> = new Set(SECTION_PATHS);

export function isSectionPath(value: unknown): value is SectionPath {
  return typeof value === 'string' && SECTION_PATH_SET.has(value);
}

/** Splits `judicial.bans` into `['judicial', 'bans']`; a whole section has no part. */
export function splitSectionPath(path: SectionPath): [GrantedSection, string | undefined] {
  const dot = path.indexOf('.');
  if (dot === -1) return [path as GrantedSection, undefined];
  return [path.slice(0, dot) as GrantedSection, path.slice(dot + 1)];
}

/**
 * Normalizes a list of paths into a grant. A whole section absorbs its parts, repeats collapse,
 * and the order is canonical, so two grants of the same access are equal.
 */
export function toSectionGrant(paths: readonly SectionPath[]): SectionGrant {
  const wanted = new Set(paths.filter(isSectionPath));
  const kept = SECTION_PATHS.filter((path) => {
    if (!wanted.has(path)) return false;
    const [section, part] = splitSectionPath(path);
    return part === undefined || !wanted.has(section);
  });
  const scopes: Partial<Record<GrantedSection, SectionScope>> = Object.create(null);
  for (const path of kept) {
    const [section, part] = splitSectionPath(path);
    const scope = scopes[section];
    if (part === undefined) scopes[section] = 'whole';
    else scopes[section] = Object.freeze([...(Array.isArray(scope) ? scope : []), part]);
  }
  return Object.freeze({ paths: Object.freeze(kept), scopes: Object.freeze(scopes) });
}

/** The scope of one section in a grant, or undefined when the grant holds nothing of it. */
export function scopeOf(grant: SectionGrant, section: string): SectionScope | undefined {
  return Object.hasOwn(grant.scopes, section) ? grant.scopes[section as GrantedSection] : undefined;
}

/**
 * Whether a grant covers a path: `judicial` needs the whole section, `judicial.bans` is covered by
 * `judicial` or `judicial.bans`. Anything else — an unknown name included — is not covered.
 */
export function grantsPath(grant: SectionGrant, path: string): boolean {
  if (!isSectionPath(path)) return false;
  const [section, part] = splitSectionPath(path);
  const scope = scopeOf(grant, section);
  if (scope === undefined) return false;
  if (scope === 'whole') return true;
  return part !== undefined && scope.includes(part);
}
