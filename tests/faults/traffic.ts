// The registries' side of a fault scenario: a generated province (shuffled, with duplicates and late older
// changes, and a few events no adapter may accept) pushed through the four adapters by concurrent clients
// that, like real registry systems, retry a request that got a 5xx or no answer until it is acknowledged,
// and drop an event the adapter refused with a 4xx. Everything they saw is counted.
import type { HubEvent } from '@lgsp/contract';
import { agencyKeyOf, deliveryPlan, generateProvince, type HubServiceName, type HubUnderTest } from '@lgsp/testkit';

export interface TrafficCounts {
  /** Events in the plan, duplicates included (each request counted once however often it was sent). */
  sent: number;
  /** Events answered 2xx. */
  acknowledged: number;
  /** Requests sent again after a 5xx, a refused connection or a connection cut mid-request. */
  retried: number;
  /** Events of the plan that repeat an earlier event (source + id), plus events sent again by retries. */
  duplicates: number;
  /** Events refused with a 4xx (the plan's invalid ones): never acknowledged. */
  refused: number;
}

export interface Traffic {
  plan: HubEvent[];
  /** The invalid events mixed in: none of them may ever reach Kafka or a record. */
  invalid: HubEvent[];
}

export function provinceTraffic(seed: number, people: number): Traffic {
  const province = generateProvince({ seed, people });
  const plan = deliveryPlan(province.events, seed + 1);
  // A land grant with a negative area breaks its schema: refused with 422, never acknowledged.
  const invalid = plan
    .filter((event) => event.type === 'vn.lgsp.land.right-granted.v1')
    .slice(0, 5)
    .map((event, index) => ({ ...event, id: `BD-INVALID-${seed}-${index}`, data: { ...(event.data as object), areaM2: -1 } }) as HubEvent);
  invalid.forEach((event, index) => plan.splice(Math.floor(((index + 1) * plan.length) / (invalid.length + 1)), 0, event));
  return { plan, invalid };
}

const registryOf = (event: HubEvent): string => event.source.split(':')[3]!;

/**
 * Pushes the plan with `clients` concurrent clients, each taking the next `batchSize` events (split by
 * registry) until the plan is done. A batch refused with 422 is sent again without the events it names;
 * anything else but a 2xx is retried until `retryForMs` has passed, then the test fails.
 */
export async function pushConcurrently(hub: Pick<HubUnderTest, 'url'>, plan: readonly HubEvent[], { clients = 4, batchSize = 40, retryForMs = 120_000, pauseMs = 0 } = {}): Promise<{ counts: TrafficCounts; acknowledged: HubEvent[] }> {
  const counts: TrafficCounts = { sent: plan.length, acknowledged: 0, retried: 0, duplicates: 0, refused: 0 };
  const seen = new Set<string>();
  for (const event of plan) {
    const key = `${event.source} ${event.id}`;
    if (seen.has(key)) counts.duplicates += 1;
    seen.add(key);
  }
  const acknowledged: HubEvent[] = [];
  let next = 0;

  const send = async (registry: string, batch: HubEvent[]): Promise<void> => {
    let pending = batch;
    const deadline = Date.now() + retryForMs;
    while (pending.length > 0) {
      let status = 0;
      let body: { errors?: Array<{ pointer?: string }> } = {};
      try {
        const response = await fetch(`${hub.url(`adapter-${registry}` as HubServiceName)}/v1/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/cloudevents-batch+json', authorization: `Bearer ${agencyKeyOf(registry)}` },
          body: JSON.stringify(pending),
          signal: AbortSignal.timeout(30_000),
        });
        status = response.status;
        body = (await response.json().catch(() => ({}))) as typeof body;
      } catch {
        status = 0;
      }
      if (status === 202) {
        counts.acknowledged += pending.length;
        acknowledged.push(...pending);
        return;
      }
      if (status === 422) {
        // The batch is all or nothing: drop the events it names (by index) and send the rest again.
        const bad = new Set((body.errors ?? []).map((error) => Number(/^\/(\d+)/.exec(error.pointer ?? '')?.[1])).filter((index) => Number.isInteger(index)));
        if (bad.size === 0) throw new Error(`adapter-${registry} refused a batch naming no event: ${JSON.stringify(body).slice(0, 300)}`);
        counts.refused += bad.size;
        pending = pending.filter((_, index) => !bad.has(index));
        continue;
      }
      if (status !== 0 && status < 500) throw new Error(`adapter-${registry} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
      if (Date.now() > deadline) throw new Error(`adapter-${registry} did not acknowledge a batch within ${retryForMs} ms (last answer ${status})`);
      counts.retried += 1;
      counts.duplicates += pending.length;
      // 503 comes with Retry-After; a short pause keeps the test brisk and still lets the hub recover.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const client = async (): Promise<void> => {
    while (next < plan.length) {
      const slice = plan.slice(next, next + batchSize);
      next += batchSize;
      const byRegistry = new Map<string, HubEvent[]>();
      for (const event of slice) byRegistry.set(registryOf(event), [...(byRegistry.get(registryOf(event)) ?? []), event]);
      for (const [registry, batch] of byRegistry) await send(registry, batch);
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { counts, acknowledged };
}
