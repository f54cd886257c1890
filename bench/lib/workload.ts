// B2's workload: a province of people (benchmarks.md mix) topped up with later corrections until the
// event count is reached — so the fold sees new records, updates, late older changes and removals.
import { createGenerator, type HubEvent } from '@lgsp/contract';
import { generateProvince } from '@lgsp/testkit';

export function consolidationWorkload({ seed, people, events }: { seed: number; people: number; events: number }): HubEvent[] {
  const province = generateProvince({ seed, people, changeRate: 0.5 });
  const all = [...province.events];
  const later = createGenerator(seed + 1, { maxStepSeconds: 60 });
  while (all.length < events) {
    const person = province.people[later.random.int(0, province.people.length - 1)]!;
    all.push(
      later.random.next() < 0.5
        ? later.event('vn.lgsp.household.identity-corrected.v1', person)
        : later.event('vn.lgsp.household.residence-registered.v1', person),
    );
  }
  return all.slice(0, events);
}
