import { defineConfig } from 'vitest/config';

/**
 * `npm run test:cluster` (run by `.ci/run` after `npm test`): the deployment test in
 * scripts/cluster/ — a PostgreSQL primary and replica, three servers and HAProxy on this machine.
 * Kept out of `vitest run`'s projects: it needs root, Debian's PostgreSQL tools and haproxy.
 */
export default defineConfig({
  test: {
    include: ['scripts/cluster/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
