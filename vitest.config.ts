import { defineConfig } from 'vitest/config';

/**
 * One run covers every suite: core units, the API on PGlite, the same API tests on PostgreSQL
 * (when TEST_DATABASE_URL is set), and the browser journeys (when Chromium is installed).
 */
const serverTests = ['apps/server/src/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      {
        test: {
          name: 'api-pglite',
          include: serverTests,
          env: { QD_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: serverTests,
          env: { QD_TEST_DB: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: { name: 'e2e', include: ['e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false },
      },
    ],
  },
});
