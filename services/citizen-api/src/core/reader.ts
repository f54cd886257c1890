// Who is reading, for what: the consumer behind the key, the purpose it named, and what that purpose grants.
import { ACCESS_LOG, type Principal, type RateLimit, type SectionGrant } from '@lgsp/policy';

export interface Reader {
  principal: Principal;
  consumer: string;
  purpose: string;
  grant: SectionGrant;
  rateLimit: RateLimit;
}

export interface ReadContext {
  reader: Reader;
  requestId: string;
}

/** The sections a record or history read is cut to, as the audit entry records them. */
export function recordSectionsOf(grant: SectionGrant): string[] {
  return grant.paths.filter((path) => path !== ACCESS_LOG);
}
