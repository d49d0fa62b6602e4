import { defineConfig } from 'vitest/config';

/**
 * unit: pure rules and client logic, no I/O. integration: the real server on a random port against PGlite,
 * and against the machine's Postgres when TEST_DATABASE_URL answers (each run in its own fresh database).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/test/**/*.test.ts', 'client/test/**/*.test.ts', 'sync-server/test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['sync-server/test/integration/**/*.test.ts'],
          // One migrated and seeded template per backend, copied by every test server (docs/testing.md).
          globalSetup: ['sync-server/test/global-setup.ts'],
          // Limits for a stuck test, not speed targets. On a quiet 2-core machine the slowest test takes about 15 s and
          // the slowest file 30 s with its start from the seeded template (docs/runbooks/testing.md): 6x margin.
          testTimeout: 90_000,
          hookTimeout: 150_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
