// The enterprise adapter: full enterprise exports in, role and status change events out (port 8102).
// The last accepted export of each enterprise is kept in Redis to diff the next one against.
import { createSnapshotStore, snapshotMapper, type AdapterDefinition } from '@lgsp/adapter-kit';
import { enterpriseSnapshots } from './mapping.ts';
import type { EnterpriseSnapshot } from './snapshot.ts';

export const enterpriseAdapter: AdapterDefinition = {
  registry: 'enterprise',
  defaultPort: 8102,
  description: 'Enterprise registry (đăng ký doanh nghiệp) exports in, as CloudEvents or native snapshots; role and status change events out to Kafka.',
  createMapper: ({ redis, keyPrefix }) =>
    snapshotMapper(enterpriseSnapshots, createSnapshotStore<EnterpriseSnapshot>({ redis, keyPrefix, registry: 'enterprise' })),
};
