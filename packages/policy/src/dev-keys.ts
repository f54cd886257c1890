// The development keys of api.md §3, in plaintext. They exist so that `pnpm start` can print them and
// tests can use them; the development policy file holds only their hashes. Any policy holding one of
// these hashes is refused when NODE_ENV=production, because everyone who has read the spec knows them.
import { hashKey } from './key-hash.ts';

export interface DevKey {
  readonly key: string;
  readonly holder: string;
  readonly kind: 'agency' | 'consumer' | 'operator';
  /** What the key may do, for `pnpm start` to print. */
  readonly may: string;
}

export const DEV_KEYS: readonly DevKey[] = Object.freeze(
  [
    { key: 'dev-land-key', holder: 'land registration office', kind: 'agency', may: 'publish land' },
    { key: 'dev-enterprise-key', holder: 'business registration office', kind: 'agency', may: 'publish enterprise' },
    { key: 'dev-household-key', holder: 'civil status and residence', kind: 'agency', may: 'publish household' },
    { key: 'dev-judicial-key', holder: 'judicial records centre', kind: 'agency', may: 'publish judicial' },
    {
      key: 'dev-land-portal-key',
      holder: 'land services portal',
      kind: 'consumer',
      may: 'purpose land-procedure: identity, status, residence, landRights',
    },
    {
      key: 'dev-business-portal-key',
      holder: 'business portal',
      kind: 'consumer',
      may: 'purpose enterprise-registration: identity, status, residence, enterpriseRoles, judicial.bans',
    },
    {
      key: 'dev-judicial-office-key',
      holder: 'judicial records office',
      kind: 'consumer',
      may: 'purpose criminal-record-certificate: identity, status, residence, judicial',
    },
    {
      key: 'dev-citizen-portal-key',
      holder: 'citizen portal',
      kind: 'consumer',
      may: 'purpose data-subject-access: every section, access-log',
    },
    {
      key: 'dev-operator-key',
      holder: 'hub operators',
      kind: 'operator',
      may: 'operator API and console; purpose operator-console: every section',
    },
  ].map((devKey) => Object.freeze(devKey as DevKey)),
);

/** SHA-256 (hex) of each development key → the key, to name it in a refusal. */
export const DEV_KEY_HASHES: ReadonlyMap<string, string> = new Map(DEV_KEYS.map(({ key }) => [hashKey(key), key]));
