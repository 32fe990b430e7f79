import { defineConfig } from 'vitest/config';

/** `npm run fuzz`: the property-based tests with 100,000+ cases in all (the YAML fast path held to the full parse among them). */
export default defineConfig({
  test: {
    include: ['test/fuzz-*.test.ts', 'test/plain-yaml.test.ts'],
    env: { PGCHECK_FUZZ_RUNS: process.env.PGCHECK_FUZZ_RUNS ?? '100000' },
    maxWorkers: 2,
    testTimeout: 3_600_000,
  },
});
