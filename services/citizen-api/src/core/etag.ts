// The ETag of a record as one consumer sees it. The spec makes it the version, but enterprise statuses
// are joined in at read time: an enterprise suspended changes every role holder's record without
// changing their versions. So a view showing enterprise roles gets `"<version>-<hash of the joined
// statuses>"`, and any other view plain `"<version>"`.
// Computed from the *cut* view, not the stored record: a view without the enterpriseRoles section must
// not reveal through its ETag whether the person holds roles, or when an enterprise's status changed.
import { createHash } from 'node:crypto';
import type { RecordView } from '@lgsp/policy';

interface RoleStatus {
  enterpriseCode?: unknown;
  enterpriseStatus?: unknown;
}

export function etagOf(view: RecordView): string {
  const roles = Array.isArray(view.enterpriseRoles) ? (view.enterpriseRoles as RoleStatus[]) : [];
  if (roles.length === 0) return `"${view.version}"`;
  const statuses = roles.map((role) => `${String(role.enterpriseCode)}=${String(role.enterpriseStatus ?? '')}`).join(',');
  return `"${view.version}-${createHash('sha256').update(statuses, 'utf8').digest('base64url').slice(0, 12)}"`;
}

/** If-None-Match (RFC 9110 §13.1.2): weak comparison, a list of tags, or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const trimmed = header.trim();
  if (trimmed === '*') return true;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return trimmed.split(',').some((tag) => opaque(tag) === opaque(etag));
}
