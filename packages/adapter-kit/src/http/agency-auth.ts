// Every push route needs an agency key of this adapter's registry (api.md §1, §3): 401 without a valid
// key, 403 for another registry's agency or a key that is not an agency's. Checked on request, before
// the body is read, so a stranger cannot make the adapter parse megabytes.
import type { FastifyInstance } from 'fastify';
import type { Registry } from '@lgsp/contract';
import { authenticate, requireAgencyFor, type AgencyPrincipal, type Policy } from '@lgsp/policy';

const agencies = new WeakMap<object, AgencyPrincipal>();

export function requireAgencyKeys(app: FastifyInstance, policy: Policy, registry: Registry): void {
  app.addHook('onRequest', async (request) => {
    const principal = authenticate(policy, request.headers.authorization);
    agencies.set(request, requireAgencyFor(principal, registry));
  });
}

/** The agency the request was authenticated as; only inside routes guarded by requireAgencyKeys. */
export function agencyOf(request: object): AgencyPrincipal {
  const agency = agencies.get(request);
  if (!agency) throw new Error('agencyOf called on a request no agency key was checked for');
  return agency;
}
