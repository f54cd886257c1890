// The event types are derived from the schemas: these assertions are checked by the compiler
// (`tsc`), and run as trivial tests.
import { describe, expectTypeOf, it } from 'vitest';
import type { DataOf, EventOf, EventType, HubEvent, RegistryOf } from '@lgsp/contract';

describe('event types', () => {
  it('narrow data, source and dataschema by type', () => {
    type Grant = EventOf<'vn.lgsp.land.right-granted.v1'>;
    expectTypeOf<Grant['source']>().toEqualTypeOf<'urn:lgsp:registry:land'>();
    expectTypeOf<Grant['dataschema']>().toEqualTypeOf<'urn:lgsp:schema:vn.lgsp.land.right-granted.v1'>();
    expectTypeOf<Grant['data']['areaM2']>().toEqualTypeOf<number>();
    expectTypeOf<Grant['data']['parcel']['mapSheet']>().toEqualTypeOf<number>();
    expectTypeOf<DataOf<'vn.lgsp.judicial.ban-imposed.v1'>['until']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<DataOf<'vn.lgsp.enterprise.status-changed.v1'>['status']>().toEqualTypeOf<'active' | 'suspended' | 'dissolved' | 'bankrupt'>();
    expectTypeOf<RegistryOf<'vn.lgsp.household.death-registered.v1'>>().toEqualTypeOf<'household'>();
  });

  it('make HubEvent a union discriminated by type', () => {
    expectTypeOf<HubEvent['type']>().toEqualTypeOf<EventType>();
    const areaOf = (event: HubEvent): number | undefined => {
      switch (event.type) {
        case 'vn.lgsp.land.right-granted.v1':
          return event.data.areaM2;
        case 'vn.lgsp.land.right-updated.v1':
          return event.data.areaM2;
        default:
          return undefined;
      }
    };
    expectTypeOf(areaOf).returns.toEqualTypeOf<number | undefined>();
  });
});
