// The attributes the hub sets on publishing: agency, trace context, receipt time.
import { describe, expect, it } from 'vitest';
import { createGenerator, validateEvent, type HubEvent } from '@lgsp/contract';
import { agencyAttribute, isValidTraceparent, traceparentFor, withHubAttributes } from '../src/ingest/hub-attributes.ts';

const CALLER = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('hub attributes', () => {
  it('keep a valid caller traceparent and start a new trace otherwise', () => {
    expect(traceparentFor(CALLER)).toBe(CALLER);
    expect(traceparentFor([CALLER, 'other'])).toBe(CALLER);
    for (const bad of [undefined, '', 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01']) {
      const generated = traceparentFor(bad);
      expect(generated).not.toBe(bad);
      expect(isValidTraceparent(generated)).toBe(true);
    }
    expect(traceparentFor(undefined)).not.toBe(traceparentFor(undefined));
  });

  it('write the agency name as visible ASCII the contract accepts', () => {
    expect(agencyAttribute('land registration office')).toBe('land-registration-office');
    expect(agencyAttribute('Sở Tài nguyên và Môi trường Đà Nẵng')).toBe('so-tai-nguyen-va-moi-truong-da-nang');
    expect(agencyAttribute('  ')).toBe('agency');
  });

  it('give an event that still satisfies the contract, replacing what the caller set for the hub', () => {
    const generator = createGenerator(1);
    const event = { ...generator.event('vn.lgsp.land.right-granted.v1', generator.person()), lgspagency: 'someone-else' } as HubEvent;
    const stamped = withHubAttributes(event, { lgspreceivedat: new Date(0).toISOString(), lgspagency: agencyAttribute('land registration office'), traceparent: CALLER });
    expect(stamped).toMatchObject({ lgspagency: 'land-registration-office', lgspreceivedat: '1970-01-01T00:00:00.000Z', traceparent: CALLER });
    expect(validateEvent(stamped).ok).toBe(true);
  });
});
