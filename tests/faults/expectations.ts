// The verdict every fault scenario must reach (spec README §4, guarantees 1–5 through the public interfaces).
import { expect } from 'vitest';
import type { ScenarioReport } from './scenario.ts';

export function expectNothingLostNothingTwice(report: ScenarioReport, { minimumFaults }: { minimumFaults: number }): void {
  const { counts, verdict } = report;
  expect(counts.faultsInjected).toBeGreaterThanOrEqual(minimumFaults);
  // Every event of the plan was either acknowledged or refused (the invalid ones), none left hanging.
  expect(counts.acknowledged + counts.refused).toBe(counts.sent);
  expect(counts.refused).toBeGreaterThan(0);
  expect(verdict.lost).toEqual([]);
  expect(verdict.unacknowledged).toEqual([]);
  expect(report.invalidInLog).toEqual([]);
  expect(verdict.notExactlyOnce).toEqual([]);
  expect(verdict.differences).toEqual([]);
  expect(verdict.differing).toBe(0);
  expect(verdict.records).toBeGreaterThan(0);
}
