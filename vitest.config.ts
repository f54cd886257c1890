import { defineConfig } from 'vitest/config';

// Two kinds of test, picked by suffix (style.md): unit (pure, no servers) and int/e2e (real Kafka and
// Redis, found or started once per run by the testkit's global setup).
export default defineConfig({
  test: {
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
          globalSetup: ['packages/testkit/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
    exclude: ['**/node_modules/**', '**/dist/**', '.data/**'],
    reporters: ['default'],
  },
});
