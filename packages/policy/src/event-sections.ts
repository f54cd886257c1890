// Which record section each canonical event type (events.md §2) touches, so that a purpose sees in a
// record's history only the events of the sections it may read.
import type { SectionPath } from './sections.ts';

/**
 * Keyed by type without its version: a `.v2` is an incompatible payload of the same change, and the same
 * registry owns the same section whatever the version. Residence events name their kind only in the
 * payload, so they map to the whole `residence` section; a grant of one residence part does not see them.
 */
export const EVENT_TYPE_SECTIONS: Readonly<Record<string, SectionPath>> = Object.freeze({
  'vn.lgsp.household.citizen-registered': 'identity',
  'vn.lgsp.household.identity-corrected': 'identity',
  'vn.lgsp.household.residence-registered': 'residence',
  'vn.lgsp.household.residence-ended': 'residence',
  'vn.lgsp.household.death-registered': 'status',
  'vn.lgsp.land.right-granted': 'landRights',
  'vn.lgsp.land.right-updated': 'landRights',
  'vn.lgsp.land.right-revoked': 'landRights',
  'vn.lgsp.enterprise.role-assigned': 'enterpriseRoles',
  'vn.lgsp.enterprise.role-ended': 'enterpriseRoles',
  'vn.lgsp.enterprise.status-changed': 'enterpriseRoles',
  'vn.lgsp.judicial.conviction-recorded': 'judicial.convictions',
  'vn.lgsp.judicial.conviction-expunged': 'judicial.convictions',
  'vn.lgsp.judicial.ban-imposed': 'judicial.bans',
});

const VERSION_SUFFIX = /\.v[1-9]\d{0,3}$/;

/** The section an event type touches, e.g. `judicial.bans` for `vn.lgsp.judicial.ban-imposed.v1`; undefined if unknown. */
export function sectionOfEventType(type: string): SectionPath | undefined {
  if (!VERSION_SUFFIX.test(type)) return undefined;
  const unversioned = type.replace(VERSION_SUFFIX, '');
  return Object.hasOwn(EVENT_TYPE_SECTIONS, unversioned) ? EVENT_TYPE_SECTIONS[unversioned] : undefined;
}
