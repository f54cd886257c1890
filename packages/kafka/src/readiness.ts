// Readiness of the Kafka connection: a metadata round-trip to the cluster, right now.
import type { Admin } from 'kafkajs';
import type { ReadinessCheck } from '@lgsp/runtime';

export function kafkaReadiness(admin: Admin): ReadinessCheck {
  return {
    name: 'kafka',
    check: async () => {
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length === 0) throw new Error('the cluster reports no brokers');
    },
  };
}
