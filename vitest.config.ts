import { defineConfig } from 'vitest/config';

// Ink renders only the last frame when it believes it runs in CI (the `is-in-ci` package reads CI
// when Ink is imported), so dashboard and wizard tests would see no frames on a CI machine. The
// tests run with CI=0 and learn whether this is a CI run from BATCHCTL_TEST_IN_CI instead.
const ciValue = process.env.CI ?? process.env.CONTINUOUS_INTEGRATION;
const inCi = ciValue !== undefined && ciValue !== '0' && ciValue !== 'false';

export default defineConfig({
  test: {
    env: { CI: '0', CONTINUOUS_INTEGRATION: '0', BATCHCTL_TEST_IN_CI: inCi ? '1' : '' },
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
