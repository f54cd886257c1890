import { describe, expect, it } from 'vitest';
import { summariseRedrive } from '@lgsp/dead-letters';
import { redriveExitCode } from '../src/commands/dlq-redrive.ts';

describe('the outcome of a re-drive run', () => {
  it('exits 0 only when every letter went through or had already', () => {
    expect(redriveExitCode(summariseRedrive([{ id: 'a', registry: 'land', outcome: 'redriven' }, { id: 'b', registry: 'land', outcome: 'already-redriven' }]))).toBe(0);
    expect(redriveExitCode(summariseRedrive([{ id: 'a', registry: 'land', outcome: 'rejected' }]))).toBe(1);
    expect(redriveExitCode(summariseRedrive([{ id: 'a', registry: 'land', outcome: 'rejected' }, { id: 'b', registry: 'land', outcome: 'unavailable' }]))).toBe(69);
  });
});
