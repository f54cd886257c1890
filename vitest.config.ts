import { defineConfig } from 'vitest/config';

// Three kinds of test, picked by suffix and folder (style.md): unit (pure, no servers); int/e2e (real Kafka
// and Redis, found or started once per run by the testkit's global setup), two files at a time — most of
// their time is spent waiting on processes, brokers and leases; and load, which measures the hub's pace and
// memory and so runs alone, after the others (`pnpm test` runs it last).
const stack = { globalSetup: ['packages/testkit/src/global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{packages,services,infra,tests}/**/*.unit.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['{packages,services,infra,tests}/**/*.{int,e2e}.spec.ts'],
          exclude: ['tests/load/**', '**/node_modules/**'],
          ...stack,
        },
      },
      {
        extends: true,
        test: {
          name: 'load',
          include: ['tests/load/**/*.e2e.spec.ts'],
          ...stack,
        },
      },
    ],
    exclude: ['**/node_modules/**', '**/dist/**', '.data/**'],
    reporters: ['default'],
  },
});
