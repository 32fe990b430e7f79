import { defineConfig } from 'vitest/config';

/** `npm run fuzz`: the property-based tests, about 200,000 cases in all (half of them hold the YAML fast path to the full parse). */
export default defineConfig({
  test: {
    include: ['test/fuzz-*.test.ts', 'test/plain-yaml.test.ts'],
    env: { PGCHECK_FUZZ_RUNS: process.env.PGCHECK_FUZZ_RUNS ?? '100000' },
    maxWorkers: 2,
    testTimeout: 3_600_000,
  },
});
