import { defineConfig } from 'vitest/config';

/**
 * Four projects, all run by `npm test` (`vitest run`):
 * - unit: pure rules next to the code they test, no database.
 * - sqlite / postgres: the same `*.api.test.ts` files, once per engine. The engine reaches the
 *   harness (server/test/harness.ts) through GONGHUI_TEST_ENGINE. PostgreSQL is never skipped:
 *   when it is unreachable the postgres project fails in its global setup.
 * - e2e: browser journeys under e2e/, one at a time.
 */
const apiFiles = ['server/**/*.api.test.ts'];
const postgresUrl = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'web/src/ui/*.test.ts', 'web/src/mobile/*.test.ts'],
          exclude: apiFiles,
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: apiFiles,
          environment: 'node',
          env: { GONGHUI_TEST_ENGINE: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: apiFiles,
          environment: 'node',
          env: { GONGHUI_TEST_ENGINE: 'postgres', DATABASE_URL_TEST: postgresUrl },
          globalSetup: ['server/test/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
